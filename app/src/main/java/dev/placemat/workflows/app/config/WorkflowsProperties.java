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
        Path dataDir, Database database, Execution execution, Writer writer, Webhook webhook, Outbound outbound) {

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

    public record Webhook(int maxBodyBytes) {}

    /** @param allow hosts and CIDR ranges outbound requests may reach although they are internal */
    public record Outbound(String allow) {}
}
