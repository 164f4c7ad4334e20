-- Webhook rate limits (trigger config rate_limit_per_minute) shared by every node: one Bucket4j token bucket per
-- workflow and limit, its state serialized by Bucket4j, updated under SELECT ... FOR UPDATE (ADR 0031).
CREATE TABLE webhook_rate_buckets (
    id         VARCHAR(100) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
