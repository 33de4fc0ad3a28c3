use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::discount::{validate_discount, Discount};
use super::error::PricingError;
use super::money::{div, minor_units, mul, round_to, sum};
use super::stacking::{best_promotion, reductions};
use super::tiers::{price_units, unit_price_at};
use super::types::{LineKind, PeriodKind, PeriodLength, Quote, QuoteInput, QuoteLine, ResourceRate};
use super::validate::{validate_period, validate_rate};

/// Prices one billing period of a service: plan fees, additional resources, then the best promotion and the
/// coupon. Validates the period, the rates, the discounts and the quantities first.
pub fn quote(input: &QuoteInput) -> Result<Quote, PricingError> {
    let dp = minor_units(&input.currency)?;
    validate_inputs(input)?;
    let trial = input.period_kind == PeriodKind::First && input.period.trial_days > 0;
    let mut lines = charge_lines(input, trial, dp)?;
    let charges = lines.len();
    let (applied_promotion, coupon_applied) = add_discount_lines(input, &mut lines, dp)?;
    let subtotal = sum(lines[..charges].iter().map(|l| &l.amount))?;
    let total = sum(lines.iter().map(|l| &l.amount))?;
    Ok(Quote {
        currency: input.currency.clone(),
        lines,
        subtotal,
        discount_total: subtotal - total,
        total,
        trial_ends_in_days: trial.then_some(input.period.trial_days),
        applied_promotion,
        coupon_applied,
    })
}

fn charge_lines(input: &QuoteInput, trial: bool, dp: u32) -> Result<Vec<QuoteLine>, PricingError> {
    let period = &input.period;
    let first = input.period_kind == PeriodKind::First;
    let setup_waived = trial && period.trial_waives_setup;
    let (length, months) = length_and_months(period.length);

    let mut lines = Vec::new();
    if first && period.setup_fee > Decimal::ZERO {
        let description = format!("{} — setup fee", input.plan_name);
        lines.push(plan_line(LineKind::Setup, description, period.setup_fee, setup_waived, dp));
    }
    let (fee, renewal) = match input.period_kind {
        PeriodKind::Renewal => (period.renewal_fee.unwrap_or(period.recurring_fee), "renewal, "),
        PeriodKind::First | PeriodKind::AfterTrial => (period.recurring_fee, ""),
    };
    let description = format!("{} — {renewal}{length}", input.plan_name);
    lines.push(plan_line(LineKind::Recurring, description, fee, trial, dp));

    for rate in &input.rates {
        let Some(&wanted) = input.quantities.get(&rate.resource) else { continue };
        let additional = (wanted - rate.included).max(Decimal::ZERO);
        if additional.is_zero() {
            continue;
        }
        let counted = format!("{} additional ({} ordered, {} included)", n(additional), n(wanted), n(rate.included));
        if first {
            let description = format!("{} — setup, {counted}", rate.name);
            let line = resource_line(rate, LineKind::ResourceSetup, description, additional, Months::ONCE, dp)?;
            lines.extend(line.map(|l| waived(l, setup_waived, dp)));
        }
        let description = format!("{} — {counted}, {length}", rate.name);
        let line = resource_line(rate, LineKind::ResourceRecurring, description, additional, months, dp)?;
        lines.extend(line.map(|l| waived(l, trial, dp)));
    }
    Ok(lines)
}

/// Appends one discount line per (discount, reduced line); returns the promotion used and whether the coupon was.
fn add_discount_lines(
    input: &QuoteInput,
    lines: &mut Vec<QuoteLine>,
    dp: u32,
) -> Result<(Option<String>, bool), PricingError> {
    let promotion = best_promotion(lines, &input.promotions, dp)?;
    let coupon = input.coupon.as_ref().filter(|c| c.discount.is_active(input.coupon_periods_applied));
    let mut applied: Vec<(&Discount, &str)> = Vec::new();
    applied.extend(promotion.map(|p| (&p.discount, p.name.as_str())));
    applied.extend(coupon.map(|c| (&c.discount, c.code.as_str())));
    let discounts: Vec<&Discount> = applied.iter().map(|(d, _)| *d).collect();
    let reductions = reductions(lines, &discounts, dp)?;

    let used = |index: usize| reductions.iter().any(|r| r.discount == index);
    let promotion_used = promotion.filter(|_| used(0)).map(|p| p.id.clone());
    let coupon_used = coupon.is_some() && used(usize::from(promotion.is_some()));
    for r in &reductions {
        let target = &lines[r.line];
        let line = QuoteLine {
            kind: LineKind::Discount,
            description: format!("{} — on {}", applied[r.discount].1, target.description),
            resource: target.resource.clone(),
            quantity: Decimal::ONE,
            unit_price: None,
            amount: -r.amount,
            discounted_line: Some(r.line),
        };
        lines.push(line);
    }
    Ok((promotion_used, coupon_used))
}

