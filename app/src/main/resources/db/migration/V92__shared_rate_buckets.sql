-- The Bucket4j buckets of V91 also hold the rate limits of Notion and Slack connections (keys 'notion:<connection>',
-- 'slack:<connection>'), so that every node shares a connection's budget (ADR 0031). A connection's name has up to
-- 100 characters; the key its service's name too.
ALTER TABLE webhook_rate_buckets ALTER COLUMN id TYPE VARCHAR(200);
