use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::PricingError;
use super::validate::non_negative;

/// Seconds since the Unix epoch, UTC.
pub type UnixSeconds = i64;

/// How much a discount takes off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DiscountValue {
    /// Percentage of each targeted line, 0 to 100 (20 means 20 %).
    Percent { percent: Decimal },
    /// An amount spread over the targeted lines in quote order; whatever the lines cannot absorb is lost.
    Fixed { amount: Decimal, currency: String },
}

/// Which fees a discount reduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscountTarget {
    /// The plan's and the resources' setup fees.
    Setup,
    /// The plan's and the resources' recurring (or renewal) fees.
    Recurring,
    /// Both.
    SetupAndRecurring,
}

/// For how many billing periods a discount applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscountDuration {
    /// The first N periods in which it reduced something (at least 1).
    Periods(u32),
    /// Every period.
    Forever,
}

/// The terms shared by coupons and promotions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Discount {
    /// Percentage or fixed amount.
    pub value: DiscountValue,
    /// Fees it reduces.
    pub applies_to: DiscountTarget,
    /// Periods it lasts.
    pub duration: DiscountDuration,
}

/// An automatic promotion; the caller passes only those valid now for this plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    /// Stable id, reported in [`super::Quote::applied_promotion`].
    pub id: String,
    /// Used in discount line descriptions.
    pub name: String,
    /// Its terms.
    pub discount: Discount,
    /// Periods of this service in which it already gave a discount.
    #[serde(default)]
    pub periods_applied: u32,
}

/// A coupon a customer typed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coupon {
    /// The code, used in discount line descriptions.
    pub code: String,
    /// Its terms.
    pub discount: Discount,
    /// Valid from this instant, inclusive.
    #[serde(default)]
    pub valid_from: Option<UnixSeconds>,
    /// Valid until this instant, exclusive.
    #[serde(default)]
    pub valid_until: Option<UnixSeconds>,
    /// How many times it may be redeemed in all.
    #[serde(default)]
    pub max_redemptions: Option<u32>,
    /// Plans it is for; empty means every plan.
    #[serde(default)]
    pub plan_ids: Vec<String>,
}

/// Why a coupon cannot be used; checks run in the order of the variants and the first failure is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouponRefusal {
    /// `now` is before `valid_from`.
    NotYetValid,
    /// `now` is at or after `valid_until`.
    Expired,
    /// It was redeemed `max_redemptions` times already.
    UsageLimitReached,
    /// The plan is not among its `plan_ids`.
    NotForPlan,
    /// A fixed-amount coupon in another currency than the order's.
    CurrencyMismatch,
}

impl fmt::Display for CouponRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotYetValid => "the coupon is not valid yet",
            Self::Expired => "the coupon has expired",
            Self::UsageLimitReached => "the coupon has reached its usage limit",
            Self::NotForPlan => "the coupon is not valid for this plan",
            Self::CurrencyMismatch => "the coupon is for another currency",
        })
    }
}

impl std::error::Error for CouponRefusal {}

/// Whether `coupon` may be used now on `plan_id` in `currency`, given how often it was redeemed.
pub fn coupon_applicability(
    coupon: &Coupon,
    plan_id: &str,
    currency: &str,
    now: UnixSeconds,
    times_redeemed: u32,
) -> Result<(), CouponRefusal> {
    if coupon.valid_from.is_some_and(|from| now < from) {
        return Err(CouponRefusal::NotYetValid);
    }
    if coupon.valid_until.is_some_and(|until| now >= until) {
        return Err(CouponRefusal::Expired);
    }
    if coupon.max_redemptions.is_some_and(|max| times_redeemed >= max) {
        return Err(CouponRefusal::UsageLimitReached);
    }
    if !coupon.plan_ids.is_empty() && !coupon.plan_ids.iter().any(|p| p == plan_id) {
        return Err(CouponRefusal::NotForPlan);
    }
    match &coupon.discount.value {
        DiscountValue::Fixed { currency: c, .. } if c != currency => Err(CouponRefusal::CurrencyMismatch),
        _ => Ok(()),
    }
}

/// Checks a discount's terms against the quote currency.
pub fn validate_discount(discount: &Discount, currency: &str) -> Result<(), PricingError> {
    match &discount.value {
        DiscountValue::Percent { percent } => {
            if *percent < Decimal::ZERO || *percent > Decimal::ONE_HUNDRED {
                return Err(PricingError::InvalidPercentage { percent: *percent });
            }
        }
        DiscountValue::Fixed { amount, currency: c } => {
            non_negative(*amount, "discount.amount")?;
            if c != currency {
                return Err(PricingError::CurrencyMismatch { expected: currency.to_owned(), found: c.clone() });
            }
        }
    }
    if discount.duration == DiscountDuration::Periods(0) {
        return Err(PricingError::ZeroDiscountPeriods);
    }
    Ok(())
}

impl Discount {
    /// Whether it still applies after it was applied in `periods_applied` periods.
    pub fn is_active(&self, periods_applied: u32) -> bool {
        match self.duration {
            DiscountDuration::Periods(n) => periods_applied < n,
            DiscountDuration::Forever => true,
        }
    }
}
