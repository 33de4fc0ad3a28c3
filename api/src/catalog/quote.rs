//! Quotes: the itemised price of a plan, exactly as an invoice will compute it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotePeriodKind {
    /// A new subscription: setup fees, trial.
    First,
    /// The first paid period after a trial.
    AfterTrial,
    /// A renewal: the renewal fee.
    Renewal,
}

/// A resource quantity wanted, included units counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteResource {
    pub resource_type_id: String,
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub quantity: Decimal,
}

/// Price a plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteIn {
    pub plan_id: String,
    /// The period's length: `months` or `days` as the plan defines it.
    #[serde(default)]
    pub months: Option<i32>,
    #[serde(default)]
    pub days: Option<i32>,
    /// Resources beyond the plan's included amounts; others stay at the included amount.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub resources: Vec<QuoteResource>,
    #[serde(default)]
    pub coupon_code: Option<String>,
    /// Defaults to `first`.
    #[serde(default)]
    pub period_kind: Option<QuotePeriodKind>,
    /// For `N`-period coupons on renewals: the periods the coupon already reduced.
    #[serde(default)]
    #[schema(minimum = 0)]
    pub coupon_periods_applied: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteLineKind {
    Setup,
    Recurring,
    ResourceSetup,
    ResourceRecurring,
    Discount,
}

/// One line of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QuoteLineOut {
    pub kind: QuoteLineKind,
    pub description: String,
    pub resource_type_id: Option<String>,
    #[schema(format = "decimal")]
    pub quantity: Decimal,
    /// Unrounded; absent for tiered prices and discounts.
    #[schema(format = "decimal")]
    pub unit_price: Option<Decimal>,
    /// Rounded to the currency's minor units; negative for discounts.
    #[schema(format = "decimal")]
    pub amount: Decimal,
    /// For a discount: the index of the line it reduces.
    pub discounted_line: Option<i32>,
}

/// An itemised price: `total` is exactly the sum of the lines' amounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QuoteOut {
    pub plan_id: String,
    pub currency: String,
    pub months: Option<i32>,
    pub days: Option<i32>,
    pub period_kind: QuotePeriodKind,
    pub lines: Vec<QuoteLineOut>,
    #[schema(format = "decimal")]
    pub subtotal: Decimal,
    #[schema(format = "decimal")]
    pub discount_total: Decimal,
    #[schema(format = "decimal")]
    pub total: Decimal,
    /// Days of trial this quote starts, if any (the recurring lines are then 0).
    pub trial_days: Option<i32>,
    /// The automatic promotion applied, if any.
    pub promotion_id: Option<String>,
    /// The coupon applied, if one was given and it reduced a line.
    pub coupon_id: Option<String>,
    /// For a reseller's own plan, seen by that reseller: what the parent charges it for
    /// the same order (its wholesale cost, before any coupon).
    #[schema(format = "decimal")]
    pub wholesale_total: Option<Decimal>,
}
