package dev.placemat.workflows.connectors.database;

import dev.placemat.workflows.spi.StepFailure;
import java.sql.SQLException;

/** SQL errors as step failures: what the database said, and whether a retry can help (by SQLSTATE class). */
final class SqlFailures {

    private SqlFailures() {}

    static StepFailure of(SQLException e, String connectionName) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String said = firstLine(e.getMessage());
        if (state.equals("25006")) {
            return StepFailure.permanent("the database connection '" + connectionName
                    + "' is read-only, and this query tries to write: " + said);
        }
        if (state.equals("57014")) {
            return StepFailure.transientFailure("the query was cancelled: it ran longer than the step's time left");
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("40") || state.isEmpty()) {
            return StepFailure.transientFailure("the database of connection '" + connectionName + "' failed: " + said);
        }
        return StepFailure.permanent("the database rejected the query (" + state + "): " + said);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int eol = message.indexOf('\n');
        return (eol < 0 ? message : message.substring(0, eol)).strip();
    }
}
