package dev.placemat.workflows.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The trigger of a workflow: {@code webhook}, {@code schedule}, {@code event} or {@code manual}, with its config. */
public record TriggerSpec(String type, ObjectNode config) {

    public TriggerSpec {
        config = config.deepCopy();
    }

    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }

    /** A config value as text, or the fallback when it is absent or not text. */
    public String text(String field, String fallback) {
        var node = config.get(field);
        return node != null && node.isTextual() ? node.asText() : fallback;
    }
}
