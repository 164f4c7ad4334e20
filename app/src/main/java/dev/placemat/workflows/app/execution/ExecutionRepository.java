package dev.placemat.workflows.app.execution;

import dev.placemat.workflows.app.db.Columns;
import dev.placemat.workflows.app.db.StoredJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads executions and their step attempts. Filters are bound parameters; absent ones match everything. */
@Repository
public class ExecutionRepository {

    private static final String ITEM = "SELECT e.id, e.workflow_id, w.name AS workflow_name, e.workflow_version, "
            + "e.status, e.started_at, e.completed_at, e.error_message, "
            + "(EXTRACT(EPOCH FROM (e.completed_at - e.started_at)) * 1000)::bigint AS duration_ms";
    private static final String FILTER = " FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id "
            + "WHERE (CAST(:workflowId AS uuid) IS NULL OR e.workflow_id = :workflowId) "
            + "AND (CAST(:status AS text) IS NULL OR e.status = :status) "
            + "AND (CAST(:from AS timestamptz) IS NULL OR e.started_at >= :from) "
            + "AND (CAST(:to AS timestamptz) IS NULL OR e.started_at < :to) "
            + "AND e.is_test = :test";

    private final JdbcClient jdbc;
    private final StoredJson json;

    public ExecutionRepository(JdbcClient jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A page of executions, newest first. */
    public Page list(UUID workflowId, String status, Instant from, Instant to, boolean test, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("test", test);
        params.put("workflowId", workflowId);
        params.put("status", status);
        params.put("from", from == null ? null : java.sql.Timestamp.from(from));
        params.put("to", to == null ? null : java.sql.Timestamp.from(to));
        List<Map<String, Object>> items = jdbc.sql(ITEM + FILTER + " ORDER BY e.started_at DESC, e.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(ExecutionRepository::item)
                .list();
        long total = jdbc.sql("SELECT count(*)" + FILTER).params(params).query(Long.class).single();
        return new Page(items, total, limit, offset);
    }

    /** An execution with its trigger data, final context and every step attempt in order. */
    public Optional<Map<String, Object>> detail(UUID id) {
        Optional<Map<String, Object>> execution = summary(id);
        execution.ifPresent(e -> e.put("steps", steps(id)));
        return execution;
    }

    /** The detail's fields of an execution without its steps. */
    public Optional<Map<String, Object>> summary(UUID id) {
        return jdbc.sql(ITEM + ", e.trigger_data, e.execution_data, e.resume_at, "
                        + "e.interrupted_step, e.rerun_of, e.resume_count, e.is_test, e.started_node "
                        + "FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id WHERE e.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, Object> item = item(rs, n);
                    item.put("trigger_data", json.read(rs.getString("trigger_data")));
                    item.put("execution_data", json.read(rs.getString("execution_data")));
                    item.put("resume_at", Columns.instant(rs.getTimestamp("resume_at")));
                    item.put("interrupted_step", rs.getString("interrupted_step"));
                    item.put("rerun_of", rs.getObject("rerun_of", UUID.class));
                    item.put("resume_count", rs.getInt("resume_count"));
                    item.put("test", rs.getBoolean("is_test"));
                    item.put("runs", runs(id, rs.getString("started_node"), Columns.instant(rs.getTimestamp("started_at"))));
                    return item;
                })
                .optional();
    }

    /** Where and why the execution ran: its start, then each time it was resumed. */
    private List<Map<String, Object>> runs(UUID executionId, String startedNode, Instant startedAt) {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("node", startedNode);
        first.put("started_at", startedAt);
        first.put("reason", "started");
        List<Map<String, Object>> runs = new java.util.ArrayList<>(List.of(first));
        runs.addAll(jdbc.sql("SELECT node, started_at, reason FROM execution_runs WHERE execution_id = :id "
                        + "ORDER BY started_at")
                .param("id", executionId)
                .query((rs, n) -> {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("node", rs.getString("node"));
                    run.put("started_at", Columns.instant(rs.getTimestamp("started_at")));
                    run.put("reason", rs.getString("reason"));
                    return run;
                })
                .list());
        return runs;
    }

    public List<Map<String, Object>> steps(UUID executionId) {
        return steps(executionId, null);
    }

    /** Some step rows of an execution, by row id (all of them when {@code rowIds} is null), as in the detail. */
    public List<Map<String, Object>> steps(UUID executionId, java.util.Collection<UUID> rowIds) {
        if (rowIds != null && rowIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT step_key, iteration, step_number, action_type, status, retry_count, input_data, "
                        + "output_data, error_message, started_at, completed_at, node, "
                        + "(EXTRACT(EPOCH FROM (completed_at - started_at)) * 1000)::bigint AS duration_ms "
                        + "FROM step_executions WHERE execution_id = :id" + (rowIds == null ? "" : " AND id IN (:rows)")
                        + " ORDER BY id")
                .param("id", executionId)
                .param("rows", rowIds == null ? List.of() : List.copyOf(rowIds))
                .query((rs, n) -> {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("step_key", rs.getString("step_key"));
                    step.put("iteration", rs.getString("iteration"));
                    step.put("step_number", rs.getInt("step_number"));
                    step.put("action_type", rs.getString("action_type"));
                    step.put("status", rs.getString("status"));
                    step.put("attempt", rs.getInt("retry_count") + 1);
                    step.put("input", json.read(rs.getString("input_data")));
                    step.put("output", json.read(rs.getString("output_data")));
                    step.put("error", rs.getString("error_message"));
                    putTiming(step, rs);
                    step.put("node", rs.getString("node"));
                    return step;
                })
                .list();
    }

    private static Map<String, Object> item(ResultSet rs, int n) throws SQLException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", rs.getObject("id", UUID.class));
        item.put("workflow_id", rs.getObject("workflow_id", UUID.class));
        item.put("workflow_name", rs.getString("workflow_name"));
        item.put("workflow_version", rs.getInt("workflow_version"));
        item.put("status", rs.getString("status"));
        putTiming(item, rs);
        item.put("error_message", rs.getString("error_message"));
        return item;
    }

    /** When an execution or an attempt started and ended, and how long it ran ({@code duration_ms}). */
    private static void putTiming(Map<String, Object> row, ResultSet rs) throws SQLException {
        row.put("started_at", Columns.instant(rs.getTimestamp("started_at")));
        row.put("completed_at", Columns.instant(rs.getTimestamp("completed_at")));
        row.put("duration_ms", rs.getObject("duration_ms"));
    }

    /** A page of a list. */
    public record Page(List<Map<String, Object>> items, long total, int limit, int offset) {}

}
