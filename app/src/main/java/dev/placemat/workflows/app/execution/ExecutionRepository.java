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
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads executions and their step attempts. Filters are bound parameters; absent ones match everything. */
@Repository
@RequiredArgsConstructor
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

    /**
     * How many matching executions past the page are counted at most. Counting costs as much as reading them: a
     * million took 0.2-0.3 s, and the history page asks every two seconds while it is open.
     */
    static final int COUNTED_PAST_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final StoredJson json;

    /** A page of executions, newest first. */
    public ExecutionPage list(UUID workflowId, String status, Instant from, Instant to, boolean test, int limit,
            int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("test", test);
        params.put("workflowId", workflowId);
        params.put("status", status);
        params.put("from", from == null ? null : java.sql.Timestamp.from(from));
        params.put("to", to == null ? null : java.sql.Timestamp.from(to));
        List<ExecutionItem> items = jdbc.sql(ITEM + FILTER + " ORDER BY e.started_at DESC, e.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(ExecutionRepository::item)
                .list();
        long countedUpTo = (long) offset + limit + COUNTED_PAST_PAGE;
        long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1" + FILTER + " LIMIT :rows) matching")
                .params(params)
                .param("rows", countedUpTo + 1)
                .query(Long.class)
                .single();
        return new ExecutionPage(items, Math.min(counted, countedUpTo), counted <= countedUpTo, limit, offset);
    }

    /** An execution with its trigger data, final context and every step attempt in order. */
    public Optional<ExecutionDetail> detail(UUID id) {
        return summary(id).map(summary -> new ExecutionDetail(summary, steps(id)));
    }

    /** The detail's fields of an execution without its steps. */
    public Optional<ExecutionSummary> summary(UUID id) {
        return jdbc.sql(ITEM + ", e.trigger_data, e.execution_data, e.resume_at, "
                        + "e.interrupted_step, e.rerun_of, e.resume_count, e.is_test, e.started_node "
                        + "FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id WHERE e.id = :id")
                .param("id", id)
                .query((rs, n) -> new ExecutionSummary(item(rs, n), json.read(rs.getString("trigger_data")),
                        json.read(rs.getString("execution_data")), Columns.instant(rs.getTimestamp("resume_at")),
                        rs.getString("interrupted_step"), rs.getObject("rerun_of", UUID.class),
                        rs.getInt("resume_count"), rs.getBoolean("is_test"),
                        runs(id, rs.getString("started_node"), Columns.instant(rs.getTimestamp("started_at")))))
                .optional();
    }

    /** Where and why the execution ran: its start, then each time it was resumed. */
    private List<ExecutionSummary.Run> runs(UUID executionId, String startedNode, Instant startedAt) {
        List<ExecutionSummary.Run> runs = new java.util.ArrayList<>();
        runs.add(new ExecutionSummary.Run(startedNode, startedAt, "started"));
        runs.addAll(jdbc.sql("SELECT node, started_at, reason FROM execution_runs WHERE execution_id = :id "
                        + "ORDER BY started_at")
                .param("id", executionId)
                .query((rs, n) -> new ExecutionSummary.Run(rs.getString("node"),
                        Columns.instant(rs.getTimestamp("started_at")), rs.getString("reason")))
                .list());
        return runs;
    }

    public List<StepAttempt> steps(UUID executionId) {
        return steps(executionId, null);
    }

    /** Some step rows of an execution, by row id (all of them when {@code rowIds} is null), as in the detail. */
    public List<StepAttempt> steps(UUID executionId, java.util.Collection<UUID> rowIds) {
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
                .query((rs, n) -> new StepAttempt(rs.getString("step_key"), rs.getString("iteration"),
                        rs.getInt("step_number"), rs.getString("action_type"), rs.getString("status"),
                        rs.getInt("retry_count") + 1, json.read(rs.getString("input_data")),
                        json.read(rs.getString("output_data")), rs.getString("error_message"),
                        Columns.instant(rs.getTimestamp("started_at")), Columns.instant(rs.getTimestamp("completed_at")),
                        rs.getObject("duration_ms", Long.class), rs.getString("node")))
                .list();
    }

    private static ExecutionItem item(ResultSet rs, int n) throws SQLException {
        return new ExecutionItem(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                rs.getString("workflow_name"), rs.getInt("workflow_version"), rs.getString("status"),
                Columns.instant(rs.getTimestamp("started_at")), Columns.instant(rs.getTimestamp("completed_at")),
                rs.getObject("duration_ms", Long.class), rs.getString("error_message"));
    }
}
