package dev.placemat.workflows.app.web;

import dev.placemat.workflows.app.engine.LaunchRefused;
import dev.placemat.workflows.app.errors.ConflictException;
import dev.placemat.workflows.app.errors.FieldException;
import dev.placemat.workflows.app.errors.ForbiddenException;
import dev.placemat.workflows.app.errors.InvalidValueException;
import dev.placemat.workflows.app.errors.NotFoundException;
import dev.placemat.workflows.app.errors.UnsuitableValueException;
import dev.placemat.workflows.validation.FieldError;
import dev.placemat.workflows.validation.InvalidDefinitionException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code application/problem+json}: a title, a detail for people, and the field errors
 * with their paths. Never a stack trace; unexpected failures are logged and answered with a plain 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidDefinitionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDefinitionException e) {
        List<FieldError> errors = e.errors();
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid workflow definition",
                errors.size() + " error(s): " + errors.get(0).path() + ": " + errors.get(0).message()
                        + (errors.size() > 1 ? " (and more, see errors)" : ""),
                errors);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> badRequest(InvalidValueException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "Bad request", e);
    }

    @ExceptionHandler(UnsuitableValueException.class)
    ResponseEntity<ProblemDetail> unprocessable(UnsuitableValueException e) {
        return fieldProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", e);
    }

    private static ResponseEntity<ProblemDetail> fieldProblem(HttpStatus status, String title, FieldException e) {
        return problem(status, title, e.getMessage(), List.of(new FieldError(e.field(), "invalid", e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getName() + " has the wrong format"
                + (e.getRequiredType() == null ? "" : " (expected " + e.getRequiredType().getSimpleName() + ")");
        return problem(HttpStatus.BAD_REQUEST, "Bad request", message,
                List.of(new FieldError(e.getName(), "type", message)));
    }

    @ExceptionHandler(LaunchRefused.class)
    ResponseEntity<ProblemDetail> refused(LaunchRefused e) {
        HttpStatus status = e.overWorkflowLimit() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
        ResponseEntity<ProblemDetail> response = problem(status, status.getReasonPhrase(), e.getMessage(), List.of());
        return ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; the failure is logged.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestBodyLimit.BodyTooLarge.class) != null) {
            String detail = causedBy(e, RequestBodyLimit.BodyTooLarge.class).getMessage() + ".";
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", detail,
                            List.of(new FieldError("$", "too_large", detail))));
        }
        boolean tooDeep = causedBy(e, com.fasterxml.jackson.core.exc.StreamConstraintsException.class) != null;
        String detail = tooDeep ? "The request body is nested too deeply" + location(e) + "; flatten it."
                : "The request body is not valid JSON" + location(e) + ".";
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, tooDeep ? "JSON too deep" : "Malformed JSON", detail,
                List.of(new FieldError("$", tooDeep ? "too_deep" : "malformed_json", detail)));
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, "Bad request", e.getParameterName() + " is required",
                List.of(new FieldError(e.getParameterName(), "required", e.getParameterName() + " is required")));
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            org.springframework.web.servlet.resource.NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String path = e.getResourcePath();
        boolean webhook = path.startsWith("webhooks/");
        String detail = webhook ? "No workflow is deployed under this webhook." : "There is nothing at /" + path + ".";
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(HttpStatus.NOT_FOUND, "Not found", detail,
                        List.of(new FieldError(webhook ? "webhook_id" : "path", "not_found", detail))));
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String location(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            return " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        }
        return e.getCause() == null ? " (the body is empty)" : "";
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            List<FieldError> errors) {
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, title, detail, errors));
    }

    private static ProblemDetail body(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", errors.stream()
                .map(err -> Map.of("path", err.path(), "code", err.code(), "message", err.message()))
                .toList());
        return problem;
    }
}
