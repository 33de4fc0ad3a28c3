//! Brands: the storefronts a provider or reseller sells under, and the plans published
//! to each.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Create a brand (a storefront).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandIn {
    /// Defaults to the caller's account.
    #[serde(default)]
    pub account_id: Option<String>,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// Where the store answers (`shop.example.com`); unique.
    #[schema(
        max_length = 253,
        pattern = r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"
    )]
    pub host_name: String,
    #[schema(max_length = 35, pattern = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    pub default_language: String,
    /// Languages offered; the default one is added when missing.
    #[serde(default)]
    #[schema(schema_with = languages_offered)]
    pub languages: Vec<String>,
    /// ISO 4217; plans published to the brand must be priced in it.
    #[schema(value_type = crate::catalog::currency_code::CurrencyCode)]
    pub currency: String,
}

/// Change a brand. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandPatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(
        max_length = 253,
        pattern = r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"
    )]
    pub host_name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(max_length = 35, pattern = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    pub default_language: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(schema_with = crate::field_schema::languages)]
    pub languages: Option<Vec<String>>,
}

/// A brand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BrandOut {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub host_name: String,
    pub default_language: String,
    pub languages: Vec<String>,
    pub currency: String,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(BrandPage, BrandOut, "A page of brands.");

/// Publish a plan to a brand (raises `plan.published`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicationIn {
    pub plan_id: String,
    /// The name the store shows; the plan's name when absent.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub display_name: Option<String>,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub description: Option<String>,
}

/// A plan as a brand sells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PublicationOut {
    pub brand_id: String,
    pub plan_id: String,
    pub display_name: String,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
}

crate::page_type!(PublicationPage, PublicationOut, "A page of a brand's published plans.");

crate::described!(languages_offered = languages, "Up to 50 languages offered; the default one is added when missing.");
