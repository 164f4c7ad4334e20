package dev.placemat.workflows.connectors.database;

import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * One run of a parsed query: binds the parameters, limits rows and time, and reads the result. A read-only
 * connection's query runs as the second statement of a transaction opened {@code READ ONLY}, which it cannot end
 * (it is one statement, and not a transaction statement); the transaction is rolled back. When the step is given
 * up, the statement is cancelled on the server ({@code Statement.cancel}); the query timeout does the same when the
 * step's time runs out first.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class QueryRun {

    private final SqlText sql;
    private final Map<String, Object> parameters;
    private final int maxRows;
    private final StepContext context;

    /** The query's result: rows read within the limit, or the update count of a write. */
    record Result(List<String> columns, List<Map<String, Object>> rows, boolean truncated, Integer updated) {

        Map<String, Object> toOutput() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rows", rows);
            out.put("row_count", rows.size());
            out.put("columns", columns);
            out.put("truncated", truncated);
            if (updated != null) {
                out.put("updated_count", updated);
            }
            if (!rows.isEmpty()) {
                rows.get(0).forEach(out::putIfAbsent);
            }
            return out;
        }
    }

    Result execute(Connection connection, boolean writable) throws SQLException, StepFailure {
        for (String name : sql.names()) {
            if (!parameters.containsKey(name)) {
                throw StepFailure.permanent("the query uses :" + name + " but parameters has no " + name);
            }
        }
        connection.setReadOnly(!writable);
        connection.setAutoCommit(false);
        boolean done = false;
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
            if (!writable) {
                try (Statement readOnly = connection.createStatement()) {
                    readOnly.execute("SET TRANSACTION READ ONLY");
                }
            }
            context.onCancel(() -> cancel(statement));
            statement.setMaxRows(maxRows + 1);
            statement.setFetchSize(Math.min(maxRows + 1, 500));
            statement.setQueryTimeout(timeoutSeconds(context.timeLeft()));
            bind(statement, connection);
            Result result = statement.execute() ? read(statement.getResultSet())
                    : new Result(List.of(), List.of(), false, statement.getUpdateCount());
            done = true;
            return result;
        } finally {
            if (done && writable) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    /** The step's time left in whole seconds, rounded up (JDBC's unit), at least one. */
    static int timeoutSeconds(Duration timeLeft) {
        long millis = Math.max(1, timeLeft.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // the statement has ended or its connection is gone: nothing is left to stop
        }
    }

    private void bind(PreparedStatement statement, Connection connection) throws SQLException, StepFailure {
        for (int i = 0; i < sql.names().size(); i++) {
            String name = sql.names().get(i);
            Object value = parameters.get(name);
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof List<?> list) {
                statement.setArray(i + 1, connection.createArrayOf(arrayType(list, name), list.toArray()));
            } else if (value instanceof Map<?, ?>) {
                throw StepFailure.permanent("parameter " + name + " is an object; give a single value or a list");
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static String arrayType(List<?> list, String name) throws StepFailure {
        if (list.stream().allMatch(v -> v instanceof Number)) {
            return "numeric";
        }
        if (list.stream().allMatch(v -> v instanceof Boolean)) {
            return "boolean";
        }
        if (list.stream().allMatch(v -> v instanceof String)) {
            return "varchar";
        }
        throw StepFailure.permanent("parameter " + name + " is a list of mixed values; use numbers only or text only");
    }

    private Result read(ResultSet rs) throws SQLException {
        try (rs) {
            List<String> columns = ResultRows.columns(rs.getMetaData());
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean truncated = false;
            while (rs.next()) {
                if (rows.size() == maxRows) {
                    truncated = true;
                    break;
                }
                rows.add(ResultRows.row(rs, columns));
            }
            return new Result(columns, rows, truncated, null);
        }
    }
}
