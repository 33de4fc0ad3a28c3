//! Script actions: call an external script over HTTP when events happen.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Call a URL with every matching event of an account's subtree, signed like a webhook.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScriptActionIn {
    /// Defaults to the caller's account; the action runs for the events of its subtree.
    #[serde(default)]
    pub account_id: Option<String>,
    /// `https://…` (or `http://`); loopback and private addresses only where the operator
    /// allows them.
    #[schema(schema_with = call_url)]
    pub url: String,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub description: Option<String>,
    /// Event types: exact names, `prefix.*`, `*.suffix` or `*`. None: the action is called
    /// only by the `external_screening` fraud rules that name it.
    #[schema(value_type = Vec<crate::messaging::event_type_name::EventTypeFilter>, max_items = 200)]
    pub event_types: Vec<String>,
    /// Defaults to true.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Attempts before a call is given up (1–10, default 5), on the webhook retry schedule.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 10)]
    pub max_attempts: Option<i32>,
    /// How long one call may take (1–30 s, default 10).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 30)]
    pub timeout_seconds: Option<i32>,
}

/// Change a script action. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScriptActionPatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(schema_with = crate::field_schema::http_url)]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<crate::messaging::event_type_name::EventTypeFilter>)]
    #[schema(max_items = 200)]
    pub event_types: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = bool)]
    pub enabled: Option<bool>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = i32)]
    #[schema(minimum = 1, maximum = 10)]
    pub max_attempts: Option<i32>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = i32)]
    #[schema(minimum = 1, maximum = 30)]
    pub timeout_seconds: Option<i32>,
}

/// A script action. Each call is a task of kind `script.call`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ScriptActionOut {
    pub id: String,
    pub account_id: String,
    pub url: String,
    pub description: Option<String>,
    pub event_types: Vec<String>,
    pub enabled: bool,
    pub max_attempts: i32,
    pub timeout_seconds: i32,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(ScriptActionPage, ScriptActionOut, "A page of script actions.");

/// A new script action with its signing secret: store the secret now, it is shown only
/// once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ScriptActionCreatedOut {
    pub script_action: ScriptActionOut,
    /// `whsec_…`: calls are signed with it per Standard Webhooks.
    pub secret: String,
}

crate::described!(
    call_url = http_url,
    "`https://…` (or `http://`); loopback and private addresses only where the operator allows them."
);
