package dev.placemat.workflows.connectors.database;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL with {@code :name} parameters, turned into JDBC's {@code ?} placeholders and the names in order. Text in
 * quotes ({@code ':x'}, {@code "col"}, {@code $$...$$}), comments and casts ({@code ::uuid}) are left alone.
 */
record NamedParameters(String sql, List<String> names) {

    static NamedParameters parse(String query) {
        StringBuilder sql = new StringBuilder(query.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            int end = skip(query, i);
            if (end > i) {
                sql.append(query, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && query.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(query.charAt(i + 1))
                    && query.charAt(i + 1) != '$') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(query.charAt(j)) || query.charAt(j) == '_')) {
                    j++;
                }
                names.add(query.substring(i + 1, j));
                sql.append('?');
                i = j;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedParameters(sql.toString(), List.copyOf(names));
    }

    /** The end of a quoted text, comment or dollar-quoted block starting at {@code i}, or {@code i}. */
    private static int skip(String q, int i) {
        char c = q.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < q.length()) {
                if (q.charAt(j) == c) {
                    if (j + 1 < q.length() && q.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return q.length();
        }
        if (q.startsWith("--", i)) {
            int eol = q.indexOf('\n', i);
            return eol < 0 ? q.length() : eol + 1;
        }
        if (q.startsWith("/*", i)) {
            int close = q.indexOf("*/", i + 2);
            return close < 0 ? q.length() : close + 2;
        }
        if (c == '$') {
            int tagEnd = q.indexOf('$', i + 1);
            if (tagEnd > i && q.substring(i + 1, tagEnd).matches("[A-Za-z_]*")) {
                String tag = q.substring(i, tagEnd + 1);
                int close = q.indexOf(tag, tagEnd + 1);
                return close < 0 ? q.length() : close + tag.length();
            }
        }
        return i;
    }
}
