package dev.placemat.workflows.app.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * JSON text for jsonb columns. PostgreSQL refuses the character U+0000 inside jsonb strings, so it is replaced
 * with U+FFFD rather than losing the row.
 */
public final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {}

    public static String of(JsonNode node) {
        if (node == null || node instanceof NullNode || node.isMissingNode()) {
            return null;
        }
        try {
            String text = JSON.writeValueAsString(node);
            return text.contains("\\u0000") ? text.replaceAll("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000", "$1\\\\uFFFD") : text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }
}
