package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * A workflow in the list ({@code GET /api/workflows}): what it is, where it stands, its tags and its last execution
 * that was not a test. The times are the database's timestamps (written with millisecond precision and an offset).
 */
public record WorkflowSummary(UUID id, String name, @Nullable String description, String triggerType,
        boolean isActive, boolean deployed, int version, @Nullable Integer deployedVersion, Date updatedAt,
        List<String> tags, @Nullable LastExecution lastExecution) {

    public record LastExecution(UUID id, String status, Date startedAt) {}

    /** A row of {@link WorkflowRepository#list()}. */
    static WorkflowSummary of(Map<String, Object> row) {
        Object tags = row.get("tags");
        List<String> tagList = tags instanceof JsonNode node && node.isArray()
                ? node.valueStream().map(JsonNode::asText).toList() : List.of();
        Object last = row.get("last_execution_id");
        return new WorkflowSummary((UUID) row.get("id"), (String) row.get("name"), (String) row.get("description"),
                (String) row.get("trigger_type"), (Boolean) row.get("is_active"), row.get("deployed_version") != null,
                (Integer) row.get("version"), (Integer) row.get("deployed_version"), (Date) row.get("updated_at"),
                tagList, last == null ? null : new LastExecution((UUID) last, (String) row.get("last_execution_status"),
                        (Date) row.get("last_execution_started_at")));
    }
}
