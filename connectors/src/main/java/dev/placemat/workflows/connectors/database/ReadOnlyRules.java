package dev.placemat.workflows.connectors.database;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a read-only connection refuses before the query reaches the database, on top of the {@code READ ONLY}
 * transaction it runs in: every statement but reads (so nothing that ends or changes the transaction or the session,
 * runs code, or copies to and from files and programs: {@code COMMIT}, {@code SET}, {@code DO}, {@code CALL},
 * {@code COPY}), and functions that read files, reach other servers, run SQL text of their own or act on the server.
 */
final class ReadOnlyRules {

    /** Statements a read-only connection runs; all others ({@code COPY}, {@code DO}, {@code CALL}, {@code SET}, ...) not. */
    private static final Set<String> STATEMENTS = Set.of("select", "with", "values", "table", "show", "explain");
    private static final Set<String> FUNCTIONS = Set.of("pg_stat_file", "set_config", "pg_reload_conf",
            "pg_rotate_logfile", "pg_terminate_backend", "pg_cancel_backend", "pg_logdir_ls", "ts_stat", "ts_rewrite",
            "pg_promote", "pg_switch_wal", "pg_create_restore_point");
    private static final String[] FUNCTION_PREFIXES = {"pg_read_", "pg_ls_", "pg_file_", "lo_", "dblink",
        "query_to_xml", "cursor_to_xml", "pg_execute_"};

    private ReadOnlyRules() {}

    /** Why a read-only connection refuses the query, for people; empty when it may run. */
    static Optional<String> refusal(SqlText sql) {
        if (!STATEMENTS.contains(sql.firstKeyword())) {
            return Optional.of(sql.firstKeyword().toUpperCase(Locale.ROOT) + " statements are not allowed "
                    + "on a read-only connection; it runs SELECT, WITH, VALUES, TABLE, SHOW and EXPLAIN");
        }
        for (String function : sql.functions()) {
            if (FUNCTIONS.contains(function) || startsWithAny(function)) {
                return Optional.of("the function " + function + " is not allowed on a read-only connection: it "
                        + "reaches files, programs, other servers or the server's own state");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWithAny(String function) {
        for (String prefix : FUNCTION_PREFIXES) {
            if (function.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
