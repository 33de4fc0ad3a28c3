-- Orders. An order keeps its priced lines as one JSON
-- document, so that it never changes price after it is placed; amounts are decimal text.
CREATE TABLE orders (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT NOT NULL,
    seller_id TEXT NOT NULL REFERENCES accounts (id),
    brand_id TEXT REFERENCES brands (id),
    order_type TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT,
    currency TEXT NOT NULL,
    total TEXT NOT NULL,
    wholesale_total TEXT,
    coupon_code TEXT,
    lines TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX orders_account_path ON orders (account_path, id);
CREATE INDEX orders_account ON orders (account_id, id);
