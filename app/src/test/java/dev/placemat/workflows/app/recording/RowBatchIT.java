package dev.placemat.workflows.app.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.placemat.workflows.app.recording.RowWrite.UpdateExecution;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.runtime.StepRecord;
import dev.placemat.workflows.runtime.StepStatus;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** How the writer's statements reach the rows they change, in a writer session, on a copy of the table. */
class RowBatchIT extends IntegrationTest {

    /**
     * Ending an execution reads its own row, found by its key, even when the statistics PostgreSQL planned with say
     * that almost nothing runs. Under load they always say so, while the indexes of unfinished executions hold an
     * entry for every execution since the last vacuum: reading those for each batch cost up to a millisecond of the
     * database's time (bench/README.md, seventeenth session). Here two thousand executions run on this node, started
     * after the tables were analyzed, and ten of them end.
     */
    @Test
    void aWriterSessionEndsAnExecutionByReadingItsRowOnly() throws Exception {
        try (HikariDataSource writer = WriterConnections.of(dataSource, 1);
                Connection connection = writer.getConnection()) {
            JdbcClient session = emptyCopy(connection, "workflow_executions");
            UUID owner = UUID.randomUUID();
            String insert = "INSERT INTO workflow_executions (id, workflow_id, workflow_version, status, started_at, "
                    + "owner_node) SELECT gen_random_uuid(), gen_random_uuid(), 1, :status, now(), :owner "
                    + "FROM generate_series(1, :count)";
            session.sql(insert).param("status", "completed").param("owner", owner).param("count", 20_000).update();
            session.sql("ANALYZE workflow_executions").update();
            session.sql(insert).param("status", "running").param("owner", owner).param("count", 2_000).update();
            List<UUID> ending = session.sql("SELECT id FROM workflow_executions WHERE status = 'running' LIMIT 10")
                    .query(UUID.class).list();
            long fetchedBefore = reads(session, "workflow_executions").byIndex();
            for (UUID execution : ending) {
                write(connection, UpdateExecution.ended(execution, "completed", null, "{}", owner));
            }
            assertThat(reads(session, "workflow_executions").byIndex() - fetchedBefore).as("rows the ten ends read")
                    .isEqualTo(10);
            assertThat(session.sql("SELECT count(*) FROM workflow_executions WHERE status = 'running'")
                    .query(Long.class).single()).isEqualTo(1_990);
            connection.rollback();
        }
    }

    /**
     * The writer's sessions plan each statement once. Planned while the step table is empty, ending a step reads the
     * whole table, and goes on doing so as the table grows, until the table is analyzed: on a new installation under
     * load that was every batch of the first minute (bench/README.md, eighteenth session). Here the session plans
     * its step ends on an empty copy, which then holds 20,000 attempts, and ten of them end before and ten after the
     * writer's count of rows reaches the point where it analyzes the tables.
     */
    @Test
    void aWriterSessionReadsTheStepItEndsByKeyOnceItHasWrittenEnoughRowsForTheTablesToBeAnalyzed() throws Exception {
        try (HikariDataSource writer = WriterConnections.of(dataSource, 1);
                Connection connection = writer.getConnection()) {
            JdbcClient session = emptyCopy(connection, "workflow_executions", "step_executions");
            UUID execution = UUID.randomUUID();
            // planned on the empty table: pgjdbc keeps a statement's plan from its fifth run on
            for (int i = 0; i < 6; i++) {
                write(connection, ended(UUID.randomUUID(), execution));
            }
            session.sql("INSERT INTO step_executions (id, execution_id, step_key, step_number, action_type, status, "
                    + "started_at) SELECT gen_random_uuid(), :execution, 'step_1', 1, 'data.transform', 'running', "
                    + "now() FROM generate_series(1, 20000)").param("execution", execution).update();
            List<UUID> steps = session.sql("SELECT id FROM step_executions LIMIT 20").query(UUID.class).list();
            FirstStatistics statistics = new FirstStatistics();

            statistics.wrote((int) FirstStatistics.ROWS - 1, connection);
            Reads before = reads(session, "step_executions");
            for (UUID step : steps.subList(0, 10)) {
                write(connection, ended(step, execution));
            }
            Reads planned = reads(session, "step_executions");
            assertThat(planned.scanned() - before.scanned()).as("rows ten ends read in the whole table")
                    .isGreaterThanOrEqualTo(10L * 20_000);

            statistics.wrote(1, connection);
            for (UUID step : steps.subList(10, 20)) {
                write(connection, ended(step, execution));
            }
            Reads analyzed = reads(session, "step_executions");
            assertThat(analyzed.scanned() - planned.scanned()).as("rows ten ends read in the whole table, once analyzed")
                    .isZero();
            assertThat(analyzed.byIndex() - planned.byIndex()).as("rows ten ends read by key, once analyzed").isEqualTo(10);
            assertThat(session.sql("SELECT count(*) FROM step_executions WHERE status = 'completed'")
                    .query(Long.class).single()).isEqualTo(20);
            connection.rollback();
        }
    }

    /**
     * Empty copies of {@code tables}, temporary (they come first in the search path, so the writer's statements
     * reach them) and dropped with the transaction this opens on {@code connection}.
     */
    private static JdbcClient emptyCopy(Connection connection, String... tables) throws Exception {
        connection.setAutoCommit(false);
        try (Statement ddl = connection.createStatement()) {
            for (String table : tables) {
                ddl.execute("CREATE TEMPORARY TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) "
                        + "ON COMMIT DROP");
            }
        }
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** Rows of a table's copy read by its sequential scans and fetched through its indexes, so far. */
    private record Reads(long scanned, long byIndex) {}

    private static Reads reads(JdbcClient session, String table) {
        return session.sql("SELECT seq_tup_read, idx_tup_fetch FROM pg_stat_xact_user_tables "
                + "WHERE schemaname LIKE 'pg_temp%' AND relname = :table").param("table", table)
                .query((row, n) -> new Reads(row.getLong(1), row.getLong(2))).single();
    }

    private static RowWrite ended(UUID step, UUID execution) {
        Instant now = Instant.now();
        return new RowWrite.EndStep(new StepRecord(step, execution.toString(), "step_1", null, 1, "data.transform",
                StepStatus.COMPLETED, 1, null, null, null, now, now), "{}");
    }

    private static void write(Connection connection, RowWrite write) throws Exception {
        RowBatch.of(List.of(write)).writeTo(connection);
    }
}
