package dev.placemat.workflows.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.placemat.workflows.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every foreign key of the platform's schema has an index that leads with its referencing column. Without one,
 * PostgreSQL checks each deleted referenced row by scanning the whole referencing table: pruning old executions
 * scanned {@code workflow_executions} once per pruned row for {@code rerun_of} (27 s for 100 rows at a million
 * executions, bench/README.md). (Step attempts name their step without a foreign key: V94.)
 */
class ForeignKeyIndexesIT extends IntegrationTest {

    @Test
    void everyForeignKeyIsIndexedOnItsReferencingColumns() {
        var unindexed = jdbc.sql("""
                        SELECT c.conrelid::regclass || '(' || string_agg(a.attname, ', ' ORDER BY k.n) || ')'
                        FROM pg_constraint c
                        CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                          AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
                                          AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                                          AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
                        GROUP BY c.oid, c.conrelid
                        ORDER BY 1""")
                .query(String.class)
                .list();
        assertThat(unindexed).as("foreign keys whose referencing columns lead no index").isEmpty();
    }
}
