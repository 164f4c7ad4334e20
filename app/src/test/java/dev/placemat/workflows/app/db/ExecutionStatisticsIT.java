package dev.placemat.workflows.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.placemat.workflows.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Analyzing the execution tables leaves out their JSON: no query reads PostgreSQL's statistics on it, and computing
 * them was most of each analyze, which autovacuum repeats while the tables are written (V95).
 */
class ExecutionStatisticsIT extends IntegrationTest {

    @Test
    void theExecutionTablesJsonColumnsAreNotAnalyzed() {
        var analyzed = jdbc.sql("""
                        SELECT a.attrelid::regclass || '.' || a.attname FROM pg_attribute a
                        WHERE a.attrelid IN ('workflow_executions'::regclass, 'step_executions'::regclass)
                          AND a.atttypid = 'jsonb'::regtype AND NOT a.attisdropped
                          AND a.attstattarget IS DISTINCT FROM 0
                        ORDER BY 1""")
                .query(String.class).list();
        assertThat(analyzed).as("JSON columns of the execution tables that ANALYZE samples").isEmpty();
    }
}
