package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Per-workflow limits, so that one busy or looping workflow cannot take the platform's whole capacity: how many of
 * its executions run at once, how many start per second (a Bucket4j token bucket per workflow, as the connections' rate limits,
 * never waited for: a launch over the rate is refused at once) and how long one may run. Over a limit, a launch is refused
 * with 429 and a {@code Retry-After}.
 */
@Component
public class WorkflowLimits {

    private final Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<UUID, Bucket> rates = new ConcurrentHashMap<>();
    private volatile int maxConcurrent;
    private volatile double ratePerSecond;
    private volatile Duration executionTimeout;

    public WorkflowLimits(WorkflowsProperties properties) {
        var limits = properties.limits();
        set(limits.maxConcurrentPerWorkflow(), limits.ratePerWorkflow(),
                Duration.ofSeconds(limits.executionTimeoutSeconds()));
    }

    /** Changes the limits at run time (operators, and tests that need small limits). */
    public synchronized void set(int maxConcurrent, double ratePerSecond, Duration executionTimeout) {
        this.maxConcurrent = maxConcurrent;
        this.ratePerSecond = ratePerSecond;
        this.executionTimeout = executionTimeout;
        rates.clear();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public Duration executionTimeout() {
        return executionTimeout;
    }

    /** Takes a slot for a new execution of the workflow, or throws a 429 refusal. Test runs (no id) are free. */
    void acquire(UUID workflowId) {
        if (workflowId == null) {
            return;
        }
        ConsumptionProbe probe = rates.computeIfAbsent(workflowId, id -> bucket(ratePerSecond))
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long waitNanos = probe.getNanosToWaitForRefill();
            throw LaunchRefused.overWorkflowLimit("this workflow is started more than " + ratePerSecond
                    + " times a second; slow down", (int) Math.max(1, Math.ceil(waitNanos / 1e9)));
        }
        AtomicInteger count = running.computeIfAbsent(workflowId, id -> new AtomicInteger());
        if (count.incrementAndGet() > maxConcurrent) {
            count.decrementAndGet();
            throw LaunchRefused.overWorkflowLimit("this workflow already runs " + maxConcurrent
                    + " executions at once; try again when some have ended", 1);
        }
    }

    /** Counts a recovered execution as running, whatever the limits: it was accepted before. */
    void acquireAlways(UUID workflowId) {
        running.computeIfAbsent(workflowId, id -> new AtomicInteger()).incrementAndGet();
    }

    void release(UUID workflowId) {
        if (workflowId != null) {
            AtomicInteger count = running.get(workflowId);
            if (count != null) {
                count.decrementAndGet();
            }
        }
    }

    /** {@code rate} launches a second (a fraction: one launch every so many seconds), in bursts of up to a second's. */
    private static Bucket bucket(double rate) {
        boolean perSecond = rate >= 1;
        int tokens = perSecond ? (int) Math.round(rate) : 1;
        Duration period = perSecond ? Duration.ofSeconds(1) : Duration.ofMillis((long) (1000 / rate));
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(tokens).refillGreedy(tokens, period).build())
                .build();
    }
}
