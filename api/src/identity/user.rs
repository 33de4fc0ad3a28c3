//! Users: the staff of an account (a reseller's support team, a customer's admins).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    Active,
    Disabled,
}

/// Create a user of an account.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserIn {
    /// Defaults to the caller's account.
    #[serde(default)]
    pub account_id: Option<String>,
    /// Unique within the account.
    #[schema(schema_with = user_email)]
    pub email: String,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// A role id: a built-in role (`admin`, `billing`, `technical`, `read_only`) or a
    /// custom role's id.
    #[schema(min_length = 1, max_length = 64, pattern = r"\S")]
    pub role: String,
}

/// Change a user. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 64, pattern = r"\S")]
    pub role: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = UserStatus)]
    pub status: Option<UserStatus>,
}

/// A user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UserOut {
    pub id: String,
    pub account_id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub status: UserStatus,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(UserPage, UserOut, "A page of users.");

crate::described!(user_email = email, "Unique within the account.");
