package dev.placemat.workflows.app.recording;

import dev.placemat.workflows.app.recording.RowWrite.EndStep;
import dev.placemat.workflows.app.recording.RowWrite.InsertExecution;
import dev.placemat.workflows.app.recording.RowWrite.StartStep;
import dev.placemat.workflows.app.recording.RowWrite.UpdateExecution;
import dev.placemat.workflows.runtime.StepRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One transaction's worth of rows: new executions first, then step attempts, then status changes (the last per
 * execution wins, and {@code running} never replaces a final status or a wait). An attempt whose start and end are
 * both in the batch is inserted once, ended; an end whose start was written before updates that row.
 */
final class RowBatch {

    private static final String INSERT_EXECUTION = "INSERT INTO workflow_executions (id, workflow_id, "
            + "workflow_version, status, trigger_data, started_at, owner_node, started_node, is_test) "
            + "VALUES (?, ?, ?, 'pending', ?::jsonb, ?, ?, ?, ?)";
    private static final String INSERT_STEP = "INSERT INTO step_executions (id, execution_id, step_id, step_key, "
            + "iteration, step_number, action_type, status, started_at, completed_at, input_data, output_data, "
            + "error_message, retry_count, node) VALUES (?, ?, (SELECT s.id FROM workflow_steps s "
            + "WHERE s.workflow_id = ? AND s.step_number = ?), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)";
    private static final String END_STEP = "UPDATE step_executions SET status = ?, output_data = ?::jsonb, "
            + "error_message = ?, completed_at = ? WHERE id = ?";
    private static final String UPDATE_RUNNING = "UPDATE workflow_executions SET status = 'running' "
            + "WHERE id = ? AND status = 'pending' AND owner_node = ?";
    private static final String UPDATE_WAITING = "UPDATE workflow_executions SET status = 'waiting', resume_at = ?, "
            + "execution_data = ?::jsonb, owner_node = NULL "
            + "WHERE id = ? AND status IN ('pending', 'running') AND owner_node = ?";
    private static final String UPDATE_FINAL = "UPDATE workflow_executions SET status = ?, error_message = ?, "
            + "execution_data = ?::jsonb, completed_at = ?, resume_at = NULL "
            + "WHERE id = ? AND status IN ('pending', 'running') AND owner_node = ?";

    /** An attempt's row in this batch: its start, its end, or both. */
    private record StepRow(StartStep start, EndStep end) {}

    private final List<InsertExecution> inserts;
    private final Map<UUID, StepRow> steps;
    private final Map<UUID, UpdateExecution> updates;

    private RowBatch(List<InsertExecution> inserts, Map<UUID, StepRow> steps, Map<UUID, UpdateExecution> updates) {
        this.inserts = inserts;
        this.steps = steps;
        this.updates = updates;
    }

    static RowBatch of(List<RowWrite> writes) {
        List<InsertExecution> inserts = new ArrayList<>();
        Map<UUID, StepRow> steps = new LinkedHashMap<>();
        Map<UUID, UpdateExecution> updates = new LinkedHashMap<>();
        for (RowWrite write : writes) {
            if (write instanceof InsertExecution insert) {
                inserts.add(insert);
            } else if (write instanceof StartStep start) {
                steps.put(start.record().id(), new StepRow(start, null));
            } else if (write instanceof EndStep end) {
                steps.merge(end.record().id(), new StepRow(null, end), (row, ended) -> new StepRow(row.start(), end));
            } else if (write instanceof UpdateExecution update) {
                updates.merge(update.id(), update, (old, next) -> old.endsRun() && !next.endsRun() ? old : next);
            }
        }
        return new RowBatch(inserts, steps, updates);
    }

    boolean isEmpty() {
        return size() == 0;
    }

    int size() {
        return inserts.size() + steps.size() + updates.size();
    }

