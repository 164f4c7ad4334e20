package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Runs one attempt of one step, asynchronously: a step found done in the execution's journal is not run again (its
 * recorded output goes into the context); otherwise a {@link StepAttempt} resolves the config's templates, records
 * the start, runs the step's logic within the step's timeout on a worker (or, for logic that only computes, on the
 * execution's own thread) and completes the exchange through Camel's callback when the work ends, without any
 * thread waiting for it. A failure is a {@link StepFailure} on the exchange, so that the route's redelivery policy
 * for this step applies.
 */
@RequiredArgsConstructor
public final class StepProcessor extends AsyncProcessorSupport {

    /** The step key of the step running now; the per-step redelivery policies match on it. */
    public static final String CURRENT_STEP = "placemat.step";
    /** The record of the attempt that just ended, for the recording interceptor. */
    public static final String OUTCOME = "placemat.outcome";
    /** Where in its loops the exchange is ({@code "2"}, {@code "2.0"}), or absent outside loops. */
    public static final String ITERATION = "placemat.iteration";
    /** Until when the wait step that just ran lasts (an {@link Instant}). */
    public static final String WAIT_UNTIL = "placemat.wait-until";

    private final StepSpec step;
    private final StepLogic logic;
    /**
     * True to run the logic on the execution's thread: logic that only computes (no I/O, so that running it again
     * changes nothing outside); false to run it on a worker that a timeout interrupts.
     */
    private final boolean inline;
    private final EngineThreads threads;
    private final PlatformServices services;

    public StepSpec step() {
        return step;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ExecutionState state = ExecutionState.of(exchange);
        String iteration = exchange.getProperty(ITERATION, String.class);
        String key = Journal.key(step.key(), iteration);
        Journal.Entry replayed = state.replayed(key);
        if (replayed != null) {
            replay(state, exchange, replayed);
            callback.done(true);
            return true;
        }
        exchange.setProperty(CURRENT_STEP, step.key());
        int attempt;
        try {
            state.checkMayProceed();
            attempt = state.nextAttempt(key);
        } catch (StepFailure | ExecutionAbandoned | ExecutionHalted e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return new StepAttempt(this, state, exchange, callback, iteration, attempt).start();
    }

    private void replay(ExecutionState state, Exchange exchange, Journal.Entry entry) {
        if (entry.status() == StepStatus.SKIPPED) {
            return;
        }
        publish(state, entry.output());
        if (entry.status() == StepStatus.WAITING) {
            exchange.setProperty(WAIT_UNTIL, Instant.parse(entry.output().path(Waiting.UNTIL_FIELD).asText()));
            exchange.setProperty(WaitEnd.WAITING_RECORD, new StepRecord(entry.id(), state.executionId(), step.key(),
                    exchange.getProperty(ITERATION, String.class), step.number(), step.actionType(),
                    StepStatus.WAITING, 0, null, entry.output(), null, null, null));
        }
    }

    void publish(ExecutionState state, JsonNode output) {
        if (step.nested()) {
            state.appendResult(step.number(), output);
        } else {
            state.put("step_" + step.number(), output);
        }
    }

    StepSpec spec() {
        return step;
    }

    StepLogic logic() {
        return logic;
    }

    boolean inline() {
        return inline;
    }

    EngineThreads threads() {
        return threads;
    }

    PlatformServices services() {
        return services;
    }
}
