package dev.placemat.workflows.app.analytics;

import static dev.placemat.workflows.app.analytics.Numbers.decimal;
import static dev.placemat.workflows.app.db.Columns.instant;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The design's {@code getPerformanceMetrics} over a period: executions per hour (24 h) or per day (7 and 30 days)
 * in the caller's time zone, empty buckets included,
 * success rate, average and percentile durations, the commonest errors and the slowest steps by p95.
 */
@Repository
@RequiredArgsConstructor
public class PerformanceAnalytics {

    static final int TOP = 10;

    /** Buckets of the range's unit in the given zone (days start at local midnight), empty ones included. */
    private static final String PER_BUCKET = """
            SELECT b.start, count(e.id) FILTER (WHERE e.status = 'completed') AS completed,
                   count(e.id) FILTER (WHERE e.status = 'failed') AS failed
            FROM generate_series(date_trunc(:unit, CAST(:since AS timestamptz) AT TIME ZONE :zone) AT TIME ZONE :zone,
                                 CAST(:now AS timestamptz), CAST('1 ' || :unit AS interval)) AS b(start)
            LEFT JOIN workflow_executions e
                   ON e.started_at >= b.start AND e.started_at < b.start + CAST('1 ' || :unit AS interval)
                  AND e.started_at > :since AND NOT e.is_test
            GROUP BY b.start
            ORDER BY b.start""";

    private static final String SUMMARY = """
            SELECT count(*) FILTER (WHERE status = 'completed') AS completed,
                   count(*) FILTER (WHERE status = 'failed') AS failed,
                   avg(ms) AS average, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
            FROM (SELECT status, EXTRACT(EPOCH FROM (completed_at - started_at)) * 1000 AS ms
                  FROM workflow_executions WHERE started_at > :since AND NOT is_test) AS x""";

    private static final String ERRORS = """
            SELECT left(error_message, 300) AS message, count(*) AS count
            FROM workflow_executions
            WHERE started_at > :since AND status = 'failed' AND error_message IS NOT NULL AND NOT is_test
            GROUP BY left(error_message, 300)
            ORDER BY count DESC, message
            LIMIT :top""";

    private static final String BOTTLENECKS = """
            SELECT e.workflow_id, w.name AS workflow_name, s.step_key, s.step_number, s.action_type,
                   percentile_cont(0.95) WITHIN GROUP
                       (ORDER BY EXTRACT(EPOCH FROM (s.completed_at - s.started_at)) * 1000) AS p95_ms,
                   count(*) AS count
            FROM step_executions s
            JOIN workflow_executions e ON e.id = s.execution_id
            JOIN workflows w ON w.id = e.workflow_id
            WHERE e.started_at > :since AND NOT e.is_test AND s.completed_at IS NOT NULL AND s.status <> 'skipped'
            GROUP BY e.workflow_id, w.name, s.step_key, s.step_number, s.action_type
            ORDER BY p95_ms DESC, count DESC
            LIMIT :top""";

    private final JdbcClient jdbc;

    public PerformanceMetrics metrics(AnalyticsRange range, ZoneId zone) {
        Instant now = Instant.now();
        Timestamp since = range.since(now);
        Summary summary = summary(since);
        return new PerformanceMetrics(range.name(), new PerformanceMetrics.ExecutionRate(range.bucket(), zone.getId(),
                buckets(range, zone, since, Timestamp.from(now))), summary.successRate(), summary.averageDurationMs(),
                summary.percentiles(), errors(since), bottlenecks(since));
    }

    /** Success rate and durations of the executions that ended in the period. */
    private record Summary(Double successRate, Double averageDurationMs, PerformanceMetrics.Percentiles percentiles) {}

    private List<PerformanceMetrics.Bucket> buckets(AnalyticsRange range, ZoneId zone, Timestamp since,
            Timestamp now) {
        return jdbc.sql(PER_BUCKET).param("unit", range.bucket()).param("zone", zone.getId()).param("since", since)
                .param("now", now).query((rs, n) -> new PerformanceMetrics.Bucket(instant(rs.getTimestamp("start")),
                        rs.getLong("completed"), rs.getLong("failed"))).list();
    }

    private Summary summary(Timestamp since) {
        return jdbc.sql(SUMMARY).param("since", since).query((rs, n) -> {
            long completed = rs.getLong("completed");
            long ended = completed + rs.getLong("failed");
            return new Summary(ended == 0 ? null : Math.round(10_000.0 * completed / ended) / 10_000.0,
                    decimal(rs.getObject("average"), 1), new PerformanceMetrics.Percentiles(
                            decimal(rs.getObject("p50"), 1), decimal(rs.getObject("p95"), 1),
                            decimal(rs.getObject("p99"), 1)));
        }).single();
    }

    private List<PerformanceMetrics.ErrorPattern> errors(Timestamp since) {
        return jdbc.sql(ERRORS).param("since", since).param("top", TOP).query((rs, n) ->
                new PerformanceMetrics.ErrorPattern(rs.getString("message"), rs.getLong("count"))).list();
    }

    private List<PerformanceMetrics.Bottleneck> bottlenecks(Timestamp since) {
        return jdbc.sql(BOTTLENECKS).param("since", since).param("top", TOP).query((rs, n) ->
                new PerformanceMetrics.Bottleneck(rs.getObject("workflow_id", UUID.class),
                        rs.getString("workflow_name"), rs.getString("step_key"), rs.getInt("step_number"),
                        rs.getString("action_type"), decimal(rs.getObject("p95_ms"), 1), rs.getLong("count")))
                .list();
    }
}
