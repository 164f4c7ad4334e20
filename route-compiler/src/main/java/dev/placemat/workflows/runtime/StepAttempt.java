package dev.placemat.workflows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * One attempt of one step, from its start record to Camel's callback. It ends exactly once: with the logic's output,
 * with its failure, or given up (timeout or stop), in which case the work is stopped too: the worker is interrupted,
 * a pending stage cancelled and the action's cancel hooks run. Route processing goes on from a worker thread,
 * never from a timer or an I/O thread.
 *
 * <p>An action starts before its start record is durable only when running it twice would do no harm and no step
 * that reaches outside (an HTTP call, a message; not a computation) completed before it in this run. Otherwise it
 * waits for that record: rows are written in order, so the end of the steps before it is then on record too, and a
 * crash can make only the step in flight run again, never one that completed and had an effect.
 */
final class StepAttempt {

    private final StepProcessor processor;
    private final StepSpec step;
    private final ExecutionState state;
    private final Exchange exchange;
    private final AsyncCallback callback;
    private final String iteration;
    private final int attempt;
    private final Thread starter = Thread.currentThread();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean starting = true;
    private volatile boolean endedInStart;
    private volatile StepRecord record;
    private volatile StepRun run;
    private volatile Future<?> worker;
    private volatile CompletableFuture<?> pending;
    private volatile ScheduledFuture<?> timer;
    private volatile StepFailure givenUp;

    StepAttempt(StepProcessor processor, ExecutionState state, Exchange exchange, AsyncCallback callback,
            String iteration, int attempt) {
        this.processor = processor;
        this.step = processor.spec();
        this.state = state;
        this.exchange = exchange;
        this.callback = callback;
        this.iteration = iteration;
        this.attempt = attempt;
    }

    /** Starts the attempt; true when it also ended already (Camel's synchronous completion). */
    boolean start() {
        Instant start = Instant.now();
        String key = Journal.key(step.key(), iteration);
        run = new StepRun(state, step.key(), state.executionId() + ":" + key, start.plusSeconds(step.timeoutSeconds()),
                exchange.getContext(), processor.services());
        JsonNode input = NullNode.getInstance();
        boolean safe = true;
        StepFailure refused = null;
        try {
            input = state.resolve(step.config(), processor.logic().fieldRules());
            safe = repeatSafe(input);
        } catch (StepFailure e) {
            refused = e;
        } catch (RuntimeException e) {
            refused = StepFailures.of(e);
        }
        record = new StepRecord(state.newRecordId(), state.executionId(), step.key(), iteration, step.number(),
                step.actionType(), StepStatus.RUNNING, attempt, input, null, null, start, null);
        CompletableFuture<Void> durable = state.sink().started(record).toCompletableFuture();
        state.running(this);
        JsonNode resolved = input;
        boolean onRecordFirst = !safe || state.effectCompletedInThisRun();
        if (refused != null) {
            end(null, refused);
        } else if (onRecordFirst && !durable.isDone()) {
            armTimeout();
            durable.whenComplete((ok, error) -> {
                if (error != null) {
                    end(null, notRecorded(error));
                } else {
                    onWorker(() -> launch(resolved));
                }
            });
        } else if (onRecordFirst && durable.isCompletedExceptionally()) {
            end(null, notRecorded(durable.handle((ok, error) -> error).join()));
        } else if (processor.inline()) {
            launch(resolved);
        } else {
            onWorker(() -> launch(resolved));
        }
        starting = false;
        return endedInStart;
    }

    private StepFailure notRecorded(Throwable error) {
        return StepFailure.transientFailure("the start of step " + step.key()
                + " could not be recorded, so it was not run: " + error.getMessage());
    }

    private boolean repeatSafe(JsonNode input) {
        return step.repeatSafe(processor.logic().repeatSafe(input));
    }

