-- Events delivered to event workflows: one row per (workflow, event id), so that a redelivered event (Kafka is
-- at-least-once) never starts a second execution. The execution id is chosen before the row is written.
CREATE TABLE event_deliveries (
    workflow_id  UUID         NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    event_id     VARCHAR(200) NOT NULL,
    execution_id UUID         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (workflow_id, event_id)
);
CREATE INDEX idx_event_deliveries_created ON event_deliveries (created_at);

-- Webhook requests accepted with an Idempotency-Key: a replay answers with the executions of the first request.
CREATE TABLE webhook_requests (
    webhook_id      VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    execution_ids   JSONB,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (webhook_id, idempotency_key)
);
CREATE INDEX idx_webhook_requests_created ON webhook_requests (created_at);
