package dev.placemat.workflows.app.execution;

import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** An execution as the list shows it: its workflow, status and timing. */
public record ExecutionItem(UUID id, UUID workflowId, String workflowName, int workflowVersion, String status,
        Instant startedAt, @Nullable Instant completedAt, @Nullable Long durationMs, @Nullable String errorMessage) {}
