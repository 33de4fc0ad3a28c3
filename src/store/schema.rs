//! The diesel schema; mirrors `migrations/` (both backends have the same tables).

diesel::table! {
    accounts (id) {
        id -> Text,
        kind -> Text,
        parent_id -> Nullable<Text>,
        path -> Text,
        name -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        hold_type -> Nullable<Text>,
        reseller_tier -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        tax_id -> Nullable<Text>,
        address -> Nullable<Text>,
        metadata -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    roles (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        name -> Text,
        description -> Nullable<Text>,
        permissions -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        email -> Text,
        name -> Text,
        role_id -> Text,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        role_id -> Text,
        name -> Nullable<Text>,
        prefix -> Text,
        secret_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    events (id) {
        id -> Text,
        event_type -> Text,
        account_id -> Text,
        account_path -> Text,
        object_kind -> Text,
        object_id -> Text,
        sequence -> BigInt,
        data -> Text,
        previous -> Nullable<Text>,
        occurred_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (scope, idempotency_key) {
        scope -> Text,
        idempotency_key -> Text,
        fingerprint -> Text,
        response_status -> Integer,
        response_body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    soap_nonces (nonce) {
        nonce -> Text,
        seen_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(accounts, roles, users, api_keys, events, idempotency_keys, soap_nonces);