    private void launch(JsonNode input) {
        if (ended.get()) {
            return;
        }
        Object result;
        try {
            result = processor.logic().run(input, run);
        } catch (Exception e) {
            end(null, StepFailures.of(e));
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            CompletableFuture<?> future = stage.toCompletableFuture();
            pending = future;
            armTimeout();
            future.whenComplete((output, error) -> onWorker(() -> end(output, error == null ? null
                    : StepFailures.of(error instanceof CompletionException ? error.getCause() : error))));
        } else {
            end(result, null);
        }
    }

    /** Runs route work on a worker that a timeout can interrupt; a full pool fails the attempt, to be retried. */
    private void onWorker(Runnable work) {
        FutureTask<Void> task = new FutureTask<>(work, null);
        worker = task;
        armTimeout();
        try {
            processor.threads().workers().execute(task);
        } catch (RejectedExecutionException e) {
            end(null, StepFailure.transientFailure("the platform is busy: every step worker is taken; step "
                    + step.key() + " will be tried again"));
        }
    }

    private void armTimeout() {
        if (timer == null && !ended.get()) {
            timer = processor.threads().timers().schedule(() -> giveUp(StepFailure.transientFailure("step "
                    + step.key() + " timed out after " + step.timeoutSeconds() + " s (timeout_seconds)")),
                    step.timeoutSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Gives the attempt up: the work is stopped and the attempt fails with {@code failure}. */
    void giveUp(StepFailure failure) {
        if (ended.get()) {
            return;
        }
        givenUp = failure;
        run.cancel();
        Future<?> task = worker;
        if (task != null) {
            task.cancel(true);
        }
        CompletableFuture<?> stage = pending;
        if (stage != null) {
            stage.cancel(true);
        }
        if (Thread.currentThread() == starter && starting) {
            end(null, failure);
        } else {
            handOff(() -> end(null, failure));
        }
    }

    /** Goes on from a timer thread on a worker (or here, when every worker is taken). */
    private void handOff(Runnable work) {
        try {
            processor.threads().workers().execute(work);
        } catch (RejectedExecutionException e) {
            work.run();
        }
    }

    private void end(Object result, StepFailure failed) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        StepFailure failure = givenUp != null ? givenUp : failed;
        if (failure != null) {
            failure = RetryWait.apply(failure, step, attempt, exchange, processor.services());
        }
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        state.running(null);
        Instant now = Instant.now();
        if (failure != null) {
            exchange.setProperty(StepProcessor.OUTCOME, record.ended(StepStatus.FAILED, null, failure.getMessage(), now));
            exchange.setException(failure);
        } else if (result instanceof Waiting waiting) {
            processor.publish(state, waiting.output());
            StepRecord waitingRecord = record.ended(StepStatus.WAITING, waiting.output(), null, null);
            exchange.setProperty(StepProcessor.OUTCOME, waitingRecord);
            exchange.setProperty(StepProcessor.WAIT_UNTIL, waiting.until());
            exchange.setProperty(WaitEnd.WAITING_RECORD, waitingRecord);
            clearRedeliveryMarks();
        } else {
            JsonNode output = result instanceof JsonNode json ? json : NullNode.getInstance();
            processor.publish(state, output);
            exchange.setProperty(StepProcessor.OUTCOME, record.ended(StepStatus.COMPLETED, output, null, now));
            clearRedeliveryMarks();
            state.completed(step.key(), processor.inline());
        }
        boolean sync = starting && Thread.currentThread() == starter;
        endedInStart = sync;
        callback.done(sync);
    }

    /** Camel's redelivery marks stay on the exchange after a retried step succeeds; the next step starts clean. */
    private void clearRedeliveryMarks() {
        exchange.getIn().removeHeaders("CamelRedelivery*");
        exchange.getIn().removeHeader(Exchange.REDELIVERED);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        exchange.removeProperty(Exchange.FAILURE_ENDPOINT);
        exchange.removeProperty(Exchange.FAILURE_ROUTE_ID);
    }
}
