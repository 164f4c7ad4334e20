-- Connection scoping (docs/adr/0080-connection-scoping.md): a connection has an owner and may be shared with roles
-- and users. Connections made before this version have no owner: they belong to the admins, who share them.
ALTER TABLE connections
    ADD COLUMN owner_id     UUID REFERENCES users (id) ON DELETE SET NULL,
    ADD COLUMN shared_roles TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN shared_users UUID[] NOT NULL DEFAULT '{}';

-- Webhook ids are unique: one workflow per webhook URL. Earlier versions let several workflows share an id; the
-- oldest workflow keeps it and each other one gets a new random id (its URL changes; the audit trail says so), in
-- the column, its trigger config, and the definitions of its current and deployed versions.
CREATE TEMPORARY TABLE webhook_id_changes ON COMMIT DROP AS
SELECT id, webhook_id AS old_id,
       replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') AS new_id
FROM (SELECT id, webhook_id, row_number() OVER (PARTITION BY webhook_id ORDER BY created_at, id) AS n
      FROM workflows WHERE webhook_id IS NOT NULL) ranked
WHERE n > 1;

UPDATE workflows w SET webhook_id = c.new_id,
    trigger_config = jsonb_set(w.trigger_config, '{webhook_id}', to_jsonb(c.new_id))
FROM webhook_id_changes c WHERE w.id = c.id;

UPDATE workflow_versions v SET definition = jsonb_set(v.definition::jsonb, '{trigger,config,webhook_id}',
        to_jsonb(c.new_id))::json
FROM webhook_id_changes c, workflows w
WHERE v.workflow_id = c.id AND w.id = c.id AND v.version IN (w.version, w.deployed_version)
  AND v.definition::jsonb #>> '{trigger,config,webhook_id}' = c.old_id;

INSERT INTO audit_log (actor, action, target_type, target_id, detail)
SELECT 'platform', 'workflow.webhook_id_changed', 'workflow', id::text,
       jsonb_build_object('reason', 'webhook ids are unique from this version on; another workflow kept the old one')
FROM webhook_id_changes;

DROP INDEX idx_workflows_webhook;
CREATE UNIQUE INDEX idx_workflows_webhook ON workflows (webhook_id) WHERE webhook_id IS NOT NULL;
