package dev.placemat.workflows.app.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * An execution with its step attempts in the order they ran ({@code GET /api/analytics/executions/{id}}); durations
 * in seconds.
 */
public record ExecutionTimings(UUID id, UUID workflowId, String workflowName, int workflowVersion, String status,
        Instant startedAt, @Nullable Instant completedAt, @Nullable Double duration, @Nullable String error,
        List<StepTiming> steps) {

    /** One attempt of a step. */
    public record StepTiming(String stepKey, int stepNumber, String actionType, String status, int attempt,
            @Nullable Double duration, @Nullable String error) {}
}
