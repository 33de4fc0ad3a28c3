-- Accounts form a tree. `path` is the materialised path "/<root id>/…/<own id>/": a
-- subtree is the key range [path, path with its last "/" replaced by "0"), which an index
-- answers at any size.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT REFERENCES accounts (id),
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT,
    hold_type TEXT,
    reseller_tier TEXT,
    email TEXT,
    phone TEXT,
    tax_id TEXT,
    address TEXT,
    metadata TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- Lists are ordered by id; each filter gets an index that yields its rows in that order.
CREATE INDEX accounts_parent_id ON accounts (parent_id, id);
CREATE INDEX accounts_kind ON accounts (kind, id);
CREATE INDEX accounts_status ON accounts (status, id);

CREATE TABLE roles (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    permissions TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (account_id, name)
);
CREATE INDEX roles_account_path ON roles (account_path);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT NOT NULL,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role_id TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (account_id, email)
);
CREATE INDEX users_account_path ON users (account_path);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT NOT NULL,
    role_id TEXT NOT NULL,
    name TEXT,
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX api_keys_account_path ON api_keys (account_path);

-- The outbox: every change writes its event here in the same transaction.
CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    event_type TEXT NOT NULL,
    account_id TEXT NOT NULL,
    account_path TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    data TEXT NOT NULL,
    previous TEXT,
    occurred_at TIMESTAMP NOT NULL,
    UNIQUE (object_id, sequence)
);
CREATE INDEX events_account_path ON events (account_path, id);
CREATE INDEX events_type ON events (event_type, id);

-- Stored answers of POST requests, replayed for a repeated Idempotency-Key.
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    response_status INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
