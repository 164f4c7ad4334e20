-- Every foreign key gets an index on its referencing column. Without one, PostgreSQL checks each deleted or updated
-- referenced row by scanning the whole referencing table: pruning 100 old executions scanned workflow_executions once
-- per row for rerun_of (27 s at a million executions), and removing a step from a workflow scanned every step
-- attempt ever recorded. CONCURRENTLY: an upgrade of a large database goes on writing while the indexes build
-- (Flyway runs these statements outside a transaction, so this script holds nothing else).
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_executions_rerun_of ON workflow_executions (rerun_of)
    WHERE rerun_of IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_step_executions_step ON step_executions (step_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_workflows_created_by ON workflows (created_by);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_workflow_versions_created_by ON workflow_versions (created_by);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_workflow_templates_created_by ON workflow_templates (created_by);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_connections_owner ON connections (owner_id);
