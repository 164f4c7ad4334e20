package dev.placemat.workflows.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Problem JSON written straight to a response, for answers given before any controller runs. */
@Component
@RequiredArgsConstructor
public class ProblemResponses {

    private final ObjectMapper json;

    public void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        write(response, status, title, detail, List.of());
    }

    /** With one error at {@code path} (code {@code invalid}), as the API's answers about a field. */
    public void writeInvalid(HttpServletResponse response, int status, String detail, String path)
            throws IOException {
        write(response, status, org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase(), detail,
                List.of(Map.of("path", path, "code", "invalid", "message", detail)));
    }

    private void write(HttpServletResponse response, int status, String title, String detail, List<?> errors)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", errors);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), body);
    }
}