/// Amount due for metered use of `used` units when `included` units are free, rounded like a quote line.
///
/// `included` is a parameter rather than `rate.included` because allowances of metered resources are often
/// pro-rated or pooled by the caller. Tiers count units above `included`; no maximum applies to past use.
pub fn overage(rate: &ResourceRate, used: Decimal, included: Decimal, currency: &str) -> Result<Decimal, PricingError> {
    let dp = minor_units(currency)?;
    validate_rate(rate)?;
    if used < Decimal::ZERO || included < Decimal::ZERO {
        return Err(PricingError::NegativeQuantity { resource: rate.resource.clone() });
    }
    Ok(round_to(price_units(&rate.overage, (used - included).max(Decimal::ZERO))?, dp))
}

fn validate_inputs(input: &QuoteInput) -> Result<(), PricingError> {
    validate_period(&input.period)?;
    let mut seen = BTreeSet::new();
    for rate in &input.rates {
        validate_rate(rate)?;
        if !seen.insert(rate.resource.as_str()) {
            return Err(PricingError::DuplicateResource { resource: rate.resource.clone() });
        }
    }
    for (resource, &quantity) in &input.quantities {
        let rate = input
            .rates
            .iter()
            .find(|r| &r.resource == resource)
            .ok_or_else(|| PricingError::UnknownResource { resource: resource.clone() })?;
        if quantity < Decimal::ZERO {
            return Err(PricingError::NegativeQuantity { resource: resource.clone() });
        }
        if let Some(maximum) = rate.maximum.filter(|m| quantity > *m) {
            return Err(PricingError::QuantityAboveMaximum { resource: resource.clone(), maximum });
        }
    }
    if let Some(coupon) = &input.coupon {
        validate_discount(&coupon.discount, &input.currency)?;
    }
    input.promotions.iter().try_for_each(|p| validate_discount(&p.discount, &input.currency))
}

/// Months in a period as a fraction, kept apart so that dividing by 30 is the very last step before rounding:
/// multiplying by a rounded 1/30 would turn an exact midpoint such as 0.015 into 0.01499… and round it down.
#[derive(Clone, Copy)]
struct Months {
    times: Decimal,
    per: Decimal,
}

impl Months {
    /// For one-time fees, which do not scale with the period.
    const ONCE: Self = Self { times: Decimal::ONE, per: Decimal::ONE };

    fn of(self, monthly: Decimal) -> Result<Decimal, PricingError> {
        div(mul(monthly, self.times)?, self.per)
    }
}

/// Resource prices are per month; a period in days counts as days / 30 months, so 30 days cost one month.
fn length_and_months(length: PeriodLength) -> (String, Months) {
    let plural = |n: u32, unit: &str| if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") };
    match length {
        PeriodLength::Months(m) => (plural(m, "month"), Months { times: Decimal::from(m), per: Decimal::ONE }),
        PeriodLength::Days(d) => (plural(d, "day"), Months { times: Decimal::from(d), per: Decimal::from(30) }),
    }
}

fn plan_line(kind: LineKind, description: String, fee: Decimal, free: bool, dp: u32) -> QuoteLine {
    let line = QuoteLine {
        kind,
        description,
        resource: None,
        quantity: Decimal::ONE,
        unit_price: Some(fee),
        amount: round_to(fee, dp),
        discounted_line: None,
    };
    waived(line, free, dp)
}

/// The line stays on the quote so the customer sees what the trial gives away.
fn waived(mut line: QuoteLine, free: bool, dp: u32) -> QuoteLine {
    if free {
        line.description.push_str(" (free during trial)");
        line.unit_price = Some(Decimal::ZERO);
        line.amount = round_to(Decimal::ZERO, dp);
    }
    line
}

/// `None` when the units cost nothing, so free extras do not clutter the invoice.
fn resource_line(
    rate: &ResourceRate,
    kind: LineKind,
    description: String,
    additional: Decimal,
    months: Months,
    dp: u32,
) -> Result<Option<QuoteLine>, PricingError> {
    let pricing = if kind == LineKind::ResourceSetup { &rate.setup_fee } else { &rate.recurring_fee };
    let base = price_units(pricing, additional)?;
    if base.is_zero() {
        return Ok(None);
    }
    let amount = round_to(months.of(base)?, dp);
    let unit_price = unit_price_at(pricing, additional).map(|p| months.of(p)).transpose()?.map(|p| p.normalize());
    Ok(Some(QuoteLine {
        kind,
        description,
        resource: Some(rate.resource.clone()),
        quantity: additional,
        unit_price,
        amount,
        discounted_line: None,
    }))
}

/// Quantities in descriptions without trailing zeros: "2.5", not "2.500".
fn n(quantity: Decimal) -> Decimal {
    quantity.normalize()
}
