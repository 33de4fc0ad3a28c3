//! Resource types: what a service consists of (disk space, mailboxes, IP addresses, …).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Define a resource type.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceTypeIn {
    /// Defaults to the caller's account; the type is usable in its subtree.
    #[serde(default)]
    pub account_id: Option<String>,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub description: Option<String>,
    /// The unit quantities are counted in: `item`, `GB`, `GB-month`, `hour`, `mailbox`, …
    #[schema(min_length = 1, max_length = 20, pattern = r"\S")]
    pub unit: String,
    /// Whether use is measured (usage records, overage) rather than a fixed limit.
    #[serde(default)]
    pub metered: bool,
    /// The provisioning gateway that delivers it (`plesk`, `kvm`, `simulated`).
    #[schema(min_length = 1, max_length = 64, pattern = r"^[A-Za-z0-9._-]{1,64}$")]
    pub gateway: String,
}

/// Change a resource type. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceTypePatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 64, pattern = r"^[A-Za-z0-9._-]{1,64}$")]
    pub gateway: Option<String>,
}

/// A resource type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ResourceTypeOut {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub description: Option<String>,
    pub unit: String,
    pub metered: bool,
    pub gateway: String,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(ResourceTypePage, ResourceTypeOut, "A page of resource types.");
