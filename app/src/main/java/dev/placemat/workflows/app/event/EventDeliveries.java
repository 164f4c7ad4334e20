package dev.placemat.workflows.app.event;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which execution each (workflow, event id) started: the guard against starting two for one event. */
@Repository
@RequiredArgsConstructor
public class EventDeliveries {

    /** The execution that owns an event for a workflow, and whether its row exists yet. */
    public record Owner(UUID executionId, boolean started) {}

    private final JdbcClient jdbc;

    /** Claims the event for the proposed execution, unless an earlier delivery claimed it; returns the owner. */
    public Owner claim(UUID workflowId, String eventId, UUID proposed) {
        jdbc.sql("INSERT INTO event_deliveries (workflow_id, event_id, execution_id) VALUES (:workflowId, :eventId, "
                        + ":executionId) ON CONFLICT (workflow_id, event_id) DO NOTHING")
                .param("workflowId", workflowId)
                .param("eventId", eventId)
                .param("executionId", proposed)
                .update();
        return jdbc.sql("SELECT d.execution_id, EXISTS (SELECT 1 FROM workflow_executions e WHERE e.id = d.execution_id) "
                        + "FROM event_deliveries d WHERE d.workflow_id = :workflowId AND d.event_id = :eventId")
                .param("workflowId", workflowId)
                .param("eventId", eventId)
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getBoolean(2)))
                .single();
    }
}
