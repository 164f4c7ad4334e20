package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.placemat.workflows.definition.StepSpec;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Stands where a step's condition was false: it records the step as skipped (once: not again on a resume). */
@RequiredArgsConstructor
public final class SkippedStep implements Processor {

    private final StepSpec step;

    @Override
    public void process(Exchange exchange) {
        ExecutionState state = ExecutionState.of(exchange);
        String iteration = exchange.getProperty(StepProcessor.ITERATION, String.class);
        if (state.replayed(Journal.key(step.key(), iteration)) != null) {
            return;
        }
        Instant now = Instant.now();
        StepRecord record = new StepRecord(state.newRecordId(), state.executionId(), step.key(), iteration,
                step.number(), step.actionType(), StepStatus.RUNNING, 1, NullNode.getInstance(), null, null, now, null);
        state.sink().started(record);
        exchange.setProperty(StepProcessor.OUTCOME, record.ended(StepStatus.SKIPPED, NullNode.getInstance(),
                "condition not met", now));
    }
}
