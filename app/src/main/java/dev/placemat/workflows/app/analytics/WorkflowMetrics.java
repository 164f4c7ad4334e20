package dev.placemat.workflows.app.analytics;

import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** A workflow's executions in a period ({@code GET /api/analytics/workflows}); zeros when it did not run. */
public record WorkflowMetrics(UUID id, String name, long totalExecutions, long successfulExecutions,
        long failedExecutions, @Nullable Double avgDurationSeconds, @Nullable Instant lastExecution) {}
