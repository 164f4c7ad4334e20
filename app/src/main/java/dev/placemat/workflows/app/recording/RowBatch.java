package dev.placemat.workflows.app.recording;

import dev.placemat.workflows.app.recording.RowWrite.InsertExecution;
import dev.placemat.workflows.app.recording.RowWrite.InsertStep;
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
 * execution wins, and a final status is never replaced by {@code running}).
 */
final class RowBatch {

    private static final String INSERT_EXECUTION = "INSERT INTO workflow_executions "
            + "(id, workflow_id, workflow_version, status, trigger_data, started_at) VALUES (?, ?, ?, 'pending', ?::jsonb, ?)";
    private static final String INSERT_STEP = "INSERT INTO step_executions (id, execution_id, step_id, step_key, "
            + "step_number, action_type, status, started_at, completed_at, input_data, output_data, error_message, "
            + "retry_count) VALUES (?, ?, (SELECT s.id FROM workflow_steps s WHERE s.workflow_id = ? AND s.step_number = ?),"
            + " ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)";
    private static final String UPDATE_RUNNING = "UPDATE workflow_executions SET status = 'running' "
            + "WHERE id = ? AND status = 'pending'";
    private static final String UPDATE_FINAL = "UPDATE workflow_executions SET status = ?, error_message = ?, "
            + "execution_data = ?::jsonb, completed_at = ? WHERE id = ? AND status IN ('pending', 'running')";

    private final List<InsertExecution> inserts;
    private final List<InsertStep> steps;
    private final Map<UUID, UpdateExecution> updates;

    private RowBatch(List<InsertExecution> inserts, List<InsertStep> steps, Map<UUID, UpdateExecution> updates) {
        this.inserts = inserts;
        this.steps = steps;
        this.updates = updates;
    }

    static RowBatch of(List<RowWrite> writes) {
        List<InsertExecution> inserts = new ArrayList<>();
        List<InsertStep> steps = new ArrayList<>();
        Map<UUID, UpdateExecution> updates = new LinkedHashMap<>();
        for (RowWrite write : writes) {
            if (write instanceof InsertExecution insert) {
                inserts.add(insert);
            } else if (write instanceof InsertStep step) {
                steps.add(step);
            } else if (write instanceof UpdateExecution update) {
                updates.merge(update.id(), update, (old, next) -> old.isFinal() && !next.isFinal() ? old : next);
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
            insertSteps(connection);
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
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertSteps(Connection connection) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT_STEP)) {
            for (InsertStep step : steps) {
                StepRecord r = step.record();
                ps.setObject(1, TimeOrderedIds.next());
                ps.setObject(2, UUID.fromString(r.executionId()));
                ps.setObject(3, step.workflowId());
                ps.setInt(4, r.stepNumber());
                ps.setString(5, r.stepKey());
                ps.setInt(6, r.stepNumber());
                ps.setString(7, r.actionType());
                ps.setString(8, r.status().id());
                ps.setTimestamp(9, timestamp(r.startedAt()));
                ps.setTimestamp(10, timestamp(r.completedAt()));
                ps.setString(11, step.inputJson());
                ps.setString(12, step.outputJson());
                ps.setString(13, r.error());
                ps.setInt(14, r.attempt() - 1);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void updateExecutions(Connection connection) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement running = connection.prepareStatement(UPDATE_RUNNING);
                PreparedStatement last = connection.prepareStatement(UPDATE_FINAL)) {
            for (UpdateExecution u : updates.values()) {
                if (u.isFinal()) {
                    last.setString(1, u.status());
                    last.setString(2, u.error());
                    last.setString(3, u.executionJson());
                    last.setTimestamp(4, timestamp(u.completedAt()));
                    last.setObject(5, u.id());
                    last.addBatch();
                } else {
                    running.setObject(1, u.id());
                    running.addBatch();
                }
            }
            running.executeBatch();
            last.executeBatch();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Tells the waiters that their execution rows are committed. */
    void committed() {
        inserts.forEach(insert -> insert.committed().complete(null));
    }

    /** Fails the waiters of new executions (they answer 503) and returns the rest of the batch. */
    RowBatch withoutInserts(SQLException cause) {
        inserts.forEach(insert -> insert.committed().completeExceptionally(cause));
        return new RowBatch(List.of(), steps, updates);
    }

    /** Each row as a batch of its own. */
    List<RowBatch> split() {
        List<RowBatch> singles = new ArrayList<>();
        inserts.forEach(i -> singles.add(new RowBatch(List.of(i), List.of(), Map.of())));
        steps.forEach(s -> singles.add(new RowBatch(List.of(), List.of(s), Map.of())));
        updates.forEach((id, u) -> singles.add(new RowBatch(List.of(), List.of(), Map.of(id, u))));
        return singles;
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
