-- The catalog. Nested configuration (periods, rates, tiers, order parameters) is stored
-- as JSON documents next to the columns that queries filter on.
CREATE TABLE resource_types (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    unit TEXT NOT NULL,
    metered INTEGER NOT NULL,
    gateway TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX resource_types_account_path ON resource_types (account_path, id);

CREATE TABLE service_templates (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    resources TEXT NOT NULL,
    parameters TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX service_templates_account_path ON service_templates (account_path, id);

CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    service_template_id TEXT NOT NULL REFERENCES service_templates (id),
    base_plan_id TEXT REFERENCES plans (id),
    name TEXT NOT NULL,
    description TEXT,
    currency TEXT NOT NULL,
    spec TEXT NOT NULL,
    available_from TIMESTAMP,
    available_until TIMESTAMP,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX plans_account_path ON plans (account_path, id);
CREATE INDEX plans_base ON plans (base_plan_id);

-- A reseller's right to sell a plan of its parent.
CREATE TABLE plan_grants (
    plan_id TEXT NOT NULL REFERENCES plans (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    granted_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (plan_id, account_id)
);
CREATE INDEX plan_grants_account ON plan_grants (account_id, plan_id);

CREATE TABLE brands (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    name TEXT NOT NULL,
    host_name TEXT NOT NULL,
    default_language TEXT NOT NULL,
    languages TEXT NOT NULL,
    currency TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX brands_host_name ON brands (host_name);
CREATE INDEX brands_account_path ON brands (account_path, id);

CREATE TABLE plan_publications (
    brand_id TEXT NOT NULL REFERENCES brands (id),
    plan_id TEXT NOT NULL REFERENCES plans (id),
    account_path TEXT COLLATE "C" NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (brand_id, plan_id)
);
CREATE INDEX plan_publications_plan ON plan_publications (plan_id);

-- Coupons have a code; promotions (automatic) have none.
CREATE TABLE coupons (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    account_path TEXT COLLATE "C" NOT NULL,
    code TEXT,
    name TEXT NOT NULL,
    spec TEXT NOT NULL,
    valid_from TIMESTAMP,
    valid_until TIMESTAMP,
    max_redemptions INTEGER,
    times_redeemed INTEGER NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX coupons_code ON coupons (account_id, code);
CREATE INDEX coupons_account_path ON coupons (account_path, id);
