-- The order workflow: each order keeps a copy of its workflow (JSON), the step it is at,
-- the history of its steps (JSON) and its fraud screening.
ALTER TABLE orders ADD COLUMN ip_country TEXT;
ALTER TABLE orders ADD COLUMN workflow TEXT NOT NULL DEFAULT '{}';
ALTER TABLE orders ADD COLUMN current_step TEXT;
ALTER TABLE orders ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
ALTER TABLE orders ADD COLUMN fraud_score BIGINT;
ALTER TABLE orders ADD COLUMN fraud_reasons TEXT NOT NULL DEFAULT '[]';
CREATE INDEX orders_customer_created ON orders (account_id, created_at);

-- Fraud rules, per account; they apply to the orders of the account's subtree.
CREATE TABLE fraud_rules (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    score INTEGER NOT NULL,
    enabled BOOLEAN NOT NULL,
    terms TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX fraud_rules_account_path ON fraud_rules (account_path, id);

-- Subscriptions: one per order line, created once (the unique key on the order's line).
CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT NOT NULL,
    seller_id TEXT NOT NULL REFERENCES accounts (id),
    plan_id TEXT NOT NULL REFERENCES plans (id),
    order_id TEXT NOT NULL REFERENCES orders (id),
    order_line INTEGER NOT NULL,
    status TEXT NOT NULL,
    months INTEGER,
    days INTEGER,
    trial_ends_at TIMESTAMP,
    current_period_start TIMESTAMP NOT NULL,
    current_period_end TIMESTAMP NOT NULL,
    resources TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX subscriptions_order_line ON subscriptions (order_id, order_line);
CREATE INDEX subscriptions_account_path ON subscriptions (account_path, id);
