package dev.placemat.workflows.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.StepFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of a Notion database and their types, as {@code GET /v1/databases/{id}} answers: a value is
 * written as its column's type, whatever it looks like.
 */
record NotionSchema(String databaseId, Map<String, String> types, String titleProperty) {

    /** A rich text property that, when the database has it, holds the run that created a page (see the README). */
    static final String RUN_MARKER = "Placemat Run";

    static NotionSchema of(String databaseId, JsonNode database) {
        Map<String, String> types = new LinkedHashMap<>();
        String title = null;
        var fields = database.path("properties").fields();
        while (fields.hasNext()) {
            var property = fields.next();
            String type = property.getValue().path("type").asText("");
            types.put(property.getKey(), type);
            if (type.equals("title")) {
                title = property.getKey();
            }
        }
        return new NotionSchema(databaseId, Map.copyOf(types), title);
    }

    /** The type of {@code property}; a permanent failure naming what there is when the database lacks it. */
    String typeOf(String property, String field) throws StepFailure {
        String type = types.get(property);
        if (type == null) {
            throw StepFailure.permanent("the Notion database " + databaseId + " has no property '" + property
                    + "' for " + field + "; it has: " + String.join(", ", types.keySet())
                    + " (add the property in Notion, or leave " + field + " out)");
        }
        return type;
    }

    /** The title property's name; a permanent failure when the database has none (Notion gives each one). */
    String title() throws StepFailure {
        if (titleProperty == null) {
            throw StepFailure.permanent("the Notion database " + databaseId + " has no title property");
        }
        return titleProperty;
    }

    boolean hasRunMarker() {
        return "rich_text".equals(types.get(RUN_MARKER));
    }
}
