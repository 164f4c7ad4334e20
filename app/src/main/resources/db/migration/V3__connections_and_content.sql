-- Named credentials: every field is sealed together (AES-GCM, see SecretBox); only names and types are in clear.
CREATE TABLE connections (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name       VARCHAR(100) NOT NULL UNIQUE,
    type       VARCHAR(30)  NOT NULL,
    sealed     TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT valid_connection_type CHECK (type IN ('notion', 'smtp', 'slack', 'database', 'http'))
);

-- Email templates for email.send_template (Mustache: logic-less, values escaped in HTML).
CREATE TABLE email_templates (
    id         VARCHAR(100) PRIMARY KEY,
    subject    TEXT NOT NULL,
    text_body  TEXT,
    html_body  TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO email_templates (id, subject, text_body, html_body) VALUES
('project_kickoff', 'Welcome aboard: {{project_name}}',
 E'Hello,\n\nThe project {{project_name}} has been set up (funding: {{amount}}).\nWe will be in touch about the kickoff meeting.\n\nACT Placemat',
 '<p>Hello,</p><p>The project <strong>{{project_name}}</strong> has been set up (funding: {{amount}}).</p><p>We will be in touch about the kickoff meeting.</p><p>ACT Placemat</p>'),
('budget_alert', 'Budget alert: {{project_name}} at {{budget_utilization}}%',
 E'The project {{project_name}} has used {{budget_utilization}}% of its budget.\nPlease review its spending.',
 '<p>The project <strong>{{project_name}}</strong> has used <strong>{{budget_utilization}}%</strong> of its budget.</p><p>Please review its spending.</p>');

-- Events recorded by analytics.track.
CREATE TABLE analytics_events (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    event_name   VARCHAR(200) NOT NULL,
    properties   JSONB,
    workflow_id  UUID,
    execution_id UUID,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_analytics_events_name ON analytics_events (event_name, created_at DESC);
