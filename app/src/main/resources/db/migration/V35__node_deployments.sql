-- The cluster (docs/adr/0030-cluster-deploy-propagation.md): which version of each workflow every node has
-- loaded, written by each node in batches, read for GET /api/workflows/{id} (loaded_on).
-- Backward compatible for one version: a new table only; nodes of the version before neither read nor write it.
CREATE TABLE node_deployments (
    node_id     UUID    NOT NULL REFERENCES cluster_nodes (id) ON DELETE CASCADE,
    workflow_id UUID    NOT NULL,   -- no reference: a node may record a load while the workflow is being deleted
    version     INTEGER NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (node_id, workflow_id)
);
CREATE INDEX idx_node_deployments_workflow ON node_deployments (workflow_id);
