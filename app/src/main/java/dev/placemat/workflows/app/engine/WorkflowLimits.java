package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Per-workflow limits, so that one busy or looping workflow cannot take the platform's whole capacity: how many of
 * its executions run at once, how many start per second (a token bucket with a burst of twice the rate) and how
 * long one may run. Over a limit, a launch is refused with 429 and a {@code Retry-After}.
 */
@Component
public class WorkflowLimits {

    private final Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
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
        buckets.clear();
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
        long wait = buckets.computeIfAbsent(workflowId, id -> new Bucket(ratePerSecond)).take();
        if (wait > 0) {
            throw new LaunchRefused(429, "this workflow is started more than " + ratePerSecond
                    + " times a second; slow down", (int) Math.max(1, Math.ceil(wait / 1000.0)));
        }
        AtomicInteger count = running.computeIfAbsent(workflowId, id -> new AtomicInteger());
        if (count.incrementAndGet() > maxConcurrent) {
            count.decrementAndGet();
            throw new LaunchRefused(429, "this workflow already runs " + maxConcurrent
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

    /** A token bucket: {@code rate} tokens a second, holding at most twice that. */
    private static final class Bucket {
        private final double rate;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double rate) {
            this.rate = rate;
            this.capacity = Math.max(1, rate * 2);
            this.tokens = capacity;
        }

        /** 0 when a token was taken, else the milliseconds until one is there. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate * 1000);
        }
    }
}
