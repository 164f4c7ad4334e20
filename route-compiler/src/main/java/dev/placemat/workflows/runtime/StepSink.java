package dev.placemat.workflows.runtime;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Where step records go: the database for real executions, memory for tests. */
public interface StepSink {

    /**
     * An attempt started. The stage completes once the record is durable, and with it every record given before:
     * a step that is not safe to repeat, or that follows a step completed in this run, starts its work only then, so
     * that a crash can never leave its effect without the record that it began, nor lose the end of the step before.
     */
    default CompletionStage<Void> started(StepRecord record) {
        return CompletableFuture.completedFuture(null);
    }

    /** An attempt ended (or a step was skipped). */
    void ended(StepRecord record);

    /** The id of a new attempt's record. */
    default UUID newId() {
        return UUID.randomUUID();
    }
}
