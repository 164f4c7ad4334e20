package dev.placemat.workflows.app.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.placemat.workflows.app.recording.RowWrite.UpdateExecution;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
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
            JdbcClient session = emptyCopy(connection);
            UUID owner = UUID.randomUUID();
            String insert = "INSERT INTO workflow_executions (id, workflow_id, workflow_version, status, started_at, "
                    + "owner_node) SELECT gen_random_uuid(), gen_random_uuid(), 1, :status, now(), :owner "
                    + "FROM generate_series(1, :count)";
            session.sql(insert).param("status", "completed").param("owner", owner).param("count", 20_000).update();
            session.sql("ANALYZE workflow_executions").update();
            session.sql(insert).param("status", "running").param("owner", owner).param("count", 2_000).update();
            List<UUID> ending = session.sql("SELECT id FROM workflow_executions WHERE status = 'running' LIMIT 10")
                    .query(UUID.class).list();
            long fetchedBefore = rowsFetchedByIndex(session);
            for (UUID execution : ending) {
                write(connection, UpdateExecution.ended(execution, "completed", null, "{}", owner));
            }
            assertThat(rowsFetchedByIndex(session) - fetchedBefore).as("rows the ten ends read").isEqualTo(10);
            assertThat(session.sql("SELECT count(*) FROM workflow_executions WHERE status = 'running'")
                    .query(Long.class).single()).isEqualTo(1_990);
            connection.rollback();
        }
    }

    /**
     * An empty copy of workflow_executions, temporary (it comes first in the search path, so the writer's statements
     * reach it) and dropped with the transaction this opens on {@code connection}.
     */
    private static JdbcClient emptyCopy(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TEMPORARY TABLE workflow_executions (LIKE public.workflow_executions INCLUDING ALL) "
                    + "ON COMMIT DROP");
        }
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    private static long rowsFetchedByIndex(JdbcClient session) {
        return session.sql("SELECT idx_tup_fetch FROM pg_stat_xact_user_tables WHERE schemaname LIKE 'pg_temp%' "
                + "AND relname = 'workflow_executions'").query(Long.class).single();
    }

    private static void write(Connection connection, RowWrite write) throws Exception {
        RowBatch.of(List.of(write)).writeTo(connection);
    }
}
