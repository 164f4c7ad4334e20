package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.runtime.Journal;
import dev.placemat.workflows.runtime.StepSink;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of a stored execution on this node: the deployment it runs on (the caller holds a lease that passes to the
 * run, and an admission slot), its id and trigger data, when the execution first started, the journal of what
 * earlier runs did (or pinned outputs), and for a test run what else sees its steps and where it stops.
 */
public record ExecutionRun(Deployment deployment, UUID id, ObjectNode triggerData, Instant startedAt, Journal journal,
        TestRun test) {

    /** A test run: its steps also go to {@code observer}; it ends after {@code stopAfter} (null: runs it all). */
    public record TestRun(StepSink observer, String stopAfter) {}

    public ExecutionRun(Deployment deployment, UUID id, ObjectNode triggerData, Instant startedAt, Journal journal) {
        this(deployment, id, triggerData, startedAt, journal, null);
    }

    public static ExecutionRun first(Deployment deployment, UUID id, ObjectNode triggerData, Instant startedAt) {
        return new ExecutionRun(deployment, id, triggerData, startedAt, Journal.EMPTY);
    }
}
