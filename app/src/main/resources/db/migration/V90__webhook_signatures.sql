-- Signatures of webhooks that refuse replays (trigger config refuse_replays): a SHA-256 of each signature accepted,
-- kept while a request carrying it could still pass the timestamp check, so that the same signed request is
-- accepted once, on whichever node it arrives.
CREATE TABLE webhook_signatures (
    webhook_id       VARCHAR(64) NOT NULL,
    signature_sha256 CHAR(64)    NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (webhook_id, signature_sha256)
);
CREATE INDEX idx_webhook_signatures_expiry ON webhook_signatures (expires_at);
