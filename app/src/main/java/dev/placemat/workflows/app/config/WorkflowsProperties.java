package dev.placemat.workflows.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's settings ({@code workflows.*}), with their defaults here and their bounds checked when the platform
 * starts (a value out of bounds stops it with the property's name). Environment variables set them too:
 * {@code WORKFLOWS_LIMITS_RATE_PER_WORKFLOW} is {@code workflows.limits.rate-per-workflow}.
 *
 * @param dataDir  where the embedded database, keys and files live ({@code WORKFLOWS_DATA_DIR}, default ./data)
 */
@Validated
@ConfigurationProperties(prefix = "workflows")
public record WorkflowsProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue @Valid Database database,
        @DefaultValue @Valid Execution execution,
        @DefaultValue @Valid Writer writer,
        @DefaultValue @Valid Webhook webhook,
        @DefaultValue @Valid Outbound outbound,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Retention retention,
        @DefaultValue @Valid Schedule schedule,
        @DefaultValue @Valid Events events,
        @Name("wait") @DefaultValue @Valid Wait waits,
        @DefaultValue @Valid Recovery recovery,
        @DefaultValue @Valid Mail mail) {

    /** @param embedded the embedded PostgreSQL, used when no external database is configured */
    public record Database(@DefaultValue Embedded embedded) {
        /** @param durable fsync and synchronous commit on for the embedded database (off only in tests) */
        public record Embedded(@DefaultValue("true") boolean durable) {}
    }

    /**
     * @param threads        threads that start executions' routes
     * @param queueCapacity  executions accepted but not yet started, beyond which webhooks answer 503
     * @param workerThreads  threads that run task actions (so that step timeouts can be enforced)
     */
    public record Execution(
            @DefaultValue("32") @Min(1) @Max(1024) int threads,
            @DefaultValue("10000") @Min(1) int queueCapacity,
            @DefaultValue("64") @Min(1) @Max(4096) int workerThreads) {}

    /**
     * @param batchSize     rows per transaction of the execution writer
     * @param queueCapacity rows waiting for the writer, beyond which new executions are refused (503)
     */
    public record Writer(
            @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
            @DefaultValue("100000") @Min(1) int queueCapacity) {}

    /**
     * @param maxBodyBytes              the largest webhook body (413 beyond)
     * @param signatureToleranceSeconds how far a signed request's timestamp may be from now
     * @param syncWaitSeconds           how long a sync webhook waits for the end before answering 202
     * @param maxSyncWaits              how many sync webhooks may wait for their executions at once (each holds a
     *                                  request thread of the server's {@code server.tomcat.threads.max}); past it,
     *                                  they answer 202 at once
     */
    public record Webhook(
            @DefaultValue("1048576") @Min(1) int maxBodyBytes,
            @DefaultValue("300") @Min(1) int signatureToleranceSeconds,
            @DefaultValue("30") @Min(0) @Max(3600) int syncWaitSeconds,
            @DefaultValue("100") @Min(0) int maxSyncWaits) {}

    /**
     * @param minIntervalSeconds the shortest time allowed between two fires of a schedule; under 60, six-field cron
     *                           expressions with seconds are accepted too (meant for tests only)
     */
    public record Schedule(@DefaultValue("60") @Min(1) int minIntervalSeconds) {}

    /**
     * @param topic      the Kafka topic all events travel on (when Kafka is configured)
     * @param partitions partitions of that topic when the platform creates it
     * @param maxDepth   how many workflows one event may chain through ({@code workflow.completed} starting the next)
     */
    public record Events(
            @DefaultValue("placemat.events") @NotBlank String topic,
            @DefaultValue("3") @Min(1) int partitions,
            @DefaultValue("10") @Min(1) @Max(100) int maxDepth) {}

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
    public record Limits(
            @DefaultValue("500") @Min(1) int maxConcurrentPerWorkflow,
            @DefaultValue("1000") @DecimalMin("0.001") double ratePerWorkflow,
            @DefaultValue("90000") @Min(1) long executionTimeoutSeconds,
            @DefaultValue("2097152") @Min(1024) long maxApiBodyBytes,
            @DefaultValue("64") @Min(2) @Max(1000) int maxJsonDepth,
            @DefaultValue("262144") @Min(1024) int maxStepOutputBytes,
            @DefaultValue("10000") @Min(1) int maxStepsPerExecution,
            @DefaultValue("67108864") @Min(1024) long maxOutputBytesPerExecution) {}

    /**
     * @param maxAgeDays        executions (and their steps) that ended longer ago are deleted
     * @param maxPerWorkflow    beyond this many ended executions per workflow, the oldest are deleted
     * @param batchSize         rows deleted per statement, so that pruning never holds long locks
     */
    public record Retention(
            @DefaultValue("30") @Min(1) int maxAgeDays,
            @DefaultValue("10000") @Min(1) int maxPerWorkflow,
            @DefaultValue("500") @Min(1) @Max(100000) int batchSize) {}

    /** @param durableAfterSeconds waits longer than this are kept in the database and hold no thread while they wait */
    public record Wait(@DefaultValue("30") @Min(0) long durableAfterSeconds) {}

    /**
     * @param sweepSeconds how often this node looks for executions whose node died and waits that are due
     * @param batchSize    executions claimed per sweep at most (also bounded by this node's free capacity)
     */
    public record Recovery(
            @DefaultValue("2") @Min(1) @Max(3600) int sweepSeconds,
            @DefaultValue("200") @Min(1) @Max(100000) int batchSize) {}

    /**
     * @param allow                  hosts and CIDR ranges outbound requests may reach although they are internal
     * @param maxRetryAfterSeconds   the longest wait a service may ask for with {@code Retry-After} before a step's
     *                               next attempt; a longer one fails the step at once
     */
    public record Outbound(
            @DefaultValue("") String allow,
            @DefaultValue("300") @Min(0) int maxRetryAfterSeconds) {}

    /**
     * @param domain the domain the platform names itself by in SMTP {@code EHLO} and {@code Message-ID}s (empty: this
     *               host's fully qualified name)
     */
    public record Mail(@DefaultValue("") String domain) {}
}
