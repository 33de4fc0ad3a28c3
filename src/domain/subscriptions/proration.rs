//! Proration of a change within a subscription's billing period, in whole days, with the same per-line rounding as
//! a quote. Nothing here reads a clock: the caller passes the period, the instant of the change (a preview's
//! `proration_date`) and the prices. The rules in prose: docs/pricing.md, "Proration".
//!
//! **Days.** Every instant counts from the first UTC midnight at or after it: exactly at midnight, from that day;
//! at any later time of a day, from the next day, so a day once begun stays at the old price. The period has
//! `boundary(end) − boundary(start)` days, a change leaves `boundary(end) − boundary(change_at)` of them, and the
//! factor is `remaining / total`. A change at the period's start leaves every day; one at its last instant none.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::pricing::{minor_units, round_amount, PricingError};

/// A billing period, `[start, end)`: a change at `end` belongs to the next period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The whole days of a period, and how many of them a change leaves: the proration factor is `remaining / total`.
///
/// Only this module makes one (through [`proration_days`]), so `1 ≤ total` and `0 ≤ remaining ≤ total` always hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProrationDays {
    remaining: i64,
    total: i64,
}

impl ProrationDays {
    /// Days from the change to the period's end, the change's own day counted when the change is at its midnight.
    pub fn remaining(&self) -> i64 {
        self.remaining
    }

    /// Days of the whole period.
    pub fn total(&self) -> i64 {
        self.total
    }

    /// Days already used at the old price.
    pub fn used(&self) -> i64 {
        self.total - self.remaining
    }

    /// `remaining / total`, unrounded (to the 28 digits a decimal holds). Amounts are not computed through it: see
    /// [`change_lines`].
    pub fn factor(&self) -> Decimal {
        Decimal::from(self.remaining) / Decimal::from(self.total)
    }
}

/// Whether a line gives money back (a negative amount) or charges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProrationLineKind {
    /// The unused part of what was paid: `−unit_price × quantity × remaining / total`.
    Credit,
    /// The new price for the rest of the period: `+unit_price × quantity × remaining / total`.
    Charge,
}

/// One prorated line, rounded on its own like any quote line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProrationLine {
    pub kind: ProrationLineKind,
    /// The price of one unit for the whole period.
    pub unit_price: Decimal,
    pub quantity: Decimal,
    /// The days the line is prorated over (a full refund credits every day of the period).
    pub days: ProrationDays,
    /// The signed amount before rounding: exact when `total` divides it, else to 28 digits.
    pub unrounded: Decimal,
    /// `unrounded` rounded to the currency's decimals, half away from zero.
    pub amount: Decimal,
}

/// A plan change that keeps the quantity: from `old_unit_price` to `new_unit_price`, both for the whole period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceChange {
    pub old_unit_price: Decimal,
    pub new_unit_price: Decimal,
    pub quantity: Decimal,
}

/// The two lines of a change, both always present (a free plan gives a line of zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeLines {
    pub credit: ProrationLine,
    pub charge: ProrationLine,
}

/// A change of the quantity of one resource, priced flat per unit above the plan's included amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceChange {
    /// The price of one additional unit for the whole period.
    pub unit_price: Decimal,
    /// Units the plan includes for free.
    pub included: Decimal,
    pub old_quantity: Decimal,
    pub new_quantity: Decimal,
}

/// What a resource change does now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ResourceOutcome {
    /// More billable units: they apply now, charged for the rest of the period.
    Charge { line: ProrationLine },
    /// The same quantity, or more units that the plan includes: they apply now and nothing is charged.
    NoCharge,
    /// Fewer units: nothing now; the customer keeps what was paid for and `quantity` applies from the next period.
    AtTermEnd { quantity: Decimal },
}

/// A seller's refund policy for a cancellation before the period's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "policy", rename_all = "snake_case")]
pub enum RefundPolicy {
    /// Nothing is refunded.
    None,
    /// The credit of the unused part, as for a change.
    Prorated,
    /// A money-back guarantee: everything paid for the period while at most `days` of it were used, then `after`.
    FullWithin {
        days: u32,
        #[serde(default)]
        after: AfterWindow,
    },
}

/// What [`RefundPolicy::FullWithin`] refunds once its window has passed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterWindow {
    /// Nothing, as the third policy reads ("full within N days").
    #[default]
    Nothing,
    /// The prorated credit.
    Prorated,
}

