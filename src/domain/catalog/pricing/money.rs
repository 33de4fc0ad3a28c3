use rust_decimal::{Decimal, RoundingStrategy};

use super::error::PricingError;

const ZERO_DECIMAL_CURRENCIES: [&str; 7] = ["JPY", "KRW", "VND", "CLP", "ISK", "XAF", "XOF"];
const THREE_DECIMAL_CURRENCIES: [&str; 5] = ["BHD", "JOD", "KWD", "OMR", "TND"];

/// Number of decimal places (minor units) of an ISO 4217 currency code.
///
/// Codes outside the two short lists have 2 minor units, so a new two-decimal currency needs no code change.
pub fn minor_units(currency: &str) -> Result<u32, PricingError> {
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(PricingError::InvalidCurrency { currency: currency.to_owned() });
    }
    Ok(if ZERO_DECIMAL_CURRENCIES.contains(&currency) {
        0
    } else if THREE_DECIMAL_CURRENCIES.contains(&currency) {
        3
    } else {
        2
    })
}

/// Rounds an amount to the currency's minor units, half away from zero, as every quote line is rounded.
pub fn round_amount(amount: Decimal, currency: &str) -> Result<Decimal, PricingError> {
    Ok(round_to(amount, minor_units(currency)?))
}

/// The rescale gives every amount exactly `dp` decimals, so "10" and "10.00" never both appear on one invoice.
pub(crate) fn round_to(amount: Decimal, dp: u32) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(dp);
    rounded
}

// Quantities come from customers, so a panic on an absurd one must become an error instead.
pub(crate) fn mul(a: Decimal, b: Decimal) -> Result<Decimal, PricingError> {
    a.checked_mul(b).ok_or(PricingError::Overflow)
}

pub(crate) fn add(a: Decimal, b: Decimal) -> Result<Decimal, PricingError> {
    a.checked_add(b).ok_or(PricingError::Overflow)
}

pub(crate) fn div(a: Decimal, b: Decimal) -> Result<Decimal, PricingError> {
    a.checked_div(b).ok_or(PricingError::Overflow)
}

pub(crate) fn sum<'a>(amounts: impl IntoIterator<Item = &'a Decimal>) -> Result<Decimal, PricingError> {
    amounts.into_iter().try_fold(Decimal::ZERO, |acc, a| add(acc, *a))
}
