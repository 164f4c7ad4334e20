package dev.placemat.workflows.app.db;

import java.sql.Timestamp;
import java.time.Instant;

/** Timestamps read back from columns as instants (null stays null). JSON columns are read by {@link StoredJson}. */
public final class Columns {

    private Columns() {}

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
