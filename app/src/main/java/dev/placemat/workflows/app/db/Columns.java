package dev.placemat.workflows.app.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;

/** Values read back from columns: JSON text as a tree, timestamps as instants (null stays null). */
public final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Columns() {}

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