    void writeTo(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            insertExecutions(connection);
            writeSteps(connection);
            updateExecutions(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private void insertExecutions(Connection connection) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT_EXECUTION)) {
            for (InsertExecution e : inserts) {
                ps.setObject(1, e.id());
                ps.setObject(2, e.workflowId());
                ps.setInt(3, e.workflowVersion());
                ps.setString(4, e.triggerJson());
                ps.setTimestamp(5, Timestamp.from(e.startedAt()));
                ps.setObject(6, e.owner());
                ps.setString(7, e.node());
                ps.setBoolean(8, e.test());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeSteps(Connection connection) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STEP);
                PreparedStatement end = connection.prepareStatement(END_STEP)) {
            boolean anyInsert = false;
            boolean anyEnd = false;
            for (StepRow row : steps.values()) {
                if (row.start() != null) {
                    addInsert(insert, row);
                    anyInsert = true;
                } else {
                    addEnd(end, row.end());
                    anyEnd = true;
                }
            }
            if (anyInsert) {
                insert.executeBatch();
            }
            if (anyEnd) {
                end.executeBatch();
            }
        }
    }

    /** The attempt's row as it stands at the end of the batch: started, or started and ended. */
    private static void addInsert(PreparedStatement ps, StepRow row) throws SQLException {
        StartStep start = row.start();
        StepRecord r = row.end() == null ? start.record() : row.end().record();
        ps.setObject(1, r.id());
        ps.setObject(2, UUID.fromString(r.executionId()));
        ps.setObject(3, start.workflowId());
        ps.setInt(4, r.stepNumber());
        ps.setString(5, r.stepKey());
        ps.setString(6, r.iteration());
        ps.setInt(7, r.stepNumber());
        ps.setString(8, r.actionType());
        ps.setString(9, r.status().id());
        ps.setTimestamp(10, timestamp(r.startedAt()));
        ps.setTimestamp(11, timestamp(r.completedAt()));
        ps.setString(12, start.inputJson());
        ps.setString(13, row.end() == null ? null : row.end().outputJson());
        ps.setString(14, r.error());
        ps.setInt(15, r.attempt() - 1);
        ps.setString(16, start.node());
        ps.addBatch();
    }

    private static void addEnd(PreparedStatement ps, EndStep end) throws SQLException {
        StepRecord r = end.record();
        ps.setString(1, r.status().id());
        ps.setString(2, end.outputJson());
        ps.setString(3, r.error());
        ps.setTimestamp(4, timestamp(r.completedAt()));
        ps.setObject(5, r.id());
        ps.addBatch();
    }

    private void updateExecutions(Connection connection) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement running = connection.prepareStatement(UPDATE_RUNNING);
                PreparedStatement waiting = connection.prepareStatement(UPDATE_WAITING);
                PreparedStatement last = connection.prepareStatement(UPDATE_FINAL)) {
            for (UpdateExecution u : updates.values()) {
                if (UpdateExecution.RUNNING.equals(u.status())) {
                    running.setObject(1, u.id());
                    running.setObject(2, u.owner());
                    running.addBatch();
                } else if (UpdateExecution.WAITING.equals(u.status())) {
                    waiting.setTimestamp(1, timestamp(u.resumeAt()));
                    waiting.setString(2, u.executionJson());
                    waiting.setObject(3, u.id());
                    waiting.setObject(4, u.owner());
                    waiting.addBatch();
                } else {
                    last.setString(1, u.status());
                    last.setString(2, u.error());
                    last.setString(3, u.executionJson());
                    last.setTimestamp(4, timestamp(u.completedAt()));
                    last.setObject(5, u.id());
                    last.setObject(6, u.owner());
                    last.addBatch();
                }
            }
            running.executeBatch();
            waiting.executeBatch();
            last.executeBatch();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Tells the waiters that their rows are committed. */
    void committed() {
        inserts.forEach(insert -> insert.committed().complete(null));
        steps.values().forEach(row -> {
            if (row.start() != null) {
                row.start().committed().complete(null);
            }
        });
    }

    /**
     * Fails the waiters of new executions (they answer 503: nothing was acknowledged) and returns the rest of the
     * batch, to retry until the database is back.
     */
    RowBatch withoutInserts(SQLException cause) {
        inserts.forEach(insert -> insert.committed().completeExceptionally(cause));
        return new RowBatch(List.of(), steps, updates);
    }

    /** Each row as a batch of its own. */
    List<RowBatch> split() {
        List<RowBatch> singles = new ArrayList<>();
        inserts.forEach(i -> singles.add(new RowBatch(List.of(i), Map.of(), Map.of())));
        steps.forEach((id, s) -> singles.add(new RowBatch(List.of(), Map.of(id, s), Map.of())));
        updates.forEach((id, u) -> singles.add(new RowBatch(List.of(), Map.of(), Map.of(id, u))));
        return singles;
    }

    /** Fails the waiters of step starts in a batch that is dropped. */
    void dropped(SQLException cause) {
        inserts.forEach(insert -> insert.committed().completeExceptionally(cause));
        steps.values().forEach(row -> {
            if (row.start() != null) {
                row.start().committed().completeExceptionally(cause);
            }
        });
    }

    /** Whether the database could not be reached, rather than refusing the rows. */
    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || state == null
                || state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P");
    }
}
