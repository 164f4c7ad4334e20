package dev.placemat.workflows.app.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A statement that writes rows of several kinds at once: one data-modifying {@code WITH} clause per kind of row
 * ({@link Part}), each taking its rows as one text array per column. Values go in row by row, part after part, as text
 * (a UUID, a number, a boolean or an instant in their standard forms, which the clause casts back). Parts without
 * rows are left out of the statement, which PostgreSQL then plans for the kinds of rows it holds.
 */
final class Columns {

    /** One kind of row: {@code sql} reads its rows from {@code t}, the columns zipped by {@code unnest}. */
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

    private final List<Part> parts = new ArrayList<>();
    private final List<List<List<String>>> columns = new ArrayList<>();

    /** Starts the rows of the next part. */
    void part(Part part) {
        parts.add(part);
        columns.add(new ArrayList<>(Collections.nCopies(part.width, null)));
    }

    /** A row of the current part, one value per column (null stays null). */
    void row(Object... values) {
        List<List<String>> part = columns.get(columns.size() - 1);
        if (values.length != part.size()) {
            throw new IllegalArgumentException(values.length + " values for " + part.size() + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            if (part.get(i) == null) {
                part.set(i, new ArrayList<>());
            }
            part.get(i).add(values[i] == null ? null : Objects.toString(values[i]));
        }
    }

    /** The statement for the parts that have rows. */
    String sql() {
        StringJoiner sql = new StringJoiner(", ", "WITH ", " SELECT 1");
        for (int i = 0; i < parts.size(); i++) {
            if (hasRows(i)) {
                sql.add(parts.get(i).clause);
            }
        }
        return sql.toString();
    }

    /** Binds the columns of the parts that have rows, in order, from the statement's first parameter on. */
    void bind(Connection connection, PreparedStatement statement) throws SQLException {
        int index = 1;
        for (int i = 0; i < parts.size(); i++) {
            if (hasRows(i)) {
                for (List<String> column : columns.get(i)) {
                    statement.setArray(index++, connection.createArrayOf("text", column.toArray(String[]::new)));
                }
            }
        }
    }

    private boolean hasRows(int part) {
        return columns.get(part).get(0) != null;
    }
}
