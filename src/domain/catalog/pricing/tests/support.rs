//! Builders that keep the test tables to one readable line per fact.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::catalog::pricing::*;

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn period(length: PeriodLength, setup: &str, recurring: &str) -> BillingPeriod {
    BillingPeriod {
        length,
        setup_fee: d(setup),
        recurring_fee: d(recurring),
        renewal_fee: None,
        trial_days: 0,
        trial_waives_setup: false,
    }
}

pub fn months(m: u32, setup: &str, recurring: &str) -> QuoteInput {
    plan("EUR", period(PeriodLength::Months(m), setup, recurring))
}

pub fn days(n: u32, setup: &str, recurring: &str) -> QuoteInput {
    plan("EUR", period(PeriodLength::Days(n), setup, recurring))
}

pub fn plan(currency: &str, period: BillingPeriod) -> QuoteInput {
    QuoteInput {
        currency: currency.to_owned(),
        plan_name: "VPS".to_owned(),
        period,
        period_kind: PeriodKind::First,
        rates: Vec::new(),
        quantities: Default::default(),
        coupon: None,
        coupon_periods_applied: 0,
        promotions: Vec::new(),
    }
}

/// A resource priced per additional unit: `setup` once, `monthly` per month.
pub fn rate(id: &str, included: &str, setup: &str, monthly: &str) -> ResourceRate {
    ResourceRate {
        resource: id.to_owned(),
        name: id.to_uppercase(),
        included: d(included),
        maximum: None,
        setup_fee: UnitPricing::flat(d(setup)),
        recurring_fee: UnitPricing::flat(d(monthly)),
        overage: UnitPricing::flat(d(monthly)),
    }
}

/// `(up_to, unit_price, flat_fee)`; an empty `up_to` is unbounded.
pub fn tiers(spec: &[(&str, &str, &str)]) -> Vec<Tier> {
    spec.iter()
        .map(|(up_to, price, flat)| Tier {
            up_to: (!up_to.is_empty()).then(|| d(up_to)),
            unit_price: d(price),
            flat_fee: d(flat),
        })
        .collect()
}

pub fn volume(spec: &[(&str, &str, &str)]) -> UnitPricing {
    UnitPricing::Volume { tiers: tiers(spec) }
}

pub fn graduated(spec: &[(&str, &str, &str)]) -> UnitPricing {
    UnitPricing::Graduated { tiers: tiers(spec) }
}

pub fn tiered_rate(id: &str, included: &str, monthly: UnitPricing) -> ResourceRate {
    ResourceRate { recurring_fee: monthly, ..rate(id, included, "0", "0") }
}

pub fn pct(percent: &str, applies_to: DiscountTarget, duration: DiscountDuration) -> Discount {
    Discount { value: DiscountValue::Percent { percent: d(percent) }, applies_to, duration }
}

pub fn fixed(amount: &str, currency: &str, applies_to: DiscountTarget, duration: DiscountDuration) -> Discount {
    Discount { value: DiscountValue::Fixed { amount: d(amount), currency: currency.to_owned() }, applies_to, duration }
}

pub fn coupon(code: &str, discount: Discount) -> Coupon {
    Coupon {
        code: code.to_owned(),
        discount,
        valid_from: None,
        valid_until: None,
        max_redemptions: None,
        plan_ids: Vec::new(),
    }
}

pub fn promo(id: &str, discount: Discount) -> Promotion {
    Promotion { id: id.to_owned(), name: format!("Promo {id}"), discount, periods_applied: 0 }
}

/// Fluent edits of a [`QuoteInput`], so each table row states only what differs from a bare plan.
pub trait With: Sized {
    fn with(self, edit: impl FnOnce(&mut QuoteInput)) -> QuoteInput;

    fn resource(self, rate: ResourceRate, quantity: &str) -> QuoteInput {
        self.with(|i| {
            i.quantities.insert(rate.resource.clone(), d(quantity));
            i.rates.push(rate);
        })
    }

    fn coupon(self, discount: Discount) -> QuoteInput {
        self.with(|i| i.coupon = Some(coupon("SAVE", discount)))
    }

    fn promo(self, promotion: Promotion) -> QuoteInput {
        self.with(|i| i.promotions.push(promotion))
    }

    fn renewal(self, fee: Option<&str>) -> QuoteInput {
        self.with(|i| {
            i.period_kind = PeriodKind::Renewal;
            i.period.renewal_fee = fee.map(d);
        })
    }

    fn trial(self, days: u32, waives_setup: bool) -> QuoteInput {
        self.with(|i| {
            i.period.trial_days = days;
            i.period.trial_waives_setup = waives_setup;
        })
    }
}

impl With for QuoteInput {
    fn with(mut self, edit: impl FnOnce(&mut QuoteInput)) -> QuoteInput {
        edit(&mut self);
        self
    }
}
