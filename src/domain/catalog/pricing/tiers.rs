use rust_decimal::Decimal;

use super::error::PricingError;
use super::money::{add, mul};
use super::types::{Tier, UnitPricing};

/// Unrounded price of `units` additional units (above the included amount) under `pricing`.
///
/// Zero units cost nothing, not even a tier's flat fee: a customer who adds nothing pays nothing.
pub fn price_units(pricing: &UnitPricing, units: Decimal) -> Result<Decimal, PricingError> {
    if units <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    match pricing {
        UnitPricing::Flat { unit_price } => mul(units, *unit_price),
        UnitPricing::Volume { tiers } => {
            let tier = tier_for(tiers, units)?;
            add(mul(units, tier.unit_price)?, tier.flat_fee)
        }
        UnitPricing::Graduated { tiers } => graduated(tiers, units),
    }
}

/// The single price per unit when the price is linear at this quantity, for display on the line.
pub(crate) fn unit_price_at(pricing: &UnitPricing, units: Decimal) -> Option<Decimal> {
    match pricing {
        UnitPricing::Flat { unit_price } => Some(*unit_price),
        UnitPricing::Volume { tiers } => {
            tier_for(tiers, units).ok().filter(|t| t.flat_fee.is_zero()).map(|t| t.unit_price)
        }
        UnitPricing::Graduated { tiers } => {
            tiers.first().filter(|t| t.flat_fee.is_zero() && t.up_to.is_none_or(|b| units <= b)).map(|t| t.unit_price)
        }
    }
}

fn tier_for(tiers: &[Tier], units: Decimal) -> Result<&Tier, PricingError> {
    tiers
        .iter()
        .find(|t| t.up_to.is_none_or(|b| units <= b))
        .ok_or(PricingError::QuantityBeyondTiers { quantity: units })
}

fn graduated(tiers: &[Tier], units: Decimal) -> Result<Decimal, PricingError> {
    let mut amount = Decimal::ZERO;
    let mut lower = Decimal::ZERO;
    for tier in tiers {
        let upper = tier.up_to.map_or(units, |b| b.min(units));
        if upper > lower {
            amount = add(amount, add(mul(upper - lower, tier.unit_price)?, tier.flat_fee)?)?;
            lower = upper;
        }
        if lower >= units {
            return Ok(amount);
        }
    }
    Err(PricingError::QuantityBeyondTiers { quantity: units })
}
