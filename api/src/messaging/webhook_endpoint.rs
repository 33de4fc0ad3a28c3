//! Webhook endpoints: registering, changing and testing them, and their signing secrets.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Register a URL that receives the events of an account's subtree.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookEndpointIn {
    /// Defaults to the caller's account; the endpoint receives the events of its subtree.
    #[serde(default)]
    pub account_id: Option<String>,
    /// `https://…` (or `http://`); loopback and private addresses only where the operator
    /// allows them.
    #[schema(schema_with = call_url)]
    pub url: String,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub description: Option<String>,
    /// Event types to receive: exact names (`account.created`), `prefix.*`, `*.suffix`,
    /// or `*` for all.
    #[schema(value_type = Vec<crate::messaging::event_type_name::EventTypeFilter>, min_items = 1, max_items = 200)]
    pub event_types: Vec<String>,
    /// Defaults to true.
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// Change an endpoint. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookEndpointPatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(schema_with = crate::field_schema::http_url)]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<crate::messaging::event_type_name::EventTypeFilter>)]
    #[schema(min_items = 1, max_items = 200)]
    pub event_types: Option<Vec<String>>,
    /// Enabling a disabled endpoint clears its failure record.
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = bool)]
    pub enabled: Option<bool>,
}

/// A webhook endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WebhookEndpointOut {
    pub id: String,
    pub account_id: String,
    pub url: String,
    pub description: Option<String>,
    pub event_types: Vec<String>,
    pub enabled: bool,
    /// Why the endpoint was disabled, when it was disabled automatically.
    pub disabled_reason: Option<String>,
    /// Since when deliveries fail without a success in between.
    pub failing_since: Option<DateTime<Utc>>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(WebhookEndpointPage, WebhookEndpointOut, "A page of webhook endpoints.");

/// A new endpoint with its signing secret: store the secret now, it is shown only once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WebhookEndpointCreatedOut {
    pub endpoint: WebhookEndpointOut,
    /// `whsec_…`, the Standard Webhooks signing secret.
    pub secret: String,
}

/// Replace the signing secret; the old one keeps signing alongside for `overlap_seconds`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookSecretRotateIn {
    /// 0 to 604800 (7 days); default 86400.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 604800)]
    pub overlap_seconds: Option<i64>,
}

/// The new signing secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WebhookSecretOut {
    pub secret: String,
    /// Until then deliveries carry a signature with the old secret as well.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
}

/// Send a signed test message to an endpoint now.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookTestIn {
    /// The event type the example is of; default `account.updated`. It must be one the
    /// endpoint takes.
    #[serde(default)]
    #[schema(value_type = Option<crate::messaging::event_type_name::EventTypeName>)]
    pub event_type: Option<String>,
}

/// What the endpoint answered to the test message. Nothing is recorded: the message is
/// no event of the log (its id starts with `evt_test_`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WebhookTestOut {
    /// The `webhook-id` the message carried.
    pub message_id: String,
    pub status_code: Option<i32>,
    pub latency_ms: i64,
    pub response: Option<String>,
    pub error: Option<String>,
    /// Whether the endpoint answered 2xx.
    pub succeeded: bool,
}

crate::described!(
    call_url = http_url,
    "`https://…` (or `http://`); loopback and private addresses only where the operator allows them."
);
