package dev.placemat.workflows.runtime;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Ends a wait: its step, recorded as waiting when it began, is recorded as completed now. */
public final class WaitEnd implements Processor {

    /** The record of the waiting wait step (a {@link StepRecord}). */
    static final String WAITING_RECORD = "placemat.waiting-record";

    @Override
    public void process(Exchange exchange) {
        StepRecord waiting = exchange.getProperty(WAITING_RECORD, StepRecord.class);
        exchange.removeProperty(WAITING_RECORD);
        exchange.removeProperty(StepProcessor.WAIT_UNTIL);
        if (waiting != null) {
            ExecutionState.of(exchange).sink().ended(waiting.ended(StepStatus.COMPLETED, waiting.output(), null,
                    Instant.now()));
        }
    }
}
