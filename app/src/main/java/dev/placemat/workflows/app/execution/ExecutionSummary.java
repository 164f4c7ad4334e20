package dev.placemat.workflows.app.execution;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * An execution's fields without its steps (the detail, and the {@code execution} event of the live stream): its
 * trigger data, final context, where it waits or was interrupted, and where and why it ran.
 */
public record ExecutionSummary(@JsonUnwrapped ExecutionItem item, @Nullable JsonNode triggerData,
        @Nullable JsonNode executionData, @Nullable Instant resumeAt, @Nullable String interruptedStep,
        @Nullable UUID rerunOf, int resumeCount, boolean test, List<Run> runs) {

    /** A node's run of the execution: its start ({@code started}), then each time it was resumed, and why. */
    public record Run(@Nullable String node, Instant startedAt, String reason) {}
}
