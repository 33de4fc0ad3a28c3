//! The JSON documents the catalog tables keep (a plan's periods and rates, a template's
//! resources and parameters, a coupon's terms), in types of the store's own. The field
//! names here are the stored ones: renaming a field of the API never touches stored
//! data; changing one here needs a data migration.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// `plans.spec`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanSpecDoc {
    pub categories: Vec<String>,
    pub periods: Vec<PeriodDoc>,
    pub rates: Vec<RateDoc>,
    pub upgrade_to: Vec<String>,
}

/// A billing period of a plan. Amounts are decimal strings, as everywhere in storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodDoc {
    #[serde(default)]
    pub months: Option<i32>,
    #[serde(default)]
    pub days: Option<i32>,
    pub setup_fee: Decimal,
    pub recurring_fee: Decimal,
    #[serde(default)]
    pub renewal_fee: Option<Decimal>,
    #[serde(default)]
    pub trial_days: Option<i32>,
    #[serde(default)]
    pub trial_waives_setup: Option<bool>,
}

/// A plan's rate for one resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateDoc {
    pub resource_type_id: String,
    #[serde(default)]
    pub included: Option<Decimal>,
    #[serde(default)]
    pub maximum: Option<Decimal>,
    #[serde(default)]
    pub setup_fee: Option<UnitPriceDoc>,
    #[serde(default)]
    pub recurring_fee: Option<UnitPriceDoc>,
    #[serde(default)]
    pub overage: Option<UnitPriceDoc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PricingModelDoc {
    Flat,
    Volume,
    Graduated,
}

/// How a resource's units are priced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitPriceDoc {
    pub model: PricingModelDoc,
    #[serde(default)]
    pub unit_price: Option<Decimal>,
    #[serde(default)]
    pub tiers: Option<Vec<TierDoc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierDoc {
    #[serde(default)]
    pub up_to: Option<Decimal>,
    pub unit_price: Decimal,
    #[serde(default)]
    pub flat_fee: Option<Decimal>,
}

/// An element of `service_templates.resources`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateResourceDoc {
    pub resource_type_id: String,
    pub included: Decimal,
    #[serde(default)]
    pub maximum: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParameterKindDoc {
    String,
    DomainName,
    Enum,
    Integer,
}

/// An element of `service_templates.parameters`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderParameterDoc {
    pub name: String,
    pub label: String,
    pub kind: ParameterKindDoc,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub values: Option<Vec<String>>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub max_length: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppliesToDoc {
    Setup,
    Recurring,
    SetupAndRecurring,
}

/// `coupons.spec`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouponSpecDoc {
    pub percent: Option<Decimal>,
    pub amount: Option<Decimal>,
    pub currency: Option<String>,
    pub applies_to: AppliesToDoc,
    pub duration_periods: Option<i32>,
    pub plan_ids: Vec<String>,
}
