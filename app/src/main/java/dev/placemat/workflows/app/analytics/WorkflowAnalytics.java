package dev.placemat.workflows.app.analytics;

import static dev.placemat.workflows.app.analytics.Numbers.decimal;
import static dev.placemat.workflows.app.db.Columns.instant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The design's {@code getWorkflowMetrics} and {@code getExecutionDetails}, corrected: the period is part of the
 * LEFT JOIN (so workflows that did not run are listed with zeros) and an execution's steps are its own recorded
 * attempts, not a cross join with every step of the workflow.
 */
@Repository
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

    public WorkflowAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every workflow with its executions in the period; zeros for those that did not run. */
    public List<Map<String, Object>> metrics(AnalyticsRange range) {
        return jdbc.sql(METRICS).param("since", range.since(Instant.now())).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rs.getObject("id", UUID.class));
            row.put("name", rs.getString("name"));
            row.put("total_executions", rs.getLong("total_executions"));
            row.put("successful_executions", rs.getLong("successful_executions"));
            row.put("failed_executions", rs.getLong("failed_executions"));
            row.put("avg_duration_seconds", decimal(rs.getObject("avg_duration_seconds"), 3));
            row.put("last_execution", instant(rs.getTimestamp("last_execution")));
            return row;
        }).list();
    }

    /** An execution with its step attempts in the order they ran; durations in seconds. */
    public Optional<Map<String, Object>> executionDetails(UUID id) {
        return jdbc.sql(EXECUTION).param("id", id).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rs.getObject("id", UUID.class));
            row.put("workflow_id", rs.getObject("workflow_id", UUID.class));
            row.put("workflow_name", rs.getString("workflow_name"));
            row.put("workflow_version", rs.getInt("workflow_version"));
            row.put("status", rs.getString("status"));
            row.put("started_at", instant(rs.getTimestamp("started_at")));
            row.put("completed_at", instant(rs.getTimestamp("completed_at")));
            row.put("duration", decimal(rs.getObject("duration"), 3));
            row.put("error", rs.getString("error_message"));
            return row;
        }).optional().map(execution -> {
            execution.put("steps", steps(id));
            return execution;
        });
    }

    private List<Map<String, Object>> steps(UUID executionId) {
        return jdbc.sql(STEPS).param("id", executionId).query((rs, n) -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step_key", rs.getString("step_key"));
            step.put("step_number", rs.getInt("step_number"));
            step.put("action_type", rs.getString("action_type"));
            step.put("status", rs.getString("status"));
            step.put("attempt", rs.getInt("attempt"));
            step.put("duration", decimal(rs.getObject("duration"), 3));
            step.put("error", rs.getString("error_message"));
            return step;
        }).list();
    }
}
