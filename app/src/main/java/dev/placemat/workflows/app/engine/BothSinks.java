package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepSink;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Records go to the database and to an observer (a test run's answer); the database decides durability and ids. */
record BothSinks(StepSink stored, StepSink observer) implements StepSink {

    @Override
    public CompletionStage<Void> started(StepRecord record) {
        observer.started(record);
        return stored.started(record);
    }

    @Override
    public void ended(StepRecord record) {
        stored.ended(record);
        observer.ended(record);
    }

    @Override
    public UUID newId() {
        return stored.newId();
    }
}