/// What a cancellation refunds of one paid line; the credit becomes a credit note when invoiced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "refund", rename_all = "snake_case")]
pub enum Refund {
    Nothing,
    Prorated { line: ProrationLine },
    Full { line: ProrationLine },
}

/// Why a proration was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ProrationError {
    /// The change is before the period's start or at or after its end.
    ChangeOutsidePeriod { change_at: DateTime<Utc>, period_start: DateTime<Utc>, period_end: DateTime<Utc> },
    /// The period ends before it starts or counts zero whole days.
    EmptyPeriod { period_start: DateTime<Utc>, period_end: DateTime<Utc> },
    /// A quantity (`quantity`, `included`, `old_quantity` or `new_quantity`) is below zero.
    NegativeQuantity { field: String },
    /// A unit price is below zero.
    NegativePrice { field: String },
    /// The currency is not three upper-case ASCII letters.
    InvalidCurrency { currency: String },
    /// An amount or a date exceeded what its type can hold; only absurd inputs get here.
    Overflow,
}

impl fmt::Display for ProrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ChangeOutsidePeriod { change_at, period_start, period_end } => {
                write!(f, "{change_at} is not within the period [{period_start}, {period_end})")
            }
            Self::EmptyPeriod { period_start, period_end } => {
                write!(f, "the period [{period_start}, {period_end}) has no whole day")
            }
            Self::NegativeQuantity { field } => write!(f, "{field} is negative"),
            Self::NegativePrice { field } => write!(f, "{field} is negative"),
            Self::InvalidCurrency { currency } => write!(f, "invalid currency code {currency:?}"),
            Self::Overflow => write!(f, "amount or date out of range"),
        }
    }
}

impl std::error::Error for ProrationError {}

/// The days of `period` and those a change at `change_at` leaves (see the module's rule).
pub fn proration_days(period: &Period, change_at: DateTime<Utc>) -> Result<ProrationDays, ProrationError> {
    let end = boundary(period.end)?;
    let total = if period.end > period.start { days_between(boundary(period.start)?, end) } else { 0 };
    if total < 1 {
        return Err(ProrationError::EmptyPeriod { period_start: period.start, period_end: period.end });
    }
    if change_at < period.start || change_at >= period.end {
        return Err(ProrationError::ChangeOutsidePeriod {
            change_at,
            period_start: period.start,
            period_end: period.end,
        });
    }
    Ok(ProrationDays { remaining: days_between(boundary(change_at)?, end), total })
}

/// The proration factor `remaining / total` of a change at `change_at`, in `[0, 1]`, unrounded.
pub fn proration_factor(period: &Period, change_at: DateTime<Utc>) -> Result<Decimal, ProrationError> {
    Ok(proration_days(period, change_at)?.factor())
}

/// The credit of the unused old price and the charge of the new one for the rest of the period.
///
/// Each amount is `unit_price × quantity × remaining`, divided by `total` last, so that an exact half of a minor
/// unit (0.45 × 1/30 = 0.015) rounds up as documented instead of becoming 0.01499… through a rounded factor.
pub fn change_lines(days: &ProrationDays, change: &PriceChange, currency: &str) -> Result<ChangeLines, ProrationError> {
    check_currency(currency)?;
    check_quantity("quantity", change.quantity)?;
    check_price("old_unit_price", change.old_unit_price)?;
    check_price("new_unit_price", change.new_unit_price)?;
    Ok(ChangeLines {
        credit: prorated(ProrationLineKind::Credit, change.old_unit_price, change.quantity, *days, currency)?,
        charge: prorated(ProrationLineKind::Charge, change.new_unit_price, change.quantity, *days, currency)?,
    })
}

