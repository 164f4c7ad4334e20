package dev.placemat.workflows.app.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.spi.AnalyticsEvents;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Events of {@code analytics.track} steps, in {@code analytics_events}. */
@Component
@RequiredArgsConstructor
public class AnalyticsEventStore implements AnalyticsEvents {

    private final JdbcClient jdbc;
    private final StoredJson json;

    @Override
    public String record(String eventName, JsonNode properties, String workflowId, String executionId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO analytics_events (id, event_name, properties, workflow_id, execution_id) "
                        + "VALUES (:id, :name, :properties::jsonb, :workflow, :execution)")
                .param("id", id)
                .param("name", eventName)
                .param("properties", json.write(properties))
                .param("workflow", uuidOrNull(workflowId))
                .param("execution", uuidOrNull(executionId))
                .update();
        return id.toString();
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
