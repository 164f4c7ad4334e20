package dev.placemat.workflows.runtime;

/** Where step records go: the database for real executions, memory for test runs. */
@FunctionalInterface
public interface StepSink {

    void record(StepRecord record);
}
