//! The JSON document the `orders` table keeps (`orders.lines`: each line as ordered, with
//! the price it was placed at), in types of the store's own: renaming a field of the API
//! never touches stored orders; changing one here needs a data migration.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A line of `orders.lines`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLineDoc {
    pub plan_id: String,
    #[serde(default)]
    pub months: Option<i32>,
    #[serde(default)]
    pub days: Option<i32>,
    pub resources: Vec<ResourceDoc>,
    pub parameters: BTreeMap<String, String>,
    pub price: PriceDoc,
}

/// A resource quantity ordered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceDoc {
    pub resource_type_id: String,
    pub quantity: Decimal,
}

/// The itemised price a line was placed at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceDoc {
    pub plan_id: String,
    pub currency: String,
    #[serde(default)]
    pub months: Option<i32>,
    #[serde(default)]
    pub days: Option<i32>,
    pub period_kind: PeriodKindDoc,
    pub lines: Vec<PriceLineDoc>,
    pub subtotal: Decimal,
    pub discount_total: Decimal,
    pub total: Decimal,
    #[serde(default)]
    pub trial_days: Option<i32>,
    #[serde(default)]
    pub promotion_id: Option<String>,
    #[serde(default)]
    pub coupon_id: Option<String>,
    #[serde(default)]
    pub wholesale_total: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKindDoc {
    First,
    AfterTrial,
    Renewal,
}

/// One item of a price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceLineDoc {
    pub kind: PriceLineKindDoc,
    pub description: String,
    #[serde(default)]
    pub resource_type_id: Option<String>,
    pub quantity: Decimal,
    #[serde(default)]
    pub unit_price: Option<Decimal>,
    pub amount: Decimal,
    #[serde(default)]
    pub discounted_line: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceLineKindDoc {
    Setup,
    Recurring,
    ResourceSetup,
    ResourceRecurring,
    Discount,
}
