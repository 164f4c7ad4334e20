package dev.placemat.workflows.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.PlainJson;
import dev.placemat.workflows.spi.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP answer: status and reason, headers (names in lower case), body bytes, and its content type.
 *
 * @param host the host that answered, for messages
 */
public record HttpAnswer(int status, String reason, Map<String, String> headers, byte[] body, String contentType,
        String host) {

    /** How much of an error answer's body a failure message repeats. */
    static final int DETAIL_BYTES = 2048;
    private static final ObjectMapper JSON = PlainJson.mapper();

    public HttpAnswer {
        headers = Map.copyOf(headers);
        reason = reason == null ? "" : reason;
    }

    /**
     * A failure for an error status, its message {@code what} followed by the status line, the content type and the
     * start of the body: permanent for a 4xx (a retry would be refused the same way), retryable for a 5xx, a 429 and
     * a 408; a 429 or 503 that says {@code Retry-After} carries that wait.
     */
    public StepFailure failure(String what) {
        String message = what + ": " + detail();
        Duration wait = (status == 429 || status == 503) ? retryAfter() : null;
        if (wait != null) {
            return StepFailure.retryAfter(message + "; the service asked to wait " + Math.max(1, wait.toSeconds())
                    + " s (Retry-After)", wait);
        }
        return status >= 500 || status == 429 || status == 408 ? StepFailure.transientFailure(message)
                : StepFailure.permanent(message);
    }

    /** The failure of an error answer from {@link #host}: {@code HTTP 500 Internal Server Error from host: ...}. */
    public StepFailure failure() {
        return failure("HTTP " + status + (reason.isBlank() ? "" : " " + reason) + " from " + host);
    }

    /** The content type and the first 2 KB of the body, on one line, for a failure message. */
    String detail() {
        String type = contentType == null || contentType.isBlank() ? "no content type" : contentType;
        if (body == null || body.length == 0) {
            return "(" + type + ", empty body)";
        }
        String text = new String(body, 0, Math.min(body.length, DETAIL_BYTES), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return "(" + type + ") " + text + (body.length > DETAIL_BYTES ? " ..." : "");
    }

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or null when there is none. */
    Duration retryAfter() {
        String value = headers.get("retry-after");
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The body as text (UTF-8). */
    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON, or an empty object when it is empty or not JSON. */
    public JsonNode json() {
        try {
            return body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** As a step's output: status, headers, and the body parsed as JSON when it is JSON. */
    JsonNode toOutput() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("status", status);
        ObjectNode h = out.putObject("headers");
        headers.forEach(h::put);
        out.set("body", parsedBody());
        return out;
    }

    private JsonNode parsedBody() {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                // fall through: the server said JSON but sent something else; keep it as text
            }
        }
        return JsonNodeFactory.instance.textNode(new String(body, StandardCharsets.UTF_8));
    }
}
