package dev.placemat.workflows.app.recording;

import dev.placemat.workflows.runtime.StepRecord;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A row change queued for the {@link ExecutionWriter}. */
public sealed interface RowWrite {

    /** A new execution, owned by the node that accepted it; {@code committed} completes once the row is durable. */
    record InsertExecution(UUID id, UUID workflowId, int workflowVersion, String triggerJson, Instant startedAt,
            UUID owner, String node, boolean test, CompletableFuture<Void> committed)
            implements RowWrite {}

    /** An attempt started, with its resolved input as JSON text; {@code committed} completes once it is durable. */
    record StartStep(StepRecord record, UUID workflowId, String node, String inputJson,
            CompletableFuture<Void> committed) implements RowWrite {}

    /** An attempt ended (the same row as its start), with its output as JSON text. */
    record EndStep(StepRecord record, String outputJson) implements RowWrite {}

    /**
     * A status change written only while {@code owner} still owns the execution: {@code running}, {@code waiting}
     * (until {@code resumeAt}; the execution then has no owner), or a final status with error and final context.
     */
    record UpdateExecution(UUID id, String status, String error, String executionJson, Instant completedAt,
            Instant resumeAt, UUID owner) implements RowWrite {

        static final String RUNNING = "running";
        static final String WAITING = "waiting";

        public static UpdateExecution running(UUID id, UUID owner) {
            return new UpdateExecution(id, RUNNING, null, null, null, null, owner);
        }

        public static UpdateExecution waiting(UUID id, Instant resumeAt, String executionJson, UUID owner) {
            return new UpdateExecution(id, WAITING, null, executionJson, null, resumeAt, owner);
        }

        public static UpdateExecution ended(UUID id, String status, String error, String executionJson, UUID owner) {
            return new UpdateExecution(id, status, error, executionJson, Instant.now(), null, owner);
        }

        /** Whether it ends the execution's run here (a final status or a wait); {@code running} never replaces it. */
        boolean endsRun() {
            return !RUNNING.equals(status);
        }
    }
}
