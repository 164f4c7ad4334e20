package dev.placemat.workflows.app.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.springframework.stereotype.Component;

/**
 * JSON the platform wrote itself: jsonb columns and events on its own bus, written and read with the application's
 * ObjectMapper. It was accepted once already, and it nests deeper than any request (an execution's context holds a
 * webhook body one level down), so it is read with Jackson's default nesting depth rather than the API's request
 * limit ({@code workflows.limits.max-json-depth}). PostgreSQL refuses the character U+0000 inside jsonb strings, so
 * it is written as U+FFFD rather than losing the row.
 */
@Component
public class StoredJson {

    private final ObjectMapper json;

    public StoredJson(ObjectMapper mapper) {
        ObjectMapper stored = mapper.copy();
        stored.getFactory().setStreamReadConstraints(stored.getFactory().streamReadConstraints().rebuild()
                .maxNestingDepth(StreamReadConstraints.DEFAULT_MAX_DEPTH).build());
        this.json = stored;
    }

    /**
     * The tree of a column's text (null stays null).
     *
     * @throws IllegalStateException when the text is not JSON
     */
    public JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** The text to store for a value; null for a missing or null one. */
    public String write(JsonNode node) {
        if (node == null || node instanceof NullNode || node.isMissingNode()) {
            return null;
        }
        try {
            String text = json.writeValueAsString(node);
            return text.contains("\\u0000") ? text.replaceAll("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000", "$1\\\\uFFFD") : text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }
}
