-- The design's tables (docs in ../shared/seed), with what the engine needs besides:
-- time zones on every timestamp, workflow versions, the deployed version, step keys and attempts, a skipped status.

CREATE TABLE users (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    username      VARCHAR(100) NOT NULL UNIQUE,
    password_hash TEXT,
    role          VARCHAR(20)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT valid_role CHECK (role IN ('viewer', 'editor', 'admin'))
);

CREATE TABLE workflows (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name             VARCHAR(255) NOT NULL,
    description      TEXT,
    trigger_type     VARCHAR(50)  NOT NULL,
    trigger_config   JSONB        NOT NULL,
    is_active        BOOLEAN      NOT NULL DEFAULT true,
    created_by       UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version          INTEGER      NOT NULL DEFAULT 1,
    deployed_version INTEGER,
    deployed_at      TIMESTAMPTZ,
    webhook_id       VARCHAR(64),
    CONSTRAINT valid_trigger CHECK (trigger_type IN ('event', 'schedule', 'webhook', 'manual'))
);
CREATE INDEX idx_workflows_webhook ON workflows (webhook_id) WHERE webhook_id IS NOT NULL;

-- Every saved version of a definition, so that an execution links to the version it ran.
CREATE TABLE workflow_versions (
    workflow_id UUID        NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    version     INTEGER     NOT NULL,
    definition  JSON        NOT NULL, -- JSON, not JSONB: keeps the author's key order
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (workflow_id, version)
);

CREATE TABLE workflow_steps (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    workflow_id     UUID         NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    step_number     INTEGER      NOT NULL,
    action_type     VARCHAR(100) NOT NULL,
    action_config   JSONB        NOT NULL,
    condition       JSONB,
    retry_config    JSONB,
    timeout_seconds INTEGER      NOT NULL DEFAULT 300,
    UNIQUE (workflow_id, step_number)
);

CREATE TABLE workflow_executions (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    workflow_id      UUID        NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    workflow_version INTEGER     NOT NULL,
    status           VARCHAR(50) NOT NULL DEFAULT 'pending',
    trigger_data     JSONB,
    started_at       TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    completed_at     TIMESTAMPTZ,
    error_message    TEXT,
    execution_data   JSONB,
    CONSTRAINT valid_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled'))
);
CREATE INDEX idx_executions_workflow ON workflow_executions (workflow_id, started_at DESC);
CREATE INDEX idx_executions_status ON workflow_executions (status);
CREATE INDEX idx_executions_started ON workflow_executions (started_at DESC);

-- One row per attempt of each step: attempt 1, 2, 3 of a retried step are three rows.
CREATE TABLE step_executions (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    execution_id  UUID         NOT NULL REFERENCES workflow_executions (id) ON DELETE CASCADE,
    step_id       UUID REFERENCES workflow_steps (id) ON DELETE SET NULL,
    step_key      VARCHAR(100) NOT NULL,
    step_number   INTEGER      NOT NULL,
    action_type   VARCHAR(100) NOT NULL,
    status        VARCHAR(50)  NOT NULL DEFAULT 'pending',
    started_at    TIMESTAMPTZ,
    completed_at  TIMESTAMPTZ,
    input_data    JSONB,
    output_data   JSONB,
    error_message TEXT,
    retry_count   INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT valid_step_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'skipped'))
);
CREATE INDEX idx_step_executions ON step_executions (execution_id);

CREATE TABLE workflow_templates (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name            VARCHAR(255) NOT NULL,
    category        VARCHAR(100),
    description     TEXT,
    template_config JSONB        NOT NULL,
    is_public       BOOLEAN      NOT NULL DEFAULT false,
    usage_count     INTEGER      NOT NULL DEFAULT 0,
    created_by      UUID REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE workflow_schedules (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    workflow_id     UUID         NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    cron_expression VARCHAR(100) NOT NULL,
    timezone        VARCHAR(50)  NOT NULL DEFAULT 'Australia/Sydney',
    next_run_at     TIMESTAMPTZ,
    last_run_at     TIMESTAMPTZ,
    is_active       BOOLEAN      NOT NULL DEFAULT true
);
CREATE INDEX idx_schedules_next_run ON workflow_schedules (next_run_at);
CREATE UNIQUE INDEX idx_schedules_workflow ON workflow_schedules (workflow_id);
