//! Roles: named sets of permissions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use super::permission_name::PermissionName;

/// Create a custom role, usable in the subtree of the account that defines it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleIn {
    /// Defaults to the caller's account.
    #[serde(default)]
    pub account_id: Option<String>,
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub description: Option<String>,
    /// Permission names, as listed by `PermissionList`.
    #[schema(value_type = Vec<PermissionName>, min_items = 1)]
    pub permissions: Vec<String>,
}

/// Change a custom role. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RolePatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<PermissionName>)]
    #[schema(min_items = 1)]
    pub permissions: Option<Vec<String>>,
}

/// A role. Built-in roles have their name as id and no account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RoleOut {
    pub id: String,
    pub account_id: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub permissions: Vec<String>,
    pub built_in: bool,
    pub version: i64,
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

crate::page_type!(RolePage, RoleOut, "A page of roles.");

/// A permission that roles are made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PermissionOut {
    /// `<object>.<read|write>`.
    pub name: String,
    pub description: String,
}

crate::page_type!(PermissionPage, PermissionOut, "All permissions.");
