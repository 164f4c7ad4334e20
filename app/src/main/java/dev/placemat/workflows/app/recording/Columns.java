package dev.placemat.workflows.app.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A statement that writes rows of several kinds at once: one data-modifying {@code WITH} clause per kind of row
 * ({@link Part}), each taking its rows as one text array per column. Values are kept as text (a UUID, a number, a
 * boolean or an instant in their standard forms, which the clause casts back). Parts without rows are left out of the
 * statement, which PostgreSQL then plans for the kinds of rows it holds; the parts keep the order they were given in,
 * so that each mix of kinds is one statement text.
 */
final class Columns {

    /** One kind of row: {@code sql} reads its rows {@code FROM ROWS}, the columns zipped by {@code unnest}. */
    static final class Part {

        private final String clause;
        private final int width;

        Part(String name, int width, String sql) {
            StringJoiner arrays = new StringJoiner(", ", "unnest(", ")");
            for (int i = 0; i < width; i++) {
                arrays.add("?::text[]");
            }
            this.clause = name + " AS (" + sql.replace("FROM ROWS", "FROM " + arrays) + ")";
            this.width = width;
        }
    }

    private final Map<Part, List<List<String>>> columns = new LinkedHashMap<>();

    Columns(List<Part> parts) {
        for (Part part : parts) {
            List<List<String>> lists = new ArrayList<>(part.width);
            for (int i = 0; i < part.width; i++) {
                lists.add(new ArrayList<>());
            }
            columns.put(part, lists);
        }
    }

    /** A row of {@code part}, one value per column (null stays null). */
    void add(Part part, Object... values) {
        List<List<String>> lists = columns.get(part);
        if (values.length != lists.size()) {
            throw new IllegalArgumentException(values.length + " values for " + lists.size() + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            lists.get(i).add(values[i] == null ? null : values[i].toString());
        }
    }

    /** The statement for the parts that have rows. */
    String sql() {
        StringJoiner sql = new StringJoiner(", ", "WITH ", " SELECT 1");
        columns.forEach((part, lists) -> {
            if (!lists.get(0).isEmpty()) {
                sql.add(part.clause);
            }
        });
        return sql.toString();
    }

    /** Binds the columns of the parts that have rows, in order, from the statement's first parameter on. */
    void bind(Connection connection, PreparedStatement statement) throws SQLException {
        int index = 1;
        for (List<List<String>> lists : columns.values()) {
            if (lists.get(0).isEmpty()) {
                continue;
            }
            for (List<String> column : lists) {
                statement.setArray(index++, connection.createArrayOf("text", column.toArray(String[]::new)));
            }
        }
    }
}
