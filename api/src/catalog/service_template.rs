//! Service templates: a bundle of resource types with limits, and the parameters an order
//! form must collect.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A resource of a template: how much a subscription includes and may grow to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateResource {
    pub resource_type_id: String,
    /// Units included; at least 0.
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub included: Decimal,
    /// The most a subscription may have, included units counted; none for no limit.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub maximum: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParameterKind {
    String,
    /// A fully qualified domain name (`example.com`).
    DomainName,
    /// One of `values`.
    Enum,
    Integer,
}

/// A value the order form must collect (a domain name, an operating system, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderParameter {
    /// `[a-z][a-z0-9_]*`, unique in the template.
    #[schema(pattern = "^[a-z][a-z0-9_]{0,63}$")]
    pub name: String,
    /// What the form shows.
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub label: String,
    pub kind: ParameterKind,
    #[serde(default)]
    pub required: bool,
    /// For `enum`: the allowed values.
    #[serde(default)]
    pub values: Option<Vec<String>>,
    /// For `integer`: the smallest allowed value.
    #[serde(default)]
    pub min: Option<i64>,
    /// For `integer`: the largest allowed value.
    #[serde(default)]
    pub max: Option<i64>,
    /// For `string`: the longest allowed value (default 255).
    #[serde(default)]
    pub max_length: Option<i32>,
}

/// Create a service template.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceTemplateIn {
    /// Defaults to the caller's account.
    #[serde(default)]
    pub account_id: Option<String>,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub description: Option<String>,
    /// 1 to 50 resource types, each once.
    #[schema(min_items = 1, max_items = 50)]
    pub resources: Vec<TemplateResource>,
    /// Up to 20 parameters.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub parameters: Vec<OrderParameter>,
}

/// Change a template (raises `service_template.updated`). Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceTemplatePatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<TemplateResource>)]
    #[schema(min_items = 1, max_items = 50)]
    pub resources: Option<Vec<TemplateResource>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<OrderParameter>)]
    #[schema(max_items = 20)]
    pub parameters: Option<Vec<OrderParameter>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CatalogStatus {
    Active,
    /// Withdrawn: kept for what uses it, offered no more.
    Archived,
}

/// A service template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ServiceTemplateOut {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub description: Option<String>,
    pub resources: Vec<TemplateResource>,
    pub parameters: Vec<OrderParameter>,
    pub status: CatalogStatus,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(ServiceTemplatePage, ServiceTemplateOut, "A page of service templates.");
