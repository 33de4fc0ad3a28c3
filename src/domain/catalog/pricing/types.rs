use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::discount::{Coupon, Promotion};

/// Length of one billing period of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodLength {
    /// A whole number of months: one of [`PeriodLength::ALLOWED_MONTHS`].
    Months(u32),
    /// A number of days (at least one); per-month resource prices are scaled by `days / 30`.
    Days(u32),
}

impl PeriodLength {
    /// The month counts the product sells.
    pub const ALLOWED_MONTHS: [u32; 6] = [1, 3, 6, 12, 24, 36];
}

/// One billing period of a service plan, with its fees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BillingPeriod {
    /// How long the period lasts.
    pub length: PeriodLength,
    /// Charged once, on the first period only.
    pub setup_fee: Decimal,
    /// Charged for the whole first period (not per month).
    pub recurring_fee: Decimal,
    /// Charged for the whole period at each renewal; `None` means the recurring fee.
    #[serde(default)]
    pub renewal_fee: Option<Decimal>,
    /// Free trial at the start of the first period; 0 means no trial.
    #[serde(default)]
    pub trial_days: u32,
    /// Whether a trial also waives the setup fees (plan and resources).
    #[serde(default)]
    pub trial_waives_setup: bool,
}

/// One tier of a tiered price. Bounds count units above the included amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    /// Inclusive upper bound of this tier; `None` means no bound and is allowed on the last tier only.
    pub up_to: Option<Decimal>,
    /// Price of each unit priced by this tier.
    pub unit_price: Decimal,
    /// Added once when this tier prices at least some units.
    #[serde(default)]
    pub flat_fee: Decimal,
}

/// How units above the included amount are priced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum UnitPricing {
    /// Every unit costs the same.
    Flat { unit_price: Decimal },
    /// The tier the whole quantity falls in prices all units (plus that tier's flat fee).
    Volume { tiers: Vec<Tier> },
    /// Each tier prices the units that fall within it (plus the flat fee of each tier reached).
    Graduated { tiers: Vec<Tier> },
}

impl UnitPricing {
    /// A flat price per unit.
    pub fn flat(unit_price: Decimal) -> Self {
        Self::Flat { unit_price }
    }
}

impl Default for UnitPricing {
    fn default() -> Self {
        Self::flat(Decimal::ZERO)
    }
}

/// What a plan charges for one resource (RAM, disk, IPv4 addresses, bandwidth, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceRate {
    /// Stable id, the key of [`QuoteInput::quantities`].
    pub resource: String,
    /// Label used in line descriptions, e.g. "RAM (GB)".
    pub name: String,
    /// Units the recurring fee already pays for.
    #[serde(default)]
    pub included: Decimal,
    /// Most units a customer may order, included ones counted; `None` means no limit.
    #[serde(default)]
    pub maximum: Option<Decimal>,
    /// One-time price per additional unit, first period only.
    #[serde(default)]
    pub setup_fee: UnitPricing,
    /// Price per additional unit per month; multiplied by the period's months (or days / 30).
    #[serde(default)]
    pub recurring_fee: UnitPricing,
    /// Price per unit of metered use above the included amount; see [`super::overage`].
    #[serde(default)]
    pub overage: UnitPricing,
}

/// Whether the quote is for the first period of a service or for a renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Setup fees and the trial apply.
    First,
    /// The first paid period, once a trial has ended: the recurring fee, no setup fees (they were charged or
    /// waived when the trial started).
    AfterTrial,
    /// The renewal fee applies; no setup fee, no trial.
    Renewal,
}

/// Everything [`super::quote`] needs; checking coupon and promotion validity is the caller's job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteInput {
    /// ISO 4217 code, three upper-case letters.
    pub currency: String,
    /// Used in line descriptions.
    pub plan_name: String,
    /// The chosen billing period.
    pub period: BillingPeriod,
    /// First period or renewal.
    pub period_kind: PeriodKind,
    /// The plan's resource rates; resource lines follow this order.
    #[serde(default)]
    pub rates: Vec<ResourceRate>,
    /// Resource id to total quantity wanted, included part counted; a resource left out gets its included amount.
    #[serde(default)]
    pub quantities: BTreeMap<String, Decimal>,
    /// At most one coupon, already checked with [`super::coupon_applicability`].
    #[serde(default)]
    pub coupon: Option<Coupon>,
    /// Periods in which the coupon already gave a discount (see [`Quote::coupon_applied`]).
    #[serde(default)]
    pub coupon_periods_applied: u32,
    /// Automatic promotions valid now; the best one for the customer is used.
    #[serde(default)]
    pub promotions: Vec<Promotion>,
}

/// What a quote line charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// The plan's setup fee.
    Setup,
    /// The plan's recurring or renewal fee.
    Recurring,
    /// Setup fee of additional resource units.
    ResourceSetup,
    /// Recurring fee of additional resource units for the period.
    ResourceRecurring,
    /// A (negative) reduction of another line by a coupon or promotion.
    Discount,
}

/// One itemised line of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteLine {
    /// What the line charges for.
    pub kind: LineKind,
    /// Human-readable, English.
    pub description: String,
    /// The resource of resource lines, and of the line a discount line reduces.
    pub resource: Option<String>,
    /// 1 for plan fees and discounts; additional units for resource lines.
    pub quantity: Decimal,
    /// Unrounded price per unit for the whole period, when the amount is `quantity × unit_price` rounded;
    /// `None` for graduated tiers, tier flat fees and discounts.
    pub unit_price: Option<Decimal>,
    /// Rounded to the currency's minor units; negative on discount lines only.
    pub amount: Decimal,
    /// For discount lines: index in [`Quote::lines`] of the line reduced.
    pub discounted_line: Option<usize>,
}

/// An itemised price; `total` is exactly the sum of the line amounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// ISO 4217 code of every amount.
    pub currency: String,
    /// Charge lines first, then discount lines.
    pub lines: Vec<QuoteLine>,
    /// Sum of the charge lines.
    pub subtotal: Decimal,
    /// Sum of the discount lines as a positive amount.
    pub discount_total: Decimal,
    /// `subtotal - discount_total`, never negative.
    pub total: Decimal,
    /// Days until the trial ends, when this quote starts a trial; quote [`PeriodKind::AfterTrial`] then.
    pub trial_ends_in_days: Option<u32>,
    /// Id of the promotion used, if any.
    pub applied_promotion: Option<String>,
    /// Whether the coupon reduced some line; count this period towards a coupon's periods only then.
    pub coupon_applied: bool,
}
