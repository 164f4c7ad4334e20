package dev.placemat.workflows.connectors.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.spi.AnalyticsEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Analytics events kept in memory. */
public final class RecordedEvents implements AnalyticsEvents {

    /** One recorded event. */
    public record Event(String id, String name, JsonNode properties, String workflowId, String executionId) {}

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized String record(String eventName, JsonNode properties, String workflowId, String executionId) {
        String id = UUID.randomUUID().toString();
        events.add(new Event(id, eventName, properties, workflowId, executionId));
        return id;
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }
}
