package dev.placemat.workflows.app.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statistics for the tables the writer fills, taken once while PostgreSQL still counts them as small. The writer's
 * sessions plan each statement once ({@link WriterConnections}) on the tables as they are then; on a new installation
 * they are empty, and the plan that ends a step reads the whole step table. PostgreSQL plans again only once its
 * autovacuum has analyzed the table, up to a minute later, while each batch reads a table that grows by thousands of
 * rows a second: a new installation under load ran at a fifth of its rate for its first minute (bench/README.md,
 * eighteenth session). The batch that brings the rows written since the node started to {@link #ROWS} analyzes those
 * tables PostgreSQL counts as holding fewer than {@link #SMALL} rows, and every session then plans its statements on
 * them again.
 */
final class FirstStatistics {

    static final long ROWS = 20_000;
    private static final long SMALL = 10_000;
    /** The names are the platform's own; ANALYZE takes no parameters. */
    private static final List<String> TABLES = List.of("workflow_executions", "step_executions");
    private static final Logger log = LoggerFactory.getLogger(FirstStatistics.class);

    private final AtomicLong written = new AtomicLong();

    /** Counts a committed batch's rows; the batch that reaches {@link #ROWS} analyzes on its connection. */
    void wrote(int rows, Connection connection) {
        long total = written.addAndGet(rows);
        if (total >= ROWS && total - rows < ROWS) {
            try {
                log.info("analyzed the execution tables PostgreSQL counted as small: {}", analyzeSmall(connection));
            } catch (SQLException e) {
                log.warn("could not analyze the execution tables ({}); PostgreSQL's autovacuum will", e.getMessage());
            }
        }
    }

    /** Analyzes each of the writer's tables that PostgreSQL counts as small; returns their names. */
    private static List<String> analyzeSmall(Connection connection) throws SQLException {
        List<String> analyzed = new ArrayList<>();
        try (PreparedStatement small = connection.prepareStatement(
                        "SELECT reltuples < ? FROM pg_class WHERE oid = ?::regclass");
                Statement analyze = connection.createStatement()) {
            for (String table : TABLES) {
                small.setLong(1, SMALL);
                small.setString(2, table);
                try (ResultSet row = small.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        analyze.execute("ANALYZE " + table);
                        analyzed.add(table);
                    }
                }
            }
        }
        return analyzed;
    }
}
