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
 * with the context): {@code placemat-executions} starts executions' routes, {@code placemat-steps} runs steps that
 * may block (bounded: a full queue fails the attempt, to be retried, instead of queueing without end), and
 * {@code placemat-timers} fires step timeouts, retry delays and waits for every route alike.
 */
@Component
public class EnginePools {

    static final int TIMER_THREADS = 4;

    private final ExecutorService executions;
    private final ExecutorService steps;
    private final ScheduledExecutorService timers;

    public EnginePools(CamelContext camel, WorkflowsProperties properties) {
        ExecutorServiceManager manager = camel.getExecutorServiceManager();
        var execution = properties.execution();
        executions = manager.newThreadPool(this, "placemat-executions",
                bounded("placemat-executions", execution.threads(), execution.queueCapacity() + execution.threads()));
        steps = manager.newThreadPool(this, "placemat-steps",
                bounded("placemat-steps", execution.workerThreads(), execution.queueCapacity()));
        timers = manager.newScheduledThreadPool(this, "placemat-timers", TIMER_THREADS);
        if (timers instanceof ScheduledThreadPoolExecutor pool) {
            // one timeout is scheduled and cancelled per step attempt: cancelled ones must not wait in the queue
            pool.setRemoveOnCancelPolicy(true);
        }
    }

    private static org.apache.camel.spi.ThreadPoolProfile bounded(String id, int threads, int queue) {
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
