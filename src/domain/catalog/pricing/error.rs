use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::types::PeriodLength;

/// Why a quote, an overage amount or a validation was refused.
///
/// Fields named `field` carry a path such as `rates[ram].recurring_fee.tiers[1].unit_price`, so an API can point
/// the integrator at the offending value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum PricingError {
    /// The currency is not three upper-case ASCII letters.
    InvalidCurrency { currency: String },
    /// A fixed-amount discount is expressed in another currency than the quote.
    CurrencyMismatch { expected: String, found: String },
    /// A fee, price or discount amount is below zero.
    NegativeFee { field: String },
    /// The period is not 1, 3, 6, 12, 24 or 36 months, or is zero days long.
    UnsupportedPeriod { length: PeriodLength },
    /// A requested or included quantity, or a maximum, is below zero.
    NegativeQuantity { resource: String },
    /// More of a resource was requested than the plan allows.
    QuantityAboveMaximum { resource: String, maximum: Decimal },
    /// A quantity lies above the last (bounded) tier.
    QuantityBeyondTiers { quantity: Decimal },
    /// A quantity was requested for a resource the plan has no rate for.
    UnknownResource { resource: String },
    /// Two rates of the plan share a resource id.
    DuplicateResource { resource: String },
    /// The included amount of a resource is above its maximum.
    IncludedAboveMaximum { resource: String },
    /// A tiered price has no tier.
    EmptyTiers { field: String },
    /// Tier bounds are not strictly ascending and positive, or an unbounded tier is not the last one.
    TiersNotAscending { field: String },
    /// The last tier is bounded but the quantities it must price are not (no maximum, or a maximum above it).
    TiersIncomplete { field: String },
    /// A percentage discount outside 0..=100.
    InvalidPercentage { percent: Decimal },
    /// A discount limited to a number of periods has zero periods.
    ZeroDiscountPeriods,
    /// An amount exceeded what a decimal can hold; only absurd inputs get here.
    Overflow,
}

impl fmt::Display for PricingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidCurrency { currency } => write!(f, "invalid currency code {currency:?}"),
            Self::CurrencyMismatch { expected, found } => write!(f, "amount in {found} where {expected} was expected"),
            Self::NegativeFee { field } => write!(f, "{field} is negative"),
            Self::UnsupportedPeriod { length } => write!(f, "unsupported billing period {length:?}"),
            Self::NegativeQuantity { resource } => write!(f, "negative quantity for resource {resource}"),
            Self::QuantityAboveMaximum { resource, maximum } => {
                write!(f, "quantity of resource {resource} is above its maximum of {maximum}")
            }
            Self::QuantityBeyondTiers { quantity } => write!(f, "quantity {quantity} is above the last tier"),
            Self::UnknownResource { resource } => write!(f, "the plan has no rate for resource {resource}"),
            Self::DuplicateResource { resource } => write!(f, "resource {resource} has more than one rate"),
            Self::IncludedAboveMaximum { resource } => {
                write!(f, "included amount of resource {resource} is above its maximum")
            }
            Self::EmptyTiers { field } => write!(f, "{field} has no tiers"),
            Self::TiersNotAscending { field } => write!(f, "tiers of {field} are not strictly ascending"),
            Self::TiersIncomplete { field } => write!(f, "tiers of {field} do not cover every possible quantity"),
            Self::InvalidPercentage { percent } => write!(f, "discount percentage {percent} is not within 0..=100"),
            Self::ZeroDiscountPeriods => write!(f, "a discount limited in periods must last at least one period"),
            Self::Overflow => write!(f, "amount out of range"),
        }
    }
}

impl std::error::Error for PricingError {}
