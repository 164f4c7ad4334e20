package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.springframework.stereotype.Component;

/**
 * The engine's threads, made by Camel's {@link ExecutorServiceManager} (named, sized, shown in the console, shut down
 * with the context): {@code placemat-executions} starts executions' routes (as many as admission lets in),
 * {@code placemat-steps} runs steps that may block (bounded: a full queue fails the attempt, to be retried, instead
 * of queueing without end), and {@code placemat-timers} fires step timeouts, retry delays and waits for every route
 * alike.
 */
@Component
public class EnginePools {

    static final int TIMER_THREADS = 4;
    /** A queue without a bound (Camel takes 0 or less for no queue at all). */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final ExecutorService executions;
    private final ExecutorService steps;
    private final ScheduledExecutorService timers;

    public EnginePools(CamelContext camel, WorkflowsProperties properties) {
        ExecutorServiceManager manager = camel.getExecutorServiceManager();
        var execution = properties.execution();
        // admission bounds how many executions wait to start: this queue never refuses one it let in
        executions = manager.newThreadPool(this, "placemat-executions",
                profile("placemat-executions", execution.threads(), UNBOUNDED));
        steps = manager.newThreadPool(this, "placemat-steps",
                profile("placemat-steps", execution.workerThreads(), execution.queueCapacity()));
        // a timeout, retry or wait must never be refused: there is one per running attempt at most
        timers = manager.newScheduledThreadPool(this, "placemat-timers",
                profile("placemat-timers", TIMER_THREADS, UNBOUNDED));
        if (timers instanceof ScheduledThreadPoolExecutor pool) {
            // one timeout is scheduled and cancelled per step attempt: cancelled ones must not wait in the queue
            pool.setRemoveOnCancelPolicy(true);
        }
    }

    private static org.apache.camel.spi.ThreadPoolProfile profile(String id, int threads, int queue) {
        return new ThreadPoolProfileBuilder(id).poolSize(threads).maxPoolSize(threads).maxQueueSize(queue)
                .allowCoreThreadTimeOut(true).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build();
    }

    public ExecutorService executions() {
        return executions;
    }

    public ExecutorService steps() {
        return steps;
    }

    public ScheduledExecutorService timers() {
        return timers;
    }
}
