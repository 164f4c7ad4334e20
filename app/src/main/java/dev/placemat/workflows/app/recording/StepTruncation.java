package dev.placemat.workflows.app.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.db.StoredJson;
import java.nio.charset.StandardCharsets;

/**
 * Keeps step rows small: an input or output larger than {@code workflows.limits.max-step-output-bytes} is stored
 * as a marker with its size and the start of its JSON text. The execution itself still sees the whole value. The
 * text is made once, on the thread that recorded the step, so the writer only binds it.
 */
final class StepTruncation {

    static final String MARKER = "_truncated";
    static final int PREVIEW_CHARS = 1024;

    private StepTruncation() {}

    /** The JSON text of a value, or of the marker that stands for it when it is too large. */
    static String json(StoredJson json, JsonNode value, int maxBytes) {
        String text = json.write(value);
        if (text == null || text.length() <= maxBytes / 4) {
            return text;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= maxBytes) {
            return text;
        }
        ObjectNode marker = JsonNodeFactory.instance.objectNode();
        marker.put(MARKER, true);
        marker.put("original_bytes", bytes);
        marker.put("max_bytes", maxBytes);
        marker.put("preview", text.substring(0, Math.min(PREVIEW_CHARS, text.length())));
        return json.write(marker);
    }
}
