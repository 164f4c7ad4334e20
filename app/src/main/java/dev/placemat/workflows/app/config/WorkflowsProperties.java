package dev.placemat.workflows.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The platform's settings ({@code workflows.*}).
 *
 * @param dataDir  where the embedded database, keys and files live ({@code WORKFLOWS_DATA_DIR}, default ./data)
 */
@ConfigurationProperties(prefix = "workflows")
public record WorkflowsProperties(
        Path dataDir, Database database, Execution execution, Writer writer, Webhook webhook, Outbound outbound,
        Limits limits, Retention retention, Schedule schedule, Events events, @Name("wait") Wait waits, Recovery recovery,
        Mail mail) {

    /** @param durable fsync and synchronous commit on for the embedded database (off only in tests) */
    public record Database(Embedded embedded) {
        public record Embedded(boolean durable) {}
    }

    /**
     * @param threads        threads that start executions' routes
     * @param queueCapacity  executions accepted but not yet started, beyond which webhooks answer 503
     * @param workerThreads  threads that run task actions (so that step timeouts can be enforced)
     */
    public record Execution(int threads, int queueCapacity, int workerThreads) {}

    /** @param batchSize rows per transaction of the execution writer */
    public record Writer(int batchSize, int queueCapacity) {}

    /**
     * @param signatureToleranceSeconds how far a signed request's timestamp may be from now
     * @param syncWaitSeconds           how long a sync webhook waits for the end before answering 202
     */
    /**
     * @param maxSyncWaits how many sync webhooks may wait for their executions at once (each holds a request thread
     *                     of the server's {@code server.tomcat.threads.max}); past it, they answer 202 at once
     */
    public record Webhook(int maxBodyBytes, int signatureToleranceSeconds, int syncWaitSeconds, int maxSyncWaits) {}

    /**
     * @param minIntervalSeconds the shortest time allowed between two fires of a schedule; under 60, six-field cron
     *                           expressions with seconds are accepted too (meant for tests only)
     */
    public record Schedule(int minIntervalSeconds) {}

    /**
     * @param topic      the Kafka topic all events travel on (when Kafka is configured)
     * @param partitions partitions of that topic when the platform creates it
     * @param maxDepth   how many workflows one event may chain through ({@code workflow.completed} starting the next)
     */
    public record Events(String topic, int partitions, int maxDepth) {}

    /**
     * @param maxConcurrentPerWorkflow   executions of one workflow running at once; more get 429
     * @param ratePerWorkflow            executions of one workflow started per second (bursts up to twice as many)
     * @param executionTimeoutSeconds    an execution running longer is failed
     * @param maxApiBodyBytes            the largest API request body (413 beyond)
     * @param maxJsonDepth               the deepest JSON nesting the API reads (400 beyond)
     * @param maxStepOutputBytes         step inputs and outputs larger than this are stored truncated
     * @param maxStepsPerExecution       step attempts one execution may make in all; past it, it fails, and
     *                                   definitions whose nested loops could make more by their literal
     *                                   max_iterations are refused when saved
     * @param maxOutputBytesPerExecution bytes of step outputs one execution may store in all; past it, it fails
     */
    public record Limits(int maxConcurrentPerWorkflow, double ratePerWorkflow, long executionTimeoutSeconds,
            long maxApiBodyBytes, int maxJsonDepth, int maxStepOutputBytes, int maxStepsPerExecution,
            long maxOutputBytesPerExecution) {}

    /**
     * @param maxAgeDays        executions (and their steps) that ended longer ago are deleted
     * @param maxPerWorkflow    beyond this many ended executions per workflow, the oldest are deleted
     * @param batchSize         rows deleted per statement, so that pruning never holds long locks
     */
    public record Retention(int maxAgeDays, int maxPerWorkflow, int batchSize) {}

    /** @param durableAfterSeconds waits longer than this are kept in the database and hold no thread while they wait */
    public record Wait(long durableAfterSeconds) {}

    /**
     * @param sweepSeconds how often this node looks for executions whose node died and waits that are due
     * @param batchSize    executions claimed per sweep at most (also bounded by this node's free capacity)
     */
    public record Recovery(int sweepSeconds, int batchSize) {}

    /**
     * @param allow                  hosts and CIDR ranges outbound requests may reach although they are internal
     * @param maxRetryAfterSeconds   the longest wait a service may ask for with {@code Retry-After} before a step's
     *                               next attempt; a longer one fails the step at once
     */
    public record Outbound(String allow, int maxRetryAfterSeconds) {}

    /** @param domain the domain the platform names itself by in SMTP {@code EHLO} and {@code Message-ID}s */
    public record Mail(String domain) {}
}
