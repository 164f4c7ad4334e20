package dev.placemat.workflows.app.analytics;

import static dev.placemat.workflows.app.analytics.Numbers.decimal;
import static dev.placemat.workflows.app.db.Columns.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The design's {@code getWorkflowMetrics} and {@code getExecutionDetails}, corrected: the period is part of the
 * LEFT JOIN (so workflows that did not run are listed with zeros) and an execution's steps are its own recorded
 * attempts, not a cross join with every step of the workflow.
 */
@Repository
@RequiredArgsConstructor
public class WorkflowAnalytics {

    private static final String METRICS = """
            SELECT w.id, w.name,
                   count(e.id) AS total_executions,
                   count(e.id) FILTER (WHERE e.status = 'completed') AS successful_executions,
                   count(e.id) FILTER (WHERE e.status = 'failed') AS failed_executions,
                   avg(EXTRACT(EPOCH FROM (e.completed_at - e.started_at))) AS avg_duration_seconds,
                   max(e.started_at) AS last_execution
            FROM workflows w
            LEFT JOIN workflow_executions e ON e.workflow_id = w.id AND e.started_at > :since AND NOT e.is_test
            GROUP BY w.id, w.name
            ORDER BY total_executions DESC, w.name, w.id""";

    private static final String EXECUTION = """
            SELECT e.id, e.workflow_id, w.name AS workflow_name, e.workflow_version, e.status, e.started_at,
                   e.completed_at, e.error_message, EXTRACT(EPOCH FROM (e.completed_at - e.started_at)) AS duration
            FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id
            WHERE e.id = :id""";

    private static final String STEPS = """
            SELECT step_key, step_number, action_type, status, retry_count + 1 AS attempt,
                   EXTRACT(EPOCH FROM (completed_at - started_at)) AS duration, error_message
            FROM step_executions
            WHERE execution_id = :id
            ORDER BY started_at, step_number, retry_count""";

    private final JdbcClient jdbc;

    /** Every workflow with its executions in the period; zeros for those that did not run. */
    public List<WorkflowMetrics> metrics(AnalyticsRange range) {
        return jdbc.sql(METRICS).param("since", range.since(Instant.now())).query((rs, n) -> new WorkflowMetrics(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getLong("total_executions"),
                rs.getLong("successful_executions"), rs.getLong("failed_executions"),
                decimal(rs.getObject("avg_duration_seconds"), 3), instant(rs.getTimestamp("last_execution"))))
                .list();
    }

    /** An execution with its step attempts in the order they ran; durations in seconds. */
    public Optional<ExecutionTimings> executionDetails(UUID id) {
        return jdbc.sql(EXECUTION).param("id", id).query((rs, n) -> new ExecutionTimings(
                rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                rs.getString("workflow_name"), rs.getInt("workflow_version"), rs.getString("status"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("completed_at")),
                decimal(rs.getObject("duration"), 3), rs.getString("error_message"), steps(id))).optional();
    }

    private List<ExecutionTimings.StepTiming> steps(UUID executionId) {
        return jdbc.sql(STEPS).param("id", executionId).query((rs, n) -> new ExecutionTimings.StepTiming(
                rs.getString("step_key"), rs.getInt("step_number"), rs.getString("action_type"),
                rs.getString("status"), rs.getInt("attempt"), decimal(rs.getObject("duration"), 3),
                rs.getString("error_message"))).list();
    }
}
