DROP TABLE idempotency_keys;
DROP TABLE events;
DROP TABLE api_keys;
DROP TABLE users;
DROP TABLE roles;
DROP TABLE accounts;
