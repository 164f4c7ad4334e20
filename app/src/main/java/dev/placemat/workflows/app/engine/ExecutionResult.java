package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * How a run of an execution ended: status, error for people, the context at that point, and for a durable wait when
 * it resumes ({@code waiting}).
 */
public record ExecutionResult(UUID executionId, String status, String error, ObjectNode context, Instant resumeAt) {

    private static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");

    /** Whether the execution is over (not waiting, not handed to another node). */
    public boolean isFinal() {
        return FINAL.contains(status);
    }
}
