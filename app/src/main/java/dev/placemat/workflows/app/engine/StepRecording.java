package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.connections.SecretRedactor;
import dev.placemat.workflows.app.recording.ExecutionWriter;
import dev.placemat.workflows.app.recording.TimeOrderedIds;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepSink;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Where a stored execution's step records go: scrubbed of secrets, to the execution writer (a start is durable
 * once its batch commits), and to the {@link StepEnds}; nothing once this node no longer owns the execution
 * (another node took it after declaring this one dead). It also keeps the execution's output budget: once the
 * stored outputs pass it, the execution is stopped.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class StepRecording implements StepSink {

    private final ExecutionWriter writer;
    private final SecretRedactor redactor;
    private final StepEnds stepEnds;
    private final UUID workflowId;
    private final String node;
    private final long maxOutputBytes;
    private final BooleanSupplier owned;
    private final AtomicLong outputBytes = new AtomicLong();
    private volatile ExecutionState state;

    /**
     * The execution whose steps are recorded here, to stop when it is over its output budget; the outputs its earlier
     * runs recorded count too.
     */
    void attach(ExecutionState execution, long recordedBefore) {
        this.state = execution;
        outputBytes.set(recordedBefore);
    }

    @Override
    public CompletionStage<Void> started(StepRecord record) {
        return writer.started(redactor.scrub(record), workflowId, node);
    }

    @Override
    public void ended(StepRecord record) {
        if (!owned.getAsBoolean()) {
            return;
        }
        // the input is on record since the attempt's start: it is not scrubbed (nor carried) again
        StepRecord scrubbed = redactor.scrub(record.withoutInput());
        long total = outputBytes.addAndGet(writer.ended(scrubbed));
        stepEnds.ended(workflowId, scrubbed);
        if (total > maxOutputBytes && state != null) {
            state.stop("the execution's step outputs passed " + maxOutputBytes + " bytes, its budget "
                    + "(workflows.limits.max-output-bytes-per-execution); it was stopped");
        }
    }

    @Override
    public UUID newId() {
        return TimeOrderedIds.next();
    }
}
