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
        language -> Nullable<Text>,
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
        expires_at -> Nullable<Timestamp>,
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
        dispatched_at -> Nullable<Timestamp>,
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

diesel::table! {
    tasks (id) {
        id -> Text,
        kind -> Text,
        account_id -> Text,
        account_path -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        run_at -> Timestamp,
        lease_owner -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        result -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        url -> Text,
        description -> Nullable<Text>,
        event_types -> Text,
        enabled -> Integer,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        failing_since -> Nullable<Timestamp>,
        disabled_reason -> Nullable<Text>,
        deleted_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    deliveries (id) {
        id -> Text,
        endpoint_id -> Text,
        event_id -> Text,
        account_path -> Text,
        task_id -> Text,
        status -> Text,
        attempts -> Integer,
        last_status_code -> Nullable<Integer>,
        last_attempt_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    delivery_attempts (id) {
        id -> Text,
        delivery_id -> Text,
        attempted_at -> Timestamp,
        status_code -> Nullable<Integer>,
        latency_ms -> BigInt,
        response -> Nullable<Text>,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    notification_templates (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        event_type -> Text,
        language -> Text,
        subject -> Text,
        body -> Text,
        html_body -> Nullable<Text>,
        sender -> Nullable<Text>,
        recipients -> Nullable<Text>,
        schedule -> Nullable<Text>,
        enabled -> Integer,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        template_id -> Text,
        event_id -> Text,
        event_type -> Text,
        object_id -> Text,
        recipients -> Text,
        language -> Text,
        subject -> Nullable<Text>,
        body -> Nullable<Text>,
        html_body -> Nullable<Text>,
        status -> Text,
        send_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        attempts -> Integer,
        error -> Nullable<Text>,
        task_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    script_actions (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        url -> Text,
        description -> Nullable<Text>,
        event_types -> Text,
        enabled -> Integer,
        max_attempts -> Integer,
        timeout_seconds -> Integer,
        secret -> Text,
        deleted_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    resource_types (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        name -> Text,
        description -> Nullable<Text>,
        unit -> Text,
        metered -> Integer,
        gateway -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    service_templates (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        name -> Text,
        description -> Nullable<Text>,
        resources -> Text,
        parameters -> Text,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plans (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        service_template_id -> Text,
        base_plan_id -> Nullable<Text>,
        name -> Text,
        description -> Nullable<Text>,
        currency -> Text,
        spec -> Text,
        available_from -> Nullable<Timestamp>,
        available_until -> Nullable<Timestamp>,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plan_grants (plan_id, account_id) {
        plan_id -> Text,
        account_id -> Text,
        account_path -> Text,
        granted_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    brands (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        name -> Text,
        host_name -> Text,
        default_language -> Text,
        languages -> Text,
        currency -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plan_publications (brand_id, plan_id) {
        brand_id -> Text,
        plan_id -> Text,
        account_path -> Text,
        display_name -> Text,
        description -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    coupons (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        code -> Nullable<Text>,
        name -> Text,
        spec -> Text,
        valid_from -> Nullable<Timestamp>,
        valid_until -> Nullable<Timestamp>,
        max_redemptions -> Nullable<Integer>,
        times_redeemed -> Integer,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    orders (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        seller_id -> Text,
        brand_id -> Nullable<Text>,
        order_type -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        currency -> Text,
        total -> Text,
        wholesale_total -> Nullable<Text>,
        coupon_code -> Nullable<Text>,
        lines -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        ip_country -> Nullable<Text>,
        workflow -> Text,
        current_step -> Nullable<Text>,
        steps -> Text,
        fraud_score -> Nullable<BigInt>,
        fraud_reasons -> Text,
        workflow_id -> Nullable<Text>,
    }
}

diesel::table! {
    workflows (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        order_type -> Text,
        name -> Text,
        status -> Text,
        definition -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    fraud_rules (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        name -> Text,
        kind -> Text,
        score -> Integer,
        enabled -> Bool,
        terms -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    subscriptions (id) {
        id -> Text,
        account_id -> Text,
        account_path -> Text,
        seller_id -> Text,
        plan_id -> Text,
        order_id -> Text,
        order_line -> Integer,
        status -> Text,
        months -> Nullable<Integer>,
        days -> Nullable<Integer>,
        trial_ends_at -> Nullable<Timestamp>,
        current_period_start -> Timestamp,
        current_period_end -> Timestamp,
        resources -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    accounts,
    roles,
    users,
    api_keys,
    events,
    idempotency_keys,
    soap_nonces,
    tasks,
    webhook_endpoints,
    deliveries,
    delivery_attempts,
    notification_templates,
    notifications,
    script_actions,
    resource_types,
    service_templates,
    plans,
    plan_grants,
    brands,
    plan_publications,
    coupons,
    orders,
    fraud_rules,
    subscriptions,
    workflows
);
