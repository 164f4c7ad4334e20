package dev.placemat.workflows.connectors.common;

import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.util.Map;

/**
 * The fields of one named connection, read for one step. Error messages name the connection and the field, never a
 * value: connection values are secrets.
 */
public final class ConnectionFields {

    private final String name;
    private final String type;
    private final Map<String, String> fields;

    private ConnectionFields(String name, String type, Map<String, String> fields) {
        this.name = name;
        this.type = type;
        this.fields = fields;
    }

    /** The connection named in the step's config, or {@code defaultName} when the config names none. */
    public static ConnectionFields load(StepContext context, String configured, String defaultName, String type)
            throws StepFailure {
        String name = configured == null || configured.isBlank() ? defaultName : configured.trim();
        Map<String, String> fields = context.services().require(Connections.class).get(name, type);
        return new ConnectionFields(name, type, fields == null ? Map.of() : fields);
    }

    public String name() {
        return name;
    }

    public String require(String field) throws StepFailure {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            throw StepFailure.permanent("the " + type + " connection '" + name + "' has no " + field
                    + "; add it to the connection");
        }
        return value.trim();
    }

    public String optional(String field, String fallback) {
        String value = fields.get(field);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int number(String field, int fallback) throws StepFailure {
        String value = optional(field, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw StepFailure.permanent("the " + type + " connection '" + name + "' has a " + field
                    + " that is not a whole number");
        }
    }

    public boolean flag(String field, boolean fallback) {
        String value = optional(field, null);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }
}
