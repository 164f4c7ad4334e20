package dev.placemat.workflows.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an action names the connection it uses: the config field holding the name, the connection type it needs, and
 * the name used when the field is left out (null: the step then uses no connection). The platform reads it to check,
 * when a definition is saved or deployed, that the people behind the workflow may use the connection.
 */
public record ConnectionUse(String field, String type, String defaultName) {

    /** The connection a step config names, or the default; null when it names none and there is no default. */
    public String nameIn(JsonNode config) {
        JsonNode value = config == null ? null : config.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            return value.asText().trim();
        }
        return defaultName;
    }
}
