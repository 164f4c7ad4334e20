package dev.placemat.workflows.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's settings ({@code workflows.*}).
 *
 * @param dataDir  where the embedded database, keys and files live ({@code WORKFLOWS_DATA_DIR}, default ./data)
 */
@ConfigurationProperties(prefix = "workflows")
public record WorkflowsProperties(
        Path dataDir, Database database, Execution execution, Writer writer, Webhook webhook, Outbound outbound,
        Schedule schedule, Events events) {

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
    public record Webhook(int maxBodyBytes, int signatureToleranceSeconds, int syncWaitSeconds) {}

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

    /** @param allow hosts and CIDR ranges outbound requests may reach although they are internal */
    public record Outbound(String allow) {}
}
