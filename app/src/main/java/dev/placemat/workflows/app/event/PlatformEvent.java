package dev.placemat.workflows.app.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.config.JsonNumbers;

/**
 * An event: its type ({@code notion.opportunity.stage_changed}, {@code workflow.completed}), an id that makes
 * redeliveries recognisable, its data, and how many workflows it has chained through (0 for an event from outside).
 */
public record PlatformEvent(String id, String type, JsonNode data, int depth) {

    public PlatformEvent {
        data = data == null || data.isNull() || data.isMissingNode() ? JsonNodeFactory.instance.objectNode() : data;
    }

    /** Whether the type is one the platform publishes itself ({@code workflow.*}, {@code execution.*}). */
    public static boolean reserved(String type) {
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("workflow.") || lower.startsWith("execution.");
    }

    /** The event as it travels on Kafka. */
    public String toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("type", type);
        node.put("depth", depth);
        node.set("data", data);
        return node.toString();
    }

    /**
     * The event of a tree read from {@link #toJson}'s text.
     *
     * @throws IllegalArgumentException when the tree is not an event, or holds a number no one means as a value
     */
    public static PlatformEvent fromJson(JsonNode node) {
        if (node == null || !node.path("id").isTextual() || !node.path("type").isTextual()) {
            throw new IllegalArgumentException("not an event: id and type are required");
        }
        JsonNumbers.tooLong(node.path("data"), "data").ifPresent(path -> {
            throw new IllegalArgumentException(JsonNumbers.refusal(path));
        });
        return new PlatformEvent(node.get("id").asText(), node.get("type").asText(), node.get("data"),
                node.path("depth").asInt(0));
    }
}
