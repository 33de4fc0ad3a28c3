//! API keys: the credentials that integrations exchange for access tokens.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Issue an API key for an account and a role.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyIn {
    /// Defaults to the caller's account.
    #[serde(default)]
    pub account_id: Option<String>,
    /// A role id; the caller must hold every permission of that role.
    #[schema(min_length = 1, max_length = 64, pattern = r"\S")]
    pub role: String,
    /// A label to tell keys apart (`crm-sync`).
    #[serde(default)]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: Option<String>,
    /// When the key stops working; it never expires when absent. Must lie in the future.
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
}

/// An API key. The secret itself is never shown again after creation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApiKeyOut {
    pub id: String,
    pub account_id: String,
    pub role: String,
    pub name: Option<String>,
    /// The first characters of the key, to recognise it.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// A newly issued API key, with its secret: store it now, it is shown only once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApiKeyCreatedOut {
    pub id: String,
    pub account_id: String,
    pub role: String,
    pub name: Option<String>,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    /// The secret key (`stk_…`).
    pub key: String,
}

crate::page_type!(ApiKeyPage, ApiKeyOut, "A page of API keys.");
