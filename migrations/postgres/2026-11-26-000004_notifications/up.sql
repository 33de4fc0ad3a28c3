-- Notifications pick the account's language (inherited down the tree when unset).
ALTER TABLE accounts ADD COLUMN language TEXT;
-- Keys may expire; reminders before that are a scheduled notification.
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP;
-- What a task's last attempt produced (a script's answer, say), as JSON.
ALTER TABLE tasks ADD COLUMN result TEXT;

-- One template per owner, event-type pattern and language: a descendant's template for the
-- same pattern and language overrides its ancestors' for the descendant's subtree.
CREATE TABLE notification_templates (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    event_type TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    html_body TEXT,
    sender TEXT,
    recipients TEXT,
    schedule TEXT,
    enabled INTEGER NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX notification_templates_key ON notification_templates (account_id, event_type, language);
CREATE INDEX notification_templates_account_path ON notification_templates (account_path, id);

-- The log: one row per notification to send, kept after it was sent.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL,
    account_path TEXT COLLATE "C" NOT NULL,
    template_id TEXT NOT NULL,
    event_id TEXT NOT NULL REFERENCES events (id),
    event_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    recipients TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT,
    body TEXT,
    html_body TEXT,
    status TEXT NOT NULL,
    send_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    attempts INTEGER NOT NULL,
    error TEXT,
    task_id TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notifications_account_path ON notifications (account_path, id);
CREATE INDEX notifications_pending ON notifications (template_id, object_id, status);

CREATE TABLE script_actions (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    url TEXT NOT NULL,
    description TEXT,
    event_types TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    timeout_seconds INTEGER NOT NULL,
    secret TEXT NOT NULL,
    deleted_at TIMESTAMP,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX script_actions_account_path ON script_actions (account_path, id);
