//! Accounts: the provider, its resellers (to any depth) and their customers.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Where an account sits in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Provider,
    Reseller,
    Customer,
}

/// What a reseller may do: an affiliate refers customers, a basic reseller sells its
/// parent's plans at its parent's prices, an advanced reseller builds its own plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResellerTier {
    Affiliate,
    Basic,
    Advanced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    Active,
    CreditHold,
    Suspended,
    Cancelled,
}

/// Why an account is on hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HoldType {
    Credit,
    Administrative,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub line1: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub line2: Option<String>,
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub region: Option<String>,
    #[schema(min_length = 1, max_length = 20, pattern = r"\S")]
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code (`DE`, `US`).
    #[schema(pattern = "^[A-Z]{2}$")]
    pub country: String,
}

/// Create a reseller or customer account.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountIn {
    /// `reseller` or `customer`; the provider account exists from the start.
    pub kind: AccountKind,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// The parent account; defaults to the caller's account. Must be the provider or a
    /// reseller within the caller's subtree.
    #[serde(default)]
    pub parent_id: Option<String>,
    /// For resellers only; defaults to `basic`.
    #[serde(default)]
    pub reseller_tier: Option<ResellerTier>,
    #[serde(default)]
    #[schema(schema_with = crate::field_schema::optional_email)]
    pub email: Option<String>,
    #[serde(default)]
    #[schema(schema_with = crate::field_schema::optional_phone)]
    pub phone: Option<String>,
    /// VAT or other tax registration number.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 40, pattern = r"\S")]
    pub tax_id: Option<String>,
    #[serde(default)]
    pub address: Option<Address>,
    /// The language of the account's notifications (`en`, `de`, `pt-BR`); when absent, the
    /// nearest ancestor's, else the server's `default_language`.
    #[serde(default)]
    #[schema(max_length = 35, pattern = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    pub language: Option<String>,
    /// Up to 50 string pairs for the integrator's own use (e.g. a CRM id).
    #[serde(default)]
    #[schema(schema_with = crate::field_schema::metadata)]
    pub metadata: BTreeMap<String, String>,
}

/// Change an account. Absent fields stay as they are; `null` clears an optional field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountPatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = ResellerTier)]
    pub reseller_tier: Option<ResellerTier>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(schema_with = crate::field_schema::optional_email)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(schema_with = crate::field_schema::optional_phone)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(min_length = 1, max_length = 40, pattern = r"\S")]
    pub tax_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<Address>)]
    pub address: Option<Option<Address>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(max_length = 35, pattern = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    pub language: Option<Option<String>>,
    /// Replaces the whole metadata map.
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(schema_with = replaced_metadata)]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// An account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AccountOut {
    pub id: String,
    pub kind: AccountKind,
    /// `null` for the provider.
    pub parent_id: Option<String>,
    pub name: String,
    pub status: AccountStatus,
    /// The reason given with the last status change.
    pub status_reason: Option<String>,
    /// Set while the status is `credit_hold`.
    pub hold_type: Option<HoldType>,
    pub reseller_tier: Option<ResellerTier>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub tax_id: Option<String>,
    pub address: Option<Address>,
    /// The account's own language setting (see `AccountIn.language` for inheritance).
    pub language: Option<String>,
    pub metadata: BTreeMap<String, String>,
    /// Increases by one with every change; send it back in `If-Match`.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(AccountPage, AccountOut, "A page of accounts.");

/// Place a hold on an account.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountHoldIn {
    pub hold_type: HoldType,
}

/// Suspend, reactivate, release or cancel an account.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountActionIn {
    /// Why, for the event and the audit trail.
    #[serde(default)]
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// Filters of `AccountList`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountListQuery {
    pub kind: Option<AccountKind>,
    pub status: Option<AccountStatus>,
    /// Only the direct children of this account.
    pub parent_id: Option<String>,
}

crate::described!(
    replaced_metadata = metadata,
    "Replaces the whole metadata map: up to 50 string pairs, keys of 1 to 40 characters, values of at most 500."
);
