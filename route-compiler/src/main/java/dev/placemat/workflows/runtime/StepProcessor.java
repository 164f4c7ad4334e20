package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs one attempt of one step: resolves the config's templates, runs the step's logic within the step's timeout,
 * and puts the output into the context. It leaves a {@link StepRecord} on the exchange for the recording
 * interceptor, and throws a {@link StepFailure} on failure so that the route's redelivery policy for this step
 * applies.
 */
public final class StepProcessor implements Processor {

    /** The step key of the step running now; the per-step redelivery policies match on it. */
    public static final String CURRENT_STEP = "placemat.step";
    /** The record of the attempt that just ended. */
    public static final String OUTCOME = "placemat.outcome";

    private final StepSpec step;
    private final StepLogic logic;
    private final Executor workers;
    private final PlatformServices services;

    /**
     * @param workers where the logic runs so that the timeout can be enforced; {@code null} runs it on the route's
     *                thread (for logic that only reads the context)
     */
    public StepProcessor(StepSpec step, StepLogic logic, Executor workers, PlatformServices services) {
        this.step = step;
        this.logic = logic;
        this.workers = workers;
        this.services = services;
    }

    public StepSpec step() {
        return step;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ExecutionState state = ExecutionState.of(exchange);
        if (state.stopReason() != null) {
            throw StepFailure.permanent(state.stopReason());
        }
        exchange.setProperty(CURRENT_STEP, step.key());
        int attempt = state.nextAttempt(step.key());
        Instant start = Instant.now();
        JsonNode input = NullNode.getInstance();
        try {
            input = state.resolve(step.config(), logic.fieldRules());
            JsonNode output = run(input, exchange, state, start);
            publish(state, output);
            clearRedeliveryMarks(exchange);
            exchange.setProperty(OUTCOME, record(state, StepStatus.COMPLETED, attempt, input, output, null, start));
        } catch (StepFailure thrown) {
            StepFailure failure = RetryWait.apply(thrown, step, attempt, exchange, services);
            exchange.setProperty(OUTCOME, record(state, StepStatus.FAILED, attempt, input, null, failure.getMessage(), start));
            throw failure;
        }
    }

    private JsonNode run(JsonNode input, Exchange exchange, ExecutionState state, Instant start) throws StepFailure {
        Instant deadline = start.plusSeconds(step.timeoutSeconds());
        StepRun context = new StepRun(state, step.key(), state.executionId() + ":" + step.key(), deadline,
                exchange.getContext(), services);
        if (workers == null) {
            return call(input, context);
        }
        CompletableFuture<JsonNode> future = CompletableFuture.supplyAsync(() -> {
            try {
                return call(input, context);
            } catch (StepFailure failure) {
                throw new CompletionException(failure);
            }
        }, workers);
        try {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return future.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            context.cancel();
            future.cancel(true);
            throw StepFailure.transientFailure("step " + step.key() + " timed out after " + step.timeoutSeconds()
                    + " s (timeout_seconds)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.cancel();
            future.cancel(true);
            throw StepFailure.transientFailure("step " + step.key() + " was interrupted");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            throw cause instanceof StepFailure failure ? failure : failureOf(cause);
        }
    }

    private JsonNode call(JsonNode input, StepRun context) throws StepFailure {
        try {
            JsonNode output = logic.run(input, context);
            return output == null ? NullNode.getInstance() : output;
        } catch (StepFailure failure) {
            throw failure;
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent(e.getMessage());
        } catch (Exception e) {
            throw failureOf(e);
        }
    }

    private static StepFailure failureOf(Throwable e) {
        String message = e == null ? "unknown error" : e.getMessage();
        String kind = e == null ? "Error" : e.getClass().getSimpleName();
        return StepFailure.transientFailure(message == null || message.isBlank() ? kind : kind + ": " + message);
    }

    private void publish(ExecutionState state, JsonNode output) {
        if (step.nested()) {
            state.appendResult(step.number(), output);
        } else {
            state.put("step_" + step.number(), output);
        }
    }

    private StepRecord record(ExecutionState state, StepStatus status, int attempt, JsonNode input, JsonNode output,
            String error, Instant start) {
        return new StepRecord(state.executionId(), step.key(), step.number(), step.actionType(), status, attempt,
                input, output, error, start, Instant.now());
    }

    /** Camel's redelivery marks stay on the exchange after a retried step succeeds; the next step starts clean. */
    private static void clearRedeliveryMarks(Exchange exchange) {
        exchange.getIn().removeHeaders("CamelRedelivery*");
        exchange.getIn().removeHeader(Exchange.REDELIVERED);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        exchange.removeProperty(Exchange.FAILURE_ENDPOINT);
        exchange.removeProperty(Exchange.FAILURE_ROUTE_ID);
    }
}
