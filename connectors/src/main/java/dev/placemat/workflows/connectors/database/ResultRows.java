package dev.placemat.workflows.connectors.database;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of a result set as JSON-friendly maps: numbers, text, booleans, ISO dates, lists. */
final class ResultRows {

    private ResultRows() {}

    static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        return columns;
    }

    static Map<String, Object> row(ResultSet rs, List<String> columns) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), value(rs.getObject(i + 1)));
        }
        return row;
    }

    private static Object value(Object value) throws SQLException {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Time t) {
            return t.toLocalTime().toString();
        }
        if (value instanceof Array array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                out.add(value(item));
            }
            return out;
        }
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Object[] items) {
            return Arrays.asList(items);
        }
        return value.toString();
    }
}