/// A resource change: more billable units are charged for the rest of the period (the added ones only), fewer
/// units wait for the period's end.
pub fn resource_change(
    days: &ProrationDays,
    change: &ResourceChange,
    currency: &str,
) -> Result<ResourceOutcome, ProrationError> {
    check_currency(currency)?;
    check_quantity("included", change.included)?;
    check_quantity("old_quantity", change.old_quantity)?;
    check_quantity("new_quantity", change.new_quantity)?;
    check_price("unit_price", change.unit_price)?;
    if change.new_quantity < change.old_quantity {
        return Ok(ResourceOutcome::AtTermEnd { quantity: change.new_quantity });
    }
    let billable = |q: Decimal| q.checked_sub(change.included).map(|b| b.max(Decimal::ZERO));
    let added = match (billable(change.new_quantity), billable(change.old_quantity)) {
        (Some(new), Some(old)) => new.checked_sub(old).ok_or(ProrationError::Overflow)?,
        _ => return Err(ProrationError::Overflow),
    };
    if added.is_zero() {
        return Ok(ResourceOutcome::NoCharge);
    }
    let line = prorated(ProrationLineKind::Charge, change.unit_price, added, *days, currency)?;
    Ok(ResourceOutcome::Charge { line })
}

/// What a cancellation at the instant `days` was computed for refunds of a line paid at `unit_price × quantity`
/// for the period, under `policy`. The window of [`RefundPolicy::FullWithin`] counts the days already used.
pub fn cancellation_refund(
    days: &ProrationDays,
    policy: RefundPolicy,
    unit_price: Decimal,
    quantity: Decimal,
    currency: &str,
) -> Result<Refund, ProrationError> {
    check_currency(currency)?;
    check_quantity("quantity", quantity)?;
    check_price("unit_price", unit_price)?;
    let prorated_refund = || -> Result<Refund, ProrationError> {
        Ok(Refund::Prorated { line: prorated(ProrationLineKind::Credit, unit_price, quantity, *days, currency)? })
    };
    match policy {
        RefundPolicy::None => Ok(Refund::Nothing),
        RefundPolicy::Prorated => prorated_refund(),
        RefundPolicy::FullWithin { days: window, .. } if days.used() <= i64::from(window) => {
            let whole = ProrationDays { remaining: days.total, total: days.total };
            Ok(Refund::Full { line: prorated(ProrationLineKind::Credit, unit_price, quantity, whole, currency)? })
        }
        RefundPolicy::FullWithin { after: AfterWindow::Nothing, .. } => Ok(Refund::Nothing),
        RefundPolicy::FullWithin { after: AfterWindow::Prorated, .. } => prorated_refund(),
    }
}

fn prorated(
    kind: ProrationLineKind,
    unit_price: Decimal,
    quantity: Decimal,
    days: ProrationDays,
    currency: &str,
) -> Result<ProrationLine, ProrationError> {
    let gross = unit_price
        .checked_mul(quantity)
        .and_then(|a| a.checked_mul(Decimal::from(days.remaining)))
        .and_then(|a| a.checked_div(Decimal::from(days.total)))
        .ok_or(ProrationError::Overflow)?;
    let unrounded = positive_zero(match kind {
        ProrationLineKind::Credit => -gross,
        ProrationLineKind::Charge => gross,
    });
    let amount = positive_zero(round_amount(unrounded, currency).map_err(currency_error)?);
    Ok(ProrationLine { kind, unit_price, quantity, days, unrounded, amount })
}

/// The first UTC midnight at or after `at`, as a date.
fn boundary(at: DateTime<Utc>) -> Result<NaiveDate, ProrationError> {
    let date = at.date_naive();
    if at.time() == NaiveTime::MIN {
        Ok(date)
    } else {
        date.succ_opt().ok_or(ProrationError::Overflow)
    }
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// A credit of nothing is `0.00`, never `-0.00`.
fn positive_zero(mut amount: Decimal) -> Decimal {
    if amount.is_zero() {
        amount.set_sign_positive(true);
    }
    amount
}

fn check_currency(currency: &str) -> Result<(), ProrationError> {
    minor_units(currency).map(drop).map_err(currency_error)
}

fn currency_error(error: PricingError) -> ProrationError {
    match error {
        PricingError::InvalidCurrency { currency } => ProrationError::InvalidCurrency { currency },
        _ => ProrationError::Overflow,
    }
}

fn check_quantity(field: &str, quantity: Decimal) -> Result<(), ProrationError> {
    if quantity.is_sign_negative() && !quantity.is_zero() {
        return Err(ProrationError::NegativeQuantity { field: field.to_owned() });
    }
    Ok(())
}

fn check_price(field: &str, price: Decimal) -> Result<(), ProrationError> {
    if price.is_sign_negative() && !price.is_zero() {
        return Err(ProrationError::NegativePrice { field: field.to_owned() });
    }
    Ok(())
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on bad input")]
mod tests;
