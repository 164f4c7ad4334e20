package dev.placemat.workflows.app.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction of the test's own that keeps rows locked, as a concurrent writer would, until it commits or is
 * closed (rolled back); and a wait for the platform's statement that then waits for those rows.
 */
public final class HeldRows implements AutoCloseable {

    private final Connection connection;
    private final JdbcClient jdbc;

    HeldRows(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(false);
        this.jdbc = jdbc;
    }

    /** Runs {@code sql} with its one parameter: the rows it reads {@code FOR UPDATE} or changes stay locked. */
    public HeldRows lock(String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.execute();
        }
        return this;
    }

    /** Waits until a statement that starts with {@code start} waits for a lock. */
    public void awaitWaiting(String start) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE :start")
                .param("start", start + "%").query(Long.class).single() == 1);
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
