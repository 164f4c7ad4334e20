package dev.placemat.workflows.app.cluster;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This node in the cluster ({@code workflows.cluster.*}); docs/cluster.md explains the times.
 *
 * @param nodeName         the name the node shows in {@code GET /api/cluster} and in execution runs; blank: host:port
 * @param heartbeatSeconds how often the node writes its heartbeat
 * @param leaseSeconds     the node starts no step once its last successful heartbeat was sent longer ago than this
 * @param deadAfterSeconds a node whose heartbeat is older than this (by the database's clock) is declared dead and
 *                         its executions are taken over
 * @param reconcileSeconds how often the node compares what it has loaded with the stored deployments (a missed
 *                         notification converges within this time)
 */
@Validated
@ConfigurationProperties(prefix = "workflows.cluster")
public record ClusterProperties(
        @DefaultValue("") String nodeName,
        @DefaultValue("3") @Min(1) @Max(60) int heartbeatSeconds,
        @DefaultValue("10") @Min(2) @Max(300) int leaseSeconds,
        @DefaultValue("15") @Min(3) @Max(600) int deadAfterSeconds,
        @DefaultValue("10") @Min(1) @Max(3600) int reconcileSeconds) {

    /** A node must have stopped working before the others may declare it dead, and heartbeat within its lease. */
    @AssertTrue(message = "workflows.cluster needs heartbeat-seconds < lease-seconds < dead-after-seconds")
    public boolean isOrdered() {
        return heartbeatSeconds < leaseSeconds && leaseSeconds < deadAfterSeconds;
    }
}
