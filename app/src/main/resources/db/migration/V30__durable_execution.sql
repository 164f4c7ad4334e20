-- Durable execution (docs/adr/0021-durable-execution.md) and the nodes of a cluster.
-- Backward compatible for one version: new columns are nullable or have defaults, and the status checks only widen.

-- The platform's nodes: each process registers an incarnation and heartbeats; the database's clock decides who is
-- alive (heartbeat_at newer than workflows.cluster.dead-after-seconds).
CREATE TABLE cluster_nodes (
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    address      TEXT,
    version      TEXT,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    status       TEXT        NOT NULL DEFAULT 'alive',
    CONSTRAINT valid_node_status CHECK (status IN ('alive', 'dead', 'stopped'))
);
CREATE INDEX idx_cluster_nodes_name ON cluster_nodes (name);

ALTER TABLE workflow_executions DROP CONSTRAINT valid_status;
ALTER TABLE workflow_executions ADD CONSTRAINT valid_status
    CHECK (status IN ('pending', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'interrupted'));
ALTER TABLE workflow_executions
    ADD COLUMN owner_node       UUID,          -- the node incarnation running it; null while it waits or is interrupted
    ADD COLUMN started_node     TEXT,          -- the name of the node that accepted it
    ADD COLUMN resume_at        TIMESTAMPTZ,   -- a durable wait: when any node resumes it
    ADD COLUMN interrupted_step TEXT,          -- the step in flight when its node died, not safe to repeat
    ADD COLUMN rerun_of         UUID REFERENCES workflow_executions (id) ON DELETE SET NULL,
    ADD COLUMN resume_count     INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN is_test          BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN cancel_requested TEXT;          -- who asked to cancel it, for the node that runs it
CREATE INDEX idx_executions_waiting ON workflow_executions (resume_at) WHERE status = 'waiting';
CREATE INDEX idx_executions_owner ON workflow_executions (owner_node) WHERE status IN ('pending', 'running');

-- Each time an execution was resumed (after a crash, a wait, or by a person): where and why. Its first start is
-- the execution row itself (started_node, started_at).
CREATE TABLE execution_runs (
    execution_id UUID        NOT NULL REFERENCES workflow_executions (id) ON DELETE CASCADE,
    node         TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason       TEXT        NOT NULL
);
CREATE INDEX idx_execution_runs ON execution_runs (execution_id, started_at);

ALTER TABLE step_executions DROP CONSTRAINT valid_step_status;
ALTER TABLE step_executions ADD CONSTRAINT valid_step_status
    CHECK (status IN ('pending', 'running', 'waiting', 'completed', 'failed', 'skipped', 'interrupted'));
ALTER TABLE step_executions
    ADD COLUMN iteration TEXT,   -- where in its loops the attempt ran: "2", "2.0"; null outside loops
    ADD COLUMN node      TEXT;   -- the node that ran the attempt
