package dev.placemat.workflows.app.recording;

import dev.placemat.workflows.app.recording.Columns.Part;
import dev.placemat.workflows.app.recording.RowWrite.EndStep;
import dev.placemat.workflows.app.recording.RowWrite.InsertExecution;
import dev.placemat.workflows.app.recording.RowWrite.StartStep;
import dev.placemat.workflows.app.recording.RowWrite.UpdateExecution;
import dev.placemat.workflows.runtime.StepRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One statement's worth of rows: new executions, step attempts and status changes (the last per execution wins,
 * and {@code running} never replaces a final status or a wait). An attempt whose start and end are
 * both in the batch is inserted once, ended; an end whose start was written before updates that row.
 */
final class RowBatch {

    /**
     * The statuses of an execution that does not run (the others are pending and running), named so that the
     * condition is one PostgreSQL checks on the row the primary key finds. "IN ('pending', 'running')" let it plan to
     * read the indexes of unfinished executions instead, which statistics show as nearly empty and which hold an
     * entry for every execution since the last vacuum: up to a millisecond of the database's time per batch under
     * load (bench/README.md, seventeenth session).
     */
    private static final String NOT_RUNNING = "('waiting', 'completed', 'failed', 'cancelled', 'interrupted')";
    /** An execution's status changes only while it runs and its owner is the one that ran it. */
    private static final String STILL_OWNED = "WHERE e.id = t.id::uuid AND e.status NOT IN " + NOT_RUNNING
            + " AND e.owner_node = t.owner::uuid";
    // The batch is one statement, committed on its own (one round trip). No row is changed twice in it: an attempt
    // started and ended here is inserted once, and an execution gets one status change.
    private static final Part NEW_EXECUTIONS = new Part("new_executions", 8, "INSERT INTO workflow_executions (id, "
            + "workflow_id, workflow_version, status, trigger_data, started_at, owner_node, started_node, is_test) "
            + "SELECT id::uuid, workflow_id::uuid, version::int, 'pending', trigger_data::jsonb, "
            + "started_at::timestamptz, owner::uuid, node, test::boolean "
            + "FROM ROWS AS t(id, workflow_id, version, trigger_data, started_at, owner, node, test)");
    private static final Part NEW_STEPS = new Part("new_steps", 15, "INSERT INTO step_executions (id, execution_id, "
            + "step_id, step_key, iteration, step_number, action_type, status, started_at, completed_at, input_data, "
            + "output_data, error_message, retry_count, node) SELECT t.id::uuid, t.execution_id::uuid, "
            + "(SELECT s.id FROM workflow_steps s WHERE s.workflow_id = t.workflow_id::uuid "
            + "AND s.step_number = t.step_number::int), t.step_key, t.iteration, t.step_number::int, t.action_type, "
            + "t.status, t.started_at::timestamptz, t.completed_at::timestamptz, t.input::jsonb, t.output::jsonb, "
            + "t.error, t.retry_count::int, t.node FROM ROWS AS t(id, execution_id, workflow_id, step_number, "
            + "step_key, iteration, action_type, status, started_at, completed_at, input, output, error, retry_count, "
            + "node)");
    private static final Part ENDED_STEPS = new Part("ended_steps", 5, "UPDATE step_executions s "
            + "SET status = t.status, output_data = t.output::jsonb, error_message = t.error, "
            + "completed_at = t.completed_at::timestamptz FROM ROWS AS t(id, status, output, error, completed_at) "
            + "WHERE s.id = t.id::uuid");
    private static final Part MARKED_RUNNING = new Part("marked_running", 2, "UPDATE workflow_executions e "
            + "SET status = 'running' FROM ROWS AS t(id, owner) "
            + STILL_OWNED + " AND e.status <> 'running'");
    private static final Part SUSPENDED = new Part("suspended", 4, "UPDATE workflow_executions e "
            + "SET status = 'waiting', resume_at = t.resume_at::timestamptz, execution_data = t.context::jsonb, "
            + "owner_node = NULL FROM ROWS AS t(id, resume_at, context, owner) "
            + STILL_OWNED);
    private static final Part ENDED_EXECUTIONS = new Part("ended_executions", 6, "UPDATE workflow_executions e "
            + "SET status = t.status, error_message = t.error, execution_data = t.context::jsonb, "
            + "completed_at = t.completed_at::timestamptz, resume_at = NULL "
            + "FROM ROWS AS t(id, status, error, context, completed_at, owner) "
            + STILL_OWNED);
    private static final List<Part> PARTS = List.of(NEW_EXECUTIONS, NEW_STEPS, ENDED_STEPS, MARKED_RUNNING, SUSPENDED,
            ENDED_EXECUTIONS);

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
        Columns columns = new Columns(PARTS);
        for (InsertExecution e : inserts) {
            columns.add(NEW_EXECUTIONS, e.id(), e.workflowId(), e.workflowVersion(), e.triggerJson(), e.startedAt(),
                    e.owner(), e.node(), e.test());
        }
        for (StepRow row : steps.values()) {
            if (row.start() != null) {
                addInsert(columns, row);
            } else {
                StepRecord r = row.end().record();
                columns.add(ENDED_STEPS, r.id(), r.status().id(), row.end().outputJson(), r.error(), r.completedAt());
            }
        }
        for (UpdateExecution u : updates.values()) {
            switch (u.status()) {
                case UpdateExecution.RUNNING -> columns.add(MARKED_RUNNING, u.id(), u.owner());
                case UpdateExecution.WAITING -> columns.add(SUSPENDED, u.id(), u.resumeAt(), u.executionJson(),
                        u.owner());
                default -> columns.add(ENDED_EXECUTIONS, u.id(), u.status(), u.error(), u.executionJson(),
                        u.completedAt(), u.owner());
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(columns.sql())) {
            columns.bind(connection, statement);
            statement.execute();
        }
    }

    /** The attempt's row as it stands at the end of the batch: started, or started and ended. */
    private static void addInsert(Columns columns, StepRow row) {
        StartStep start = row.start();
        StepRecord r = row.end() == null ? start.record() : row.end().record();
        columns.add(NEW_STEPS, r.id(), r.executionId(), start.workflowId(), r.stepNumber(), r.stepKey(),
                r.iteration(), r.actionType(), r.status().id(), r.startedAt(), r.completedAt(), start.inputJson(),
                row.end() == null ? null : row.end().outputJson(), r.error(), r.attempt() - 1, start.node());
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
