package dev.placemat.workflows.app.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.runtime.StepRecord;
import java.nio.charset.StandardCharsets;

/**
 * Keeps step rows small: an input or output larger than {@code workflows.limits.max-step-output-bytes} is stored
 * as a marker with its size and the start of its JSON text. The execution itself still sees the whole value.
 */
final class StepTruncation {

    static final String MARKER = "_truncated";
    static final int PREVIEW_CHARS = 1024;

    private StepTruncation() {}

    static StepRecord of(StepRecord record, int maxBytes) {
        JsonNode input = truncate(record.input(), maxBytes);
        JsonNode output = truncate(record.output(), maxBytes);
        if (input == record.input() && output == record.output()) {
            return record;
        }
        return new StepRecord(record.executionId(), record.stepKey(), record.stepNumber(), record.actionType(),
                record.status(), record.attempt(), input, output, record.error(), record.startedAt(),
                record.completedAt());
    }

    static JsonNode truncate(JsonNode value, int maxBytes) {
        String text = JsonText.of(value);
        if (text == null || text.length() <= maxBytes / 4) {
            return value;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= maxBytes) {
            return value;
        }
        ObjectNode marker = JsonNodeFactory.instance.objectNode();
        marker.put(MARKER, true);
        marker.put("original_bytes", bytes);
        marker.put("max_bytes", maxBytes);
        marker.put("preview", text.substring(0, Math.min(PREVIEW_CHARS, text.length())));
        return marker;
    }
}
