package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.connections.SecretRedactor;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.recording.ExecutionWriter;
import dev.placemat.workflows.app.recording.RowWrite.UpdateExecution;
import dev.placemat.workflows.runtime.EngineThreads;
import dev.placemat.workflows.runtime.ExecutionAbandoned;
import dev.placemat.workflows.runtime.ExecutionHalted;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.ExecutionSuspended;
import dev.placemat.workflows.runtime.StepSink;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs stored executions on this node: one run from the first step (a new execution) or from its journal (resumed),
 * on the body route of its deployment, asynchronously (a wait or a retry delay holds no thread). A run ends once:
 * with a final status, suspended in a durable wait, or abandoned when this node no longer owns the execution (then
 * nothing is written). The deployment lease and the admission slot the caller took are released at the end.
 */
@Component
public class ExecutionRunner {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);

    private final CamelContext camel;
    private final ExecutionWriter writer;
    private final SecretRedactor redactor;
    private final ApplicationEventPublisher events;
    private final StepEnds stepEnds;
    private final Admission admission;
    private final LiveExecutions live;
    private final WorkflowLimits limits;
    private final ClusterNode node;
    private final StoredJson json;
    private final EngineThreads threads;
    private final ExecutorService starters;
    private final int maxSteps;
    private final long maxOutputBytes;

    public ExecutionRunner(CamelContext camel, ExecutionWriter writer, SecretRedactor redactor,
            ApplicationEventPublisher events, StepEnds stepEnds, Admission admission, LiveExecutions live,
            WorkflowLimits limits, ClusterNode node, EngineThreads threads, EnginePools pools,
            WorkflowsProperties properties, StoredJson json) {
        this.camel = camel;
        this.writer = writer;
        this.redactor = redactor;
        this.events = events;
        this.stepEnds = stepEnds;
        this.admission = admission;
        this.live = live;
        this.limits = limits;
        this.node = node;
        this.json = json;
        this.threads = threads;
        this.starters = pools.executions();
        this.maxSteps = properties.limits().maxStepsPerExecution();
        this.maxOutputBytes = properties.limits().maxOutputBytesPerExecution();
    }

    /** Starts a run; its end completes the returned future (also when it only suspends or is abandoned). */
    public CompletableFuture<ExecutionResult> run(ExecutionRun run) {
        return run(run, starters);
    }

    /**
     * As {@link #run(ExecutionRun)}, the route started through {@code starter} (the thread that runs its first
     * steps).
     */
    public CompletableFuture<ExecutionResult> run(ExecutionRun run, Executor starter) {
        Deployment deployment = run.deployment();
        UUID id = run.id();
        UUID owner = node.id();
        CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
        StepRecording recording = new StepRecording(writer, redactor, stepEnds, deployment.workflowId(), node.name(),
                maxOutputBytes, () -> node.owns(owner));
        StepSink sink = run.test() == null ? recording : new BothSinks(recording, run.test().observer());
        ObjectNode context = ExecutionContexts.initial(run.triggerData(), id, deployment.workflowId(),
                deployment.version(), run.startedAt());
        ExecutionState state = new ExecutionState(id.toString(), deployment.workflowId().toString(), context, sink,
                run.journal(), maxSteps, () -> node.holds(owner));
        recording.attach(state, run.journal().outputChars());
        if (run.test() != null) {
            state.haltAfter(run.test().stopAfter());
        }
        AtomicBoolean ended = new AtomicBoolean();
        ScheduledFuture<?>[] deadline = new ScheduledFuture<?>[1];
        Consumer<ExecutionResult> end = result -> {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            live.remove(id);
            if (deadline[0] != null) {
                deadline[0].cancel(false);
            }
            write(result, owner);
            admission.release(deployment.workflowId());
            done.complete(result);
            if (result.isFinal() && run.test() == null) {
                events.publishEvent(new ExecutionEnded(deployment.workflowId(), deployment.version(),
                        run.triggerData(), result, run.startedAt()));
            }
        };
        // the stop's end comes first: the route, failing on another thread once its step is given up, must not win
        BiConsumer<String, String> stop = (reason, status) -> {
            end.accept(new ExecutionResult(id, status, reason, ExecutionContexts.result(state), null));
            state.stop(reason);
        };
        LiveExecutions.Live execution = new LiveExecutions.Live(stop);
        live.add(id, execution);
        Duration timeout = limits.executionTimeout();
        deadline[0] = threads.timers().schedule(() -> stop.accept("the execution ran longer than the maximum of "
                + timeout.toSeconds() + " s in one go (workflows.limits.execution-timeout-seconds) and was stopped",
                "failed"), timeout.toMillis(), TimeUnit.MILLISECONDS);
        starter.execute(() -> {
            execution.runningSince = Instant.now();
            route(deployment, state, end);
        });
        return done;
    }

    /** Writes the end of a run, conditional on {@code owner} (the incarnation it ran under) still owning it. */
    private void write(ExecutionResult result, UUID owner) {
        if (LiveExecutions.ABANDONED.equals(result.status())) {
            return;
        }
        String context = json.write(redactor.scrub(result.context()));
        if (result.resumeAt() != null) {
            writer.put(UpdateExecution.waiting(result.executionId(), result.resumeAt(), context, owner));
        } else {
            writer.put(UpdateExecution.ended(result.executionId(), result.status(), redactor.scrub(result.error()),
                    context, owner));
        }
    }

    /**
     * Runs a test of a definition that is not stored: nothing is written, the steps go to the state's sink only.
     * The caller holds a lease on the deployment; it is released at the end.
     */
    public CompletableFuture<ExecutionResult> runUnstored(Deployment deployment, ExecutionState state) {
        CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
        route(deployment, state, done::complete);
        return done;
    }

    /** Runs the body route of a deployment for one run; the lease is released when the route ends. */
    private void route(Deployment deployment, ExecutionState state, Consumer<ExecutionResult> onEnd) {
        Exchange exchange = new DefaultExchange(camel);
        state.attachTo(exchange);
        Runnable finish = () -> {
            deployment.release();
            onEnd.accept(resultOf(state, exchange));
        };
        try {
            deployment.producer().process(exchange, doneSync -> finish.run());
        } catch (RuntimeException e) {
            log.error("execution {} could not be run", state.executionId(), e);
            exchange.setException(e);
            finish.run();
        }
    }

    private static ExecutionResult resultOf(ExecutionState state, Exchange exchange) {
        UUID id = UUID.fromString(state.executionId());
        Exception failure = exchange.getException();
        if (failure instanceof ExecutionSuspended suspended) {
            return new ExecutionResult(id, "waiting", null, ExecutionContexts.result(state), suspended.resumeAt());
        }
        if (failure instanceof ExecutionHalted halted) {
            return new ExecutionResult(id, "completed", null, ExecutionContexts.result(state), null);
        }
        if (failure instanceof ExecutionAbandoned abandoned) {
            return new ExecutionResult(id, LiveExecutions.ABANDONED, abandoned.getMessage(), ExecutionContexts.result(state), null);
        }
        String error = failure == null ? null : stepFailure(failure)
                .orElse("the execution failed: " + failure.getClass().getSimpleName());
        return new ExecutionResult(id, failure == null ? "completed" : "failed", error, ExecutionContexts.result(state), null);
    }

    /** The message of the step failure that ended the execution: Camel wraps one inside a loop (a split) in its own. */
    private static Optional<String> stepFailure(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StepFailure step) {
                return Optional.of(step.getMessage());
            }
        }
        return Optional.empty();
    }
}
