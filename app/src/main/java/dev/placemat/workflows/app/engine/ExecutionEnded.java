package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Published (as a Spring application event) when a stored execution ends, after its final row is queued:
 * listeners chain workflows ({@code workflow.completed} / {@code workflow.failed}) or count metrics.
 */
public record ExecutionEnded(UUID workflowId, int workflowVersion, ObjectNode triggerData, ExecutionResult result,
        Instant startedAt) {}
