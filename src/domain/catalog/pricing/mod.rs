//! Pure pricing of service plans: billing periods, resource rates with tiers, trials, renewals, coupons and
//! promotions, with per-line rounding so that an invoice's lines always add up to its total.
//!
//! Nothing here does I/O or reads a clock: callers pass the plan, the order and `now`, and store the result.
//! See `PRICING.md` for the rules in prose.

mod discount;
mod error;
mod money;
mod quote;
mod stacking;
mod tiers;
mod types;
mod validate;

pub use discount::{
    coupon_applicability, validate_discount, Coupon, CouponRefusal, Discount, DiscountDuration, DiscountTarget,
    DiscountValue, Promotion, UnixSeconds,
};
pub use error::PricingError;
pub use money::{minor_units, round_amount};
pub use quote::{overage, quote};
pub use tiers::price_units;
pub use types::{
    BillingPeriod, LineKind, PeriodKind, PeriodLength, Quote, QuoteInput, QuoteLine, ResourceRate, Tier, UnitPricing,
};
pub use validate::{validate_period, validate_rate};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
