-- Who did what, when: every change to workflows, users, tokens and connections, every deploy, manual run and
-- sign-in (successful or not). Rows are only ever added; retention of this table is the operator's choice.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(60)  NOT NULL,
    target_type VARCHAR(40)  NOT NULL,
    target_id   VARCHAR(100),
    detail      JSONB
);
CREATE INDEX idx_audit_at ON audit_log (at DESC);
CREATE INDEX idx_audit_actor ON audit_log (actor, at DESC);
CREATE INDEX idx_audit_target ON audit_log (target_type, target_id);

-- Recovery looks for unfinished executions; retention for old ones per workflow.
CREATE INDEX idx_executions_unfinished ON workflow_executions (started_at) WHERE status IN ('pending', 'running');
