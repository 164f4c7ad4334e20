package dev.placemat.workflows.connectors.database;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.core.Parser;

/**
 * A query's SQL as PostgreSQL reads it, lexed with the PostgreSQL JDBC driver's own parser (the code that runs it):
 * quotes, {@code E'\''} escapes, {@code $tag$} dollar quotes, quoted identifiers and comments are what the server
 * says they are. From it: the number of statements, the {@code :name} parameters turned into JDBC's {@code ?} (casts
 * such as {@code ::int} stay), the first keyword, and the names of the functions it calls.
 * (docs/adr/0081-read-only-database-steps.md says why neither Spring's nor camel-jdbc's named-parameter parser.)
 */
record SqlText(String jdbcSql, List<String> names, String firstKeyword, Set<String> functions) {

    /** How many statements the text holds, split as the driver splits them (an empty trailing one is not counted). */
    static int statements(String sql) throws SQLException {
        return Parser.parseJdbcSql(sql, true, false, true, false, false).size();
    }

    static SqlText parse(String sql) {
        char[] q = sql.toCharArray();
        StringBuilder out = new StringBuilder(q.length);
        List<String> names = new ArrayList<>();
        Set<String> functions = new LinkedHashSet<>();
        String first = null;
        String lastWord = null;
        int i = 0;
        while (i < q.length) {
            int end = skipped(q, i);
            if (end > i) {
                if (q[i] == '"') {
                    lastWord = new String(q, i + 1, end - i - 1).replace("\"\"", "\"").toLowerCase(Locale.ROOT);
                } else if (q[i] != '-' && q[i] != '/') {
                    lastWord = null;
                }
                out.append(q, i, end - i + 1);
                i = end + 1;
            } else if (q[i] == ':' && i + 1 < q.length && q[i + 1] == ':') {
                out.append("::");
                lastWord = null;
                i += 2;
            } else if (q[i] == ':' && i + 1 < q.length && identifierStart(q[i + 1])) {
                int j = wordEnd(q, i + 1);
                names.add(new String(q, i + 1, j - i - 1));
                out.append('?');
                lastWord = null;
                i = j;
            } else if (identifierStart(q[i])) {
                int j = wordEnd(q, i);
                lastWord = new String(q, i, j - i).toLowerCase(Locale.ROOT);
                if (first == null) {
                    first = lastWord;
                }
                out.append(q, i, j - i);
                i = j;
            } else {
                if (q[i] == '(' && lastWord != null) {
                    functions.add(lastWord);
                }
                if (!Character.isWhitespace(q[i])) {
                    lastWord = null;
                }
                out.append(q[i]);
                i++;
            }
        }
        return new SqlText(out.toString(), List.copyOf(names), first == null ? "" : first, Set.copyOf(functions));
    }

    /** The index of the last character of a quoted text, quoted identifier or comment starting at {@code i}, or i. */
    private static int skipped(char[] q, int i) {
        return Math.min(q.length - 1, switch (q[i]) {
            case '\'' -> Parser.parseSingleQuotes(q, i, true);
            case '"' -> Parser.parseDoubleQuotes(q, i);
            case '-' -> Parser.parseLineComment(q, i);
            case '/' -> Parser.parseBlockComment(q, i);
            case '$' -> i > 0 && Character.isJavaIdentifierPart(q[i - 1]) ? i : Parser.parseDollarQuotes(q, i);
            default -> i;
        });
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static int wordEnd(char[] q, int start) {
        int j = start;
        while (j < q.length && (Character.isLetterOrDigit(q[j]) || q[j] == '_' || q[j] == '$')) {
            j++;
        }
        return j;
    }
}
