-- Workflows as data (`/api/v1/workflows`): per account of the seller's side and order
-- type, at most one active; the nearest ancestor's active one runs a new order.
CREATE TABLE workflows (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT NOT NULL,
    order_type TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    -- JSON: the start step and the steps (the shape an order keeps a copy of).
    definition TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX workflows_account_path ON workflows (account_path, id);
CREATE UNIQUE INDEX workflows_one_active ON workflows (account_id, order_type) WHERE status = 'active';

-- The workflow an order was placed on (null: the built-in default).
ALTER TABLE orders ADD COLUMN workflow_id TEXT;
