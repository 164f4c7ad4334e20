-- Who saved each version of a workflow (the version history shows it). Versions saved before this column existed
-- keep no author, except the first, whose author is the workflow's.
ALTER TABLE workflow_versions ADD COLUMN created_by UUID REFERENCES users (id) ON DELETE SET NULL;
UPDATE workflow_versions v SET created_by = w.created_by FROM workflows w WHERE w.id = v.workflow_id AND v.version = 1;
