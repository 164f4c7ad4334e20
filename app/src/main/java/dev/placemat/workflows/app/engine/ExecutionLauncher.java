package dev.placemat.workflows.app.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.connections.SecretRedactor;
import dev.placemat.workflows.app.deploy.Deployment;
import dev.placemat.workflows.app.db.JsonText;
import dev.placemat.workflows.app.recording.ExecutionWriter;
import dev.placemat.workflows.app.recording.RowWrite.InsertExecution;
import dev.placemat.workflows.app.recording.RowWrite.UpdateExecution;
import dev.placemat.workflows.app.recording.TimeOrderedIds;
import dev.placemat.workflows.runtime.ExecutionState;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepSink;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts executions of deployed workflows. An execution is accepted only once its row is committed; then its body
 * route runs on the execution pool, asynchronously (a wait or a retry delay holds no thread), and its end is written
 * by the {@link ExecutionWriter}. Capacity is bounded: past it, launches are refused and nothing is stored.
 */
@Component
public class ExecutionLauncher {

    static final int COMMIT_WAIT_SECONDS = 5;
    /** How long an execution runs before its row says {@code running}; most end sooner and never need the write. */
    static final Duration SHOWN_RUNNING_AFTER = Duration.ofMillis(100);

    private final CamelContext camel;
    private final ExecutionWriter writer;
    private final ThreadPoolExecutor pool;
    private final Semaphore capacity;
    private final ApplicationEventPublisher events;
    private final SecretRedactor redactor;
    private final WorkflowLimits limits;
    /** Executions in this process. */
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
            new NamedThreads("execution-deadline"));

    public ExecutionLauncher(CamelContext camel, ExecutionWriter writer, WorkflowsProperties properties,
            ApplicationEventPublisher events, SecretRedactor redactor, WorkflowLimits limits) {
        this.limits = limits;
        // cancelled deadlines leave the queue at once: one is scheduled per execution
        deadlines.setRemoveOnCancelPolicy(true);
        this.camel = camel;
        this.writer = writer;
        this.events = events;
        this.redactor = redactor;
        int threads = properties.execution().threads();
        int queue = properties.execution().queueCapacity();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue + threads),
                new NamedThreads("execution"));
        this.capacity = new Semaphore(queue);
    }

    /**
     * Stores and starts an execution on a deployment the caller holds a lease on; the lease passes to the execution.
     *
     * @throws LaunchRefused when nothing could be stored (the caller answers 503, or 429 when the workflow is over
     *                       its own limits)
     */
    public Launch launch(Deployment deployment, ObjectNode triggerData) {
        return launch(deployment, triggerData, TimeOrderedIds.next());
    }

    /** As {@link #launch(Deployment, ObjectNode)}, with an execution id chosen before (event deduplication). */
    public Launch launch(Deployment deployment, ObjectNode triggerData, UUID id) {
        try {
            limits.acquire(deployment.workflowId());
        } catch (LaunchRefused refused) {
            deployment.release();
            throw refused;
        }
        if (!capacity.tryAcquire()) {
            limits.release(deployment.workflowId());
            deployment.release();
            throw new LaunchRefused("the platform is at capacity; try again shortly", 1);
        }
        Instant start = Instant.now();
        try {
            store(new InsertExecution(id, deployment.workflowId(), deployment.version(), JsonText.of(triggerData),
                    start, new CompletableFuture<>()));
        } catch (LaunchRefused refused) {
            capacity.release();
            limits.release(deployment.workflowId());
            deployment.release();
            throw refused;
        }
        return start(deployment, id, triggerData, start);
    }

    /**
     * Starts an execution whose row is stored already (a new launch, or one recovered after a restart), on a
     * deployment the caller holds a lease on.
     */
    public Launch resume(Deployment deployment, UUID id, ObjectNode triggerData, Instant start) {
        limits.acquireAlways(deployment.workflowId());
        capacity.acquireUninterruptibly();
        return start(deployment, id, triggerData, start);
    }

    private Launch start(Deployment deployment, UUID id, ObjectNode triggerData, Instant start) {
        CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
        StepSink sink = record -> {
            StepRecord scrubbed = redactor.scrub(record);
            writer.record(scrubbed, deployment.workflowId());
            events.publishEvent(new StepEnded(deployment.workflowId(), scrubbed));
        };
        ObjectNode context = ExecutionContexts.initial(triggerData, id, deployment.workflowId(), deployment.version(), start);
        ExecutionState state = new ExecutionState(id.toString(), deployment.workflowId().toString(), context, sink);
        AtomicBoolean ended = new AtomicBoolean();
        Consumer<ExecutionResult> end = result -> {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            live.remove(id);
            writer.put(new UpdateExecution(id, result.status(), redactor.scrub(result.error()),
                    JsonText.of(redactor.scrub(result.context())), Instant.now()));
            capacity.release();
            limits.release(deployment.workflowId());
            done.complete(result);
            events.publishEvent(new ExecutionEnded(deployment.workflowId(), deployment.version(), triggerData, result,
                    start));
        };
        BiConsumer<String, String> stop = (reason, status) -> {
            state.stop(reason);
            end.accept(new ExecutionResult(id, status, reason, state.snapshot()));
        };
        Live execution = new Live(stop);
        live.put(id, execution);
        Duration timeout = limits.executionTimeout();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> stop.accept("the execution ran longer than the maximum "
                + "of " + timeout.toSeconds() + " s (workflows.limits.execution-timeout-seconds) and was stopped",
                "failed"), timeout.toMillis(), TimeUnit.MILLISECONDS);
        pool.execute(() -> {
            execution.runningSince = Instant.now();
            run(deployment, state, result -> {
                deadline.cancel(false);
                end.accept(result);
            });
        });
        return new Launch(id, done);
    }

    /** Whether an execution runs in this process now. */
    public boolean isLive(UUID id) {
        return live.containsKey(id);
    }

    /**
     * Cancels an execution running in this process: it ends now as {@code cancelled}, and no further step of it
     * starts (a step already running finishes on its own). False when it does not run here.
     */
    public boolean cancel(UUID id, String user) {
        Live execution = live.get(id);
        if (execution == null) {
            return false;
        }
        execution.stop.accept("cancelled by " + user, "cancelled");
        return true;
    }

    /**
     * Marks the executions that have run longer than {@link #SHOWN_RUNNING_AFTER} as {@code running}. Writing it
     * for every execution as it starts would cost a row update per execution, mostly for ones that end within
     * milliseconds; the writer never lets a late {@code running} replace a final status.
     */
    @Scheduled(fixedDelay = 100)
    void showRunning() {
        Instant before = Instant.now().minus(SHOWN_RUNNING_AFTER);
        live.forEach((id, execution) -> {
            Instant since = execution.runningSince;
            if (since != null && since.isBefore(before) && !execution.shownRunning) {
                execution.shownRunning = true;
                writer.put(new UpdateExecution(id, "running", null, null, null));
            }
        });
    }

    private void store(InsertExecution insert) {
        if (!writer.offer(insert)) {
            throw new LaunchRefused("the platform is at capacity; try again shortly", 1);
        }
        try {
            insert.committed().get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchRefused("interrupted while storing the execution", 1);
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchRefused("the database is not reachable; nothing was stored", 5);
        }
    }

    /** Runs the body route of a deployment for one execution; the lease is released when it ends. */
    public void run(Deployment deployment, ExecutionState state, java.util.function.Consumer<ExecutionResult> onEnd) {
        Exchange exchange = new DefaultExchange(camel);
        state.attachTo(exchange);
        Runnable finish = () -> {
            deployment.release();
            onEnd.accept(resultOf(state, exchange));
        };
        try {
            deployment.producer().process(exchange, doneSync -> finish.run());
        } catch (RuntimeException e) {
            exchange.setException(e);
            finish.run();
        }
    }

    private static ExecutionResult resultOf(ExecutionState state, Exchange exchange) {
        Exception failure = exchange.getException();
        String error = failure == null ? null
                : failure instanceof StepFailure step ? step.getMessage()
                : "the execution failed: " + failure.getClass().getSimpleName();
        return new ExecutionResult(UUID.fromString(state.executionId()), failure == null ? "completed" : "failed",
                error, state.snapshot());
    }

    /** An execution in this process: how to stop it ({@code reason, status}), and since when it runs. */
    private static final class Live {

        final BiConsumer<String, String> stop;
        volatile Instant runningSince;
        boolean shownRunning;

        Live(BiConsumer<String, String> stop) {
            this.stop = stop;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        deadlines.shutdownNow();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
