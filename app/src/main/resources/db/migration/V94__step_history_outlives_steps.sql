-- A step attempt's row is history: it names its step by step_key, step_number and action_type, and its execution
-- names the workflow version it ran. Its step_id points at the workflow's current row for that step number when the
-- attempt ran, and is kept as it was when the step is later removed. With ON DELETE SET NULL, saving a workflow with a
-- step fewer rewrote every attempt that step ever made, inside the save's transaction: 25 s for a workflow with a
-- million executions (bench/README.md), with those rows locked against retention meanwhile. Without the key, nothing
-- needs the index on step_id either, and each recorded attempt writes one index entry and one key check less.
ALTER TABLE step_executions DROP CONSTRAINT IF EXISTS step_executions_step_id_fkey;
DROP INDEX IF EXISTS idx_step_executions_step;
COMMENT ON COLUMN step_executions.step_id IS
    'The workflow_steps row of this step number when the attempt ran; not a foreign key: kept when the step is removed';
