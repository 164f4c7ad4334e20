package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** A stored workflow: its current definition and where it stands. */
public record WorkflowRow(
        UUID id,
        String name,
        String description,
        String triggerType,
        ObjectNode definition,
        boolean active,
        int version,
        Integer deployedVersion,
        Instant deployedAt,
        String webhookId,
        Instant createdAt,
        Instant updatedAt,
        UUID createdBy,
        boolean shared) {

    public boolean deployed() {
        return deployedVersion != null;
    }
}
