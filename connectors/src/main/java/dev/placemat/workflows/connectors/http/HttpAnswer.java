package dev.placemat.workflows.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.spi.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer: status, headers (names in lower case), body bytes, and its content type. */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body, String contentType) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A failure for an error status: retryable for 5xx and 429, permanent for other 4xx. */
    public StepFailure failure(String message) {
        return status >= 500 || status == 429 ? StepFailure.transientFailure(message) : StepFailure.permanent(message);
    }

    /** The body as text (UTF-8). */
    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
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
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                // fall through: the server said JSON but sent something else; keep it as text
            }
        }
        return JsonNodeFactory.instance.textNode(new String(body, StandardCharsets.UTF_8));
    }
}
