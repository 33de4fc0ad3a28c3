//! Service plans: a template priced per billing period, with resource rates.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalog::service_template::CatalogStatus;

/// A billing period: a number of months (1, 3, 6, 12, 24, 36) or of days, with its fees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPeriod {
    /// Give `months` or `days`, not both.
    #[serde(default)]
    pub months: Option<i32>,
    #[serde(default)]
    pub days: Option<i32>,
    /// Charged once, with the first period.
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub setup_fee: Decimal,
    /// Charged for the whole first period.
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub recurring_fee: Decimal,
    /// Charged for the whole period at each renewal; the recurring fee when absent.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub renewal_fee: Option<Decimal>,
    /// A free trial at the start, in days (0 or absent: none).
    #[serde(default)]
    #[schema(minimum = 0, maximum = 365)]
    pub trial_days: Option<i32>,
    /// Whether the trial also waives the setup fees.
    #[serde(default)]
    pub trial_waives_setup: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PricingModel {
    /// Every unit costs `unit_price`.
    Flat,
    /// The tier the whole quantity falls in prices every unit.
    Volume,
    /// Each tier prices the units within it.
    Graduated,
}

/// One tier; bounds count the units above the included amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceTier {
    /// Inclusive upper bound; absent on the last tier for no bound.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub up_to: Option<Decimal>,
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub unit_price: Decimal,
    /// Added once when the tier prices any unit.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub flat_fee: Option<Decimal>,
}

/// How units are priced: `flat` with `unit_price`, or `volume`/`graduated` with `tiers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitPrice {
    pub model: PricingModel,
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub unit_price: Option<Decimal>,
    #[serde(default)]
    pub tiers: Option<Vec<PriceTier>>,
}

/// What a plan charges for one resource beyond what it includes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRate {
    /// A resource type of the plan's template.
    pub resource_type_id: String,
    /// Units included; the template's amount when absent.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub included: Option<Decimal>,
    /// The most a subscription may have; the template's when absent.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub maximum: Option<Decimal>,
    /// One-time price per additional unit.
    #[serde(default)]
    pub setup_fee: Option<UnitPrice>,
    /// Price per additional unit per month (a 12-month period charges 12 times it).
    #[serde(default)]
    pub recurring_fee: Option<UnitPrice>,
    /// Price per unit of metered use above the included amount.
    #[serde(default)]
    pub overage: Option<UnitPrice>,
}

/// Create a plan: on a service template (the provider), or on a plan granted by the
/// parent account (an advanced reseller, whose prices then are its retail prices and the
/// parent's its wholesale cost).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanIn {
    /// Defaults to the caller's account.
    #[serde(default)]
    pub account_id: Option<String>,
    /// The template priced; give it or `base_plan_id`.
    #[serde(default)]
    pub service_template_id: Option<String>,
    /// A plan granted to the account by its parent, to sell at the account's own prices.
    #[serde(default)]
    pub base_plan_id: Option<String>,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub description: Option<String>,
    /// ISO 4217 (`USD`, `EUR`, `JPY`).
    #[schema(value_type = crate::catalog::currency_code::CurrencyCode)]
    pub currency: String,
    /// Free labels for storefronts (`shared-hosting`, `vps`).
    #[serde(default)]
    #[schema(schema_with = storefront_labels)]
    pub categories: Vec<String>,
    /// 1 to 12 periods, each length once.
    #[schema(min_items = 1, max_items = 12)]
    pub periods: Vec<PlanPeriod>,
    #[serde(default)]
    pub rates: Vec<PlanRate>,
    /// Plans a subscription of this plan may move to (upgrade or downgrade).
    #[serde(default)]
    pub upgrade_to: Vec<String>,
    /// On sale from (default: now) …
    #[serde(default)]
    pub available_from: Option<DateTime<Utc>>,
    /// … until (default: no end).
    #[serde(default)]
    pub available_until: Option<DateTime<Utc>>,
}

/// Change a plan (raises `plan.updated` with the previous values). Absent fields stay.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(schema_with = crate::field_schema::labels)]
    pub categories: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<PlanPeriod>)]
    #[schema(min_items = 1, max_items = 12)]
    pub periods: Option<Vec<PlanPeriod>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<PlanRate>)]
    pub rates: Option<Vec<PlanRate>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<String>)]
    pub upgrade_to: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub available_from: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub available_until: Option<Option<DateTime<Utc>>>,
}

/// A service plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PlanOut {
    pub id: String,
    pub account_id: String,
    pub service_template_id: String,
    pub base_plan_id: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub currency: String,
    pub categories: Vec<String>,
    pub periods: Vec<PlanPeriod>,
    /// Every resource of the template, with the included amount and maximum in force.
    pub rates: Vec<PlanRate>,
    pub upgrade_to: Vec<String>,
    pub available_from: Option<DateTime<Utc>>,
    pub available_until: Option<DateTime<Utc>>,
    pub status: CatalogStatus,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(PlanPage, PlanOut, "A page of plans.");

/// Give a plan to a child reseller to sell.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanGrantIn {
    /// A reseller whose parent is the granting account.
    pub account_id: String,
}

/// A reseller's right to sell a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PlanGrantOut {
    pub plan_id: String,
    pub account_id: String,
    /// The account that gave it.
    pub granted_by: String,
    pub created_at: DateTime<Utc>,
}

crate::page_type!(PlanGrantPage, PlanGrantOut, "A page of plan grants.");

crate::described!(
    storefront_labels = labels,
    "Up to 20 free labels for storefronts (`shared-hosting`, `vps`), each 1 to 64 characters."
);
