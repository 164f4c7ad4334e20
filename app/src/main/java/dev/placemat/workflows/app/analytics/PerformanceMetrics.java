package dev.placemat.workflows.app.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * The platform's performance over a period ({@code GET /api/analytics/performance}): executions per bucket, success
 * rate and durations (null when nothing ended), the commonest errors and the slowest steps.
 */
public record PerformanceMetrics(String range, ExecutionRate executionRate, @Nullable Double successRate,
        @Nullable Double averageDurationMs, Percentiles durationPercentiles, List<ErrorPattern> errorPatterns,
        List<Bottleneck> bottlenecks) {

    /** Executions per {@code hour} or {@code day} of the caller's time zone, empty buckets included. */
    public record ExecutionRate(@Schema(allowableValues = {"hour", "day"}) String interval, String timeZone,
            List<Bucket> buckets) {}

    public record Bucket(Instant start, long completed, long failed) {}

    /** Execution durations in milliseconds. */
    public record Percentiles(@Nullable Double p50, @Nullable Double p95, @Nullable Double p99) {}

    public record ErrorPattern(String message, long count) {}

    /** A step by its 95th percentile duration. */
    public record Bottleneck(UUID workflowId, String workflowName, String stepKey, int stepNumber, String actionType,
            Double p95Ms, long count) {}
}
