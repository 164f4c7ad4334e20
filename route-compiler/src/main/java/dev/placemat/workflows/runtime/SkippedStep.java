package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.placemat.workflows.definition.StepSpec;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Stands where a step's condition was false: it records the step as skipped. */
public final class SkippedStep implements Processor {

    private final StepSpec step;

    public SkippedStep(StepSpec step) {
        this.step = step;
    }

    @Override
    public void process(Exchange exchange) {
        ExecutionState state = ExecutionState.of(exchange);
        Instant now = Instant.now();
        exchange.setProperty(StepProcessor.OUTCOME, new StepRecord(state.executionId(), step.key(), step.number(),
                step.actionType(), StepStatus.SKIPPED, 1, NullNode.getInstance(), null,
                "condition not met", now, now));
    }
}
