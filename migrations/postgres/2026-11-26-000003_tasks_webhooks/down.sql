DROP TABLE delivery_attempts;
DROP TABLE deliveries;
DROP TABLE webhook_endpoints;
DROP TABLE tasks;
DROP INDEX events_undispatched;
ALTER TABLE events DROP COLUMN dispatched_at;
