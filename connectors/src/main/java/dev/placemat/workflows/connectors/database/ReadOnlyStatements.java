package dev.placemat.workflows.connectors.database;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether an SQL statement only reads, judged conservatively from its words: any doubt counts as a write. */
final class ReadOnlyStatements {

    private static final Pattern READING = Pattern.compile("^(select|with|values|table|show|explain)\\b");
    private static final Pattern WRITING = Pattern.compile("\\b(insert|update|delete|merge|upsert|create|drop|alter|"
            + "truncate|grant|revoke|copy|call|do|lock|notify|vacuum|analyze|refresh|reindex|cluster|comment|"
            + "security|set|reset|into|nextval|setval|pg_advisory_lock|dblink)\\b");

    private ReadOnlyStatements() {}

    static boolean isReadOnly(String sql) {
        if (sql == null) {
            return false;
        }
        String text = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ")
                .replaceAll("'(?:[^']|'')*'", "''").strip().toLowerCase(Locale.ROOT);
        return READING.matcher(text).find() && !WRITING.matcher(text).find();
    }
}
