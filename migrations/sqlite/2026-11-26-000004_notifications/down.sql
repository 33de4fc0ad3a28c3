DROP TABLE script_actions;
DROP TABLE notifications;
DROP TABLE notification_templates;
ALTER TABLE tasks DROP COLUMN result;
ALTER TABLE api_keys DROP COLUMN expires_at;
ALTER TABLE accounts DROP COLUMN language;
