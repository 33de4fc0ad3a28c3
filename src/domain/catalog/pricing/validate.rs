use rust_decimal::Decimal;

use super::error::PricingError;
use super::types::{BillingPeriod, PeriodLength, ResourceRate, Tier, UnitPricing};

/// Checks a billing period: supported length, no negative fee.
pub fn validate_period(period: &BillingPeriod) -> Result<(), PricingError> {
    let supported = match period.length {
        PeriodLength::Months(m) => PeriodLength::ALLOWED_MONTHS.contains(&m),
        PeriodLength::Days(d) => d > 0,
    };
    if !supported {
        return Err(PricingError::UnsupportedPeriod { length: period.length });
    }
    non_negative(period.setup_fee, "period.setup_fee")?;
    non_negative(period.recurring_fee, "period.recurring_fee")?;
    if let Some(fee) = period.renewal_fee {
        non_negative(fee, "period.renewal_fee")?;
    }
    Ok(())
}

/// Checks a resource rate: non-negative amounts and prices, included within maximum, well-formed tiers.
///
/// Setup and recurring tiers may end with a bounded tier if it reaches `maximum - included`, since no larger
/// quantity can be ordered; overage tiers must end unbounded because metered use has no maximum.
pub fn validate_rate(rate: &ResourceRate) -> Result<(), PricingError> {
    let negative = || PricingError::NegativeQuantity { resource: rate.resource.clone() };
    if rate.included < Decimal::ZERO || rate.maximum.is_some_and(|m| m < Decimal::ZERO) {
        return Err(negative());
    }
    let orderable = match rate.maximum {
        Some(max) if max < rate.included => {
            return Err(PricingError::IncludedAboveMaximum { resource: rate.resource.clone() })
        }
        Some(max) => Some(max - rate.included),
        None => None,
    };
    let field = |name: &str| format!("rates[{}].{name}", rate.resource);
    validate_pricing(&rate.setup_fee, &field("setup_fee"), orderable)?;
    validate_pricing(&rate.recurring_fee, &field("recurring_fee"), orderable)?;
    validate_pricing(&rate.overage, &field("overage"), None)
}

/// `reach`: the most additional units this price must cover, `None` for no limit.
fn validate_pricing(pricing: &UnitPricing, field: &str, reach: Option<Decimal>) -> Result<(), PricingError> {
    let tiers = match pricing {
        UnitPricing::Flat { unit_price } => return non_negative(*unit_price, &format!("{field}.unit_price")),
        UnitPricing::Volume { tiers } | UnitPricing::Graduated { tiers } => tiers,
    };
    let Some(last) = tiers.last() else {
        return Err(PricingError::EmptyTiers { field: field.to_owned() });
    };
    let mut previous = Decimal::ZERO;
    for (i, Tier { up_to, unit_price, flat_fee }) in tiers.iter().enumerate() {
        non_negative(*unit_price, &format!("{field}.tiers[{i}].unit_price"))?;
        non_negative(*flat_fee, &format!("{field}.tiers[{i}].flat_fee"))?;
        let ascending = match up_to {
            Some(bound) => *bound > previous,
            None => i + 1 == tiers.len(),
        };
        if !ascending {
            return Err(PricingError::TiersNotAscending { field: field.to_owned() });
        }
        previous = up_to.unwrap_or(previous);
    }
    match (last.up_to, reach) {
        (Some(bound), Some(reach)) if bound < reach => Err(PricingError::TiersIncomplete { field: field.to_owned() }),
        (Some(_), None) => Err(PricingError::TiersIncomplete { field: field.to_owned() }),
        _ => Ok(()),
    }
}

pub(crate) fn non_negative(amount: Decimal, field: &str) -> Result<(), PricingError> {
    if amount < Decimal::ZERO {
        return Err(PricingError::NegativeFee { field: field.to_owned() });
    }
    Ok(())
}
