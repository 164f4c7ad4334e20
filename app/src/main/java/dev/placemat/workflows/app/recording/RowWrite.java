package dev.placemat.workflows.app.recording;

import dev.placemat.workflows.runtime.StepRecord;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A row change queued for the {@link ExecutionWriter}. */
public sealed interface RowWrite {

    /** A new execution; {@code committed} completes once the row is durable. */
    record InsertExecution(UUID id, UUID workflowId, int workflowVersion, String triggerJson, Instant startedAt,
            CompletableFuture<Void> committed) implements RowWrite {}

    /** One attempt of one step, with its input and output as JSON text. */
    record InsertStep(StepRecord record, UUID workflowId, String inputJson, String outputJson) implements RowWrite {}

    /** A status change: {@code running}, or a final status with error and final context. */
    record UpdateExecution(UUID id, String status, String error, String executionJson, Instant completedAt)
            implements RowWrite {

        boolean isFinal() {
            return !"running".equals(status);
        }
    }
}
