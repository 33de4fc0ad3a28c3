//! Catalog rules: checking resource types, templates, plans, brands and coupons, and
//! turning their wire form into the pricing module's terms. No I/O.

use std::collections::HashSet;

use rust_decimal::Decimal;
use stratum_api::catalog::coupon::{CouponIn, DiscountAppliesTo};
use stratum_api::catalog::plan::{PlanPeriod, PlanRate, PricingModel, UnitPrice};
use stratum_api::catalog::service_template::{OrderParameter, ParameterKind, TemplateResource};

use crate::catalog::pricing::{
    self, BillingPeriod, Discount, DiscountDuration, DiscountTarget, DiscountValue, PeriodLength, PricingError,
    ResourceRate, Tier, UnitPricing,
};
use crate::validation::Checks;

pub const NAME_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 2000;
pub const RESOURCES_MAX: usize = 50;
pub const PARAMETERS_MAX: usize = 20;
pub const PERIODS_MAX: usize = 12;
pub const CATEGORIES_MAX: usize = 20;

/// The stable code of a pricing error, for field errors.
pub fn pricing_code(e: &PricingError) -> &'static str {
    match e {
        PricingError::InvalidCurrency { .. } => "invalid_currency",
        PricingError::CurrencyMismatch { .. } => "currency_mismatch",
        PricingError::NegativeFee { .. } => "negative_fee",
        PricingError::UnsupportedPeriod { .. } => "unsupported_period",
        PricingError::NegativeQuantity { .. } => "negative_quantity",
        PricingError::QuantityAboveMaximum { .. } => "above_maximum",
        PricingError::QuantityBeyondTiers { .. } => "beyond_tiers",
        PricingError::UnknownResource { .. } => "unknown_resource",
        PricingError::DuplicateResource { .. } => "duplicate_resource",
        PricingError::IncludedAboveMaximum { .. } => "included_above_maximum",
        PricingError::EmptyTiers { .. } => "empty_tiers",
        PricingError::TiersNotAscending { .. } => "tiers_not_ascending",
        PricingError::TiersIncomplete { .. } => "tiers_incomplete",
        PricingError::InvalidPercentage { .. } => "invalid_percentage",
        PricingError::ZeroDiscountPeriods => "zero_periods",
        PricingError::Overflow => "out_of_range",
    }
}

/// Three upper-case letters, as ISO 4217 writes them.
pub fn check_currency(c: &mut Checks, field: &str, currency: &str) {
    if pricing::minor_units(currency).is_err() {
        c.fail(field, "invalid_currency", "must be an ISO 4217 currency code (USD, EUR, JPY)");
    }
}

/// A host name of letters, digits and hyphens in dot-separated labels.
pub fn is_host_name(value: &str) -> bool {
    value.len() <= 253
        && value.contains('.')
        && value.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

pub fn check_resources(c: &mut Checks, resources: &[TemplateResource]) {
    if resources.is_empty() || resources.len() > RESOURCES_MAX {
        c.fail("resources", "invalid_length", format!("must list 1 to {RESOURCES_MAX} resource types"));
    }
    let mut seen = HashSet::new();
    for (i, r) in resources.iter().enumerate() {
        let f = format!("resources[{i}]");
        if !seen.insert(r.resource_type_id.as_str()) {
            c.fail(&f, "duplicate_resource", "each resource type may appear once");
        }
        if r.included < Decimal::ZERO || r.maximum.is_some_and(|m| m < Decimal::ZERO) {
            c.fail(&f, "negative_quantity", "included and maximum must not be negative");
        }
        if r.maximum.is_some_and(|m| m < r.included) {
            c.fail(&f, "included_above_maximum", "the maximum must be at least the included amount");
        }
    }
}

fn is_parameter_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.len() <= 64
}

pub fn check_parameters(c: &mut Checks, params: &[OrderParameter]) {
    if params.len() > PARAMETERS_MAX {
        c.fail("parameters", "invalid_length", format!("must list at most {PARAMETERS_MAX} parameters"));
    }
    let mut seen = HashSet::new();
    for (i, p) in params.iter().enumerate() {
        let f = format!("parameters[{i}]");
        if !is_parameter_name(&p.name) {
            c.fail(&format!("{f}.name"), "invalid_format", "must match [a-z][a-z0-9_]* (at most 64)");
        } else if !seen.insert(p.name.as_str()) {
            c.fail(&format!("{f}.name"), "duplicate", "each parameter name may appear once");
        }
        c.text(&format!("{f}.label"), &p.label, NAME_MAX);
        let enum_ok = p.values.as_ref().is_some_and(|v| !v.is_empty() && v.iter().all(|x| !x.is_empty()));
        match p.kind {
            ParameterKind::Enum if !enum_ok => c.fail(&format!("{f}.values"), "required", "an enum needs values"),
            ParameterKind::Integer if p.min.zip(p.max).is_some_and(|(lo, hi)| lo > hi) => {
                c.fail(&f, "invalid_range", "min must not exceed max")
            }
            ParameterKind::String if p.max_length.is_some_and(|m| !(1..=10_000).contains(&m)) => {
                c.fail(&format!("{f}.max_length"), "out_of_range", "must be between 1 and 10000")
            }
            _ => {}
        }
        if p.kind != ParameterKind::Enum && p.values.is_some() {
            c.fail(&format!("{f}.values"), "not_allowed", "only enum parameters have values");
        }
    }
}

/// Checks an order's parameter values against a template's definitions: one message per
/// problem, for orders (and any integrator validating a form ahead of time).
pub fn check_parameter_values(
    defs: &[OrderParameter],
    values: &std::collections::BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    for name in values.keys().filter(|k| !defs.iter().any(|d| &d.name == *k)) {
        problems.push((name.clone(), "the template has no such parameter".to_owned()));
    }
    for d in defs {
        let Some(v) = values.get(&d.name) else {
            if d.required {
                problems.push((d.name.clone(), "is required".to_owned()));
            }
            continue;
        };
        let problem = match d.kind {
            ParameterKind::String => (v.chars().count() > usize::try_from(d.max_length.unwrap_or(255)).unwrap_or(255))
                .then_some("is too long"),
            ParameterKind::DomainName => (!is_host_name(&v.to_ascii_lowercase())).then_some("must be a domain name"),
            ParameterKind::Enum => (!d.values.iter().flatten().any(|x| x == v)).then_some("must be one of the values"),
            ParameterKind::Integer => match v.parse::<i64>() {
                Err(_) => Some("must be an integer"),
                Ok(n) if d.min.is_some_and(|m| n < m) || d.max.is_some_and(|m| n > m) => Some("is out of range"),
                Ok(_) => None,
            },
        };
        if let Some(p) = problem {
            problems.push((d.name.clone(), p.to_owned()));
        }
    }
    problems
}

/// The length of a wire period: exactly one of `months` and `days`.
pub fn period_length(months: Option<i32>, days: Option<i32>) -> Result<PeriodLength, &'static str> {
    match (months, days) {
        (Some(m), None) => u32::try_from(m).map(PeriodLength::Months).map_err(|_| "months must be positive"),
        (None, Some(d)) => u32::try_from(d).map(PeriodLength::Days).map_err(|_| "days must be positive"),
        _ => Err("give either months or days"),
    }
}

pub fn billing_period(p: &PlanPeriod) -> Result<BillingPeriod, String> {
    Ok(BillingPeriod {
        length: period_length(p.months, p.days)?,
        setup_fee: p.setup_fee,
        recurring_fee: p.recurring_fee,
        renewal_fee: p.renewal_fee,
        trial_days: u32::try_from(p.trial_days.unwrap_or(0)).map_err(|_| "trial_days must not be negative")?,
        trial_waives_setup: p.trial_waives_setup.unwrap_or(false),
    })
}

pub fn unit_pricing(u: Option<&UnitPrice>) -> Result<UnitPricing, &'static str> {
    let Some(u) = u else { return Ok(UnitPricing::default()) };
    let tiers = || -> Result<Vec<Tier>, &'static str> {
        let tiers = u.tiers.as_ref().ok_or("volume and graduated prices need tiers")?;
        Ok(tiers
            .iter()
            .map(|t| Tier { up_to: t.up_to, unit_price: t.unit_price, flat_fee: t.flat_fee.unwrap_or_default() })
            .collect())
    };
    match u.model {
        PricingModel::Flat if u.tiers.is_some() => Err("a flat price has no tiers"),
        PricingModel::Flat => u.unit_price.map(UnitPricing::flat).ok_or("a flat price needs unit_price"),
        _ if u.unit_price.is_some() => Err("a tiered price gives its prices in tiers, not unit_price"),
        PricingModel::Volume => Ok(UnitPricing::Volume { tiers: tiers()? }),
        PricingModel::Graduated => Ok(UnitPricing::Graduated { tiers: tiers()? }),
    }
}

/// Checks a plan's periods; each length once.
pub fn check_periods(c: &mut Checks, periods: &[PlanPeriod]) -> Vec<BillingPeriod> {
    if periods.is_empty() || periods.len() > PERIODS_MAX {
        c.fail("periods", "invalid_length", format!("must list 1 to {PERIODS_MAX} periods, each with its prices"));
    }
    let mut out: Vec<BillingPeriod> = Vec::new();
    for (i, p) in periods.iter().enumerate() {
        let f = format!("periods[{i}]");
        match billing_period(p) {
            Err(why) => c.fail(&f, "invalid_period", why),
            Ok(bp) => match pricing::validate_period(&bp) {
                Err(e) => c.fail(&f, pricing_code(&e), e.to_string()),
                Ok(()) if out.iter().any(|o| o.length == bp.length) => {
                    c.fail(&f, "duplicate_period", "each period length may appear once")
                }
                Ok(()) => out.push(bp),
            },
        }
        if p.trial_days.is_some_and(|d| !(0..=365).contains(&d)) {
            c.fail(&format!("{f}.trial_days"), "out_of_range", "must be between 0 and 365");
        }
    }
    out
}

/// The plan's rates merged onto the template's resources: every template resource gets a
/// rate (the template's included amount and maximum unless the plan sets its own; no
/// price for additional units unless given).
pub fn resolve_rates(
    c: &mut Checks,
    template: &[TemplateResource],
    rates: &[PlanRate],
    name_of: impl Fn(&str) -> String,
) -> Vec<PlanRate> {
    for (i, r) in rates.iter().enumerate() {
        if !template.iter().any(|t| t.resource_type_id == r.resource_type_id) {
            c.fail(
                &format!("rates[{i}].resource_type_id"),
                "unknown_resource",
                "the plan's service template has no such resource type",
            );
        }
        if rates[..i].iter().any(|o| o.resource_type_id == r.resource_type_id) {
            c.fail(&format!("rates[{i}]"), "duplicate_resource", "each resource type may have one rate");
        }
    }
    let resolved: Vec<PlanRate> = template
        .iter()
        .map(|t| {
            let given = rates.iter().find(|r| r.resource_type_id == t.resource_type_id);
            PlanRate {
                resource_type_id: t.resource_type_id.clone(),
                included: Some(given.and_then(|g| g.included).unwrap_or(t.included)),
                maximum: given.and_then(|g| g.maximum).or(t.maximum),
                setup_fee: given.and_then(|g| g.setup_fee.clone()),
                recurring_fee: given.and_then(|g| g.recurring_fee.clone()),
                overage: given.and_then(|g| g.overage.clone()),
            }
        })
        .collect();
    for r in &resolved {
        let i = rates.iter().position(|g| g.resource_type_id == r.resource_type_id);
        let f = i.map_or_else(|| "rates".to_owned(), |i| format!("rates[{i}]"));
        match resource_rate(r, &name_of(&r.resource_type_id)) {
            Err(why) => c.fail(&f, "invalid_price", why),
            Ok(rate) => {
                if let Err(e) = pricing::validate_rate(&rate) {
                    c.fail(&f, pricing_code(&e), e.to_string());
                }
            }
        }
    }
    resolved
}

/// A stored rate in the pricing module's terms.
pub fn resource_rate(r: &PlanRate, name: &str) -> Result<ResourceRate, &'static str> {
    Ok(ResourceRate {
        resource: r.resource_type_id.clone(),
        name: name.to_owned(),
        included: r.included.unwrap_or_default(),
        maximum: r.maximum,
        setup_fee: unit_pricing(r.setup_fee.as_ref())?,
        recurring_fee: unit_pricing(r.recurring_fee.as_ref())?,
        overage: unit_pricing(r.overage.as_ref())?,
    })
}

/// Checks a label list (plan categories).
pub fn check_categories(c: &mut Checks, categories: &[String]) {
    if categories.len() > CATEGORIES_MAX {
        c.fail("categories", "invalid_length", format!("must list at most {CATEGORIES_MAX} categories"));
    }
    for cat in categories {
        c.text("categories", cat, 64);
    }
}

/// A coupon's terms in the pricing module's form.
pub fn discount(
    percent: Option<Decimal>,
    amount: Option<Decimal>,
    currency: Option<&str>,
    applies_to: DiscountAppliesTo,
    duration_periods: Option<i32>,
) -> Result<Discount, &'static str> {
    let value = match (percent, amount, currency) {
        (Some(p), None, None) => DiscountValue::Percent { percent: p },
        (None, Some(a), Some(cur)) => DiscountValue::Fixed { amount: a, currency: cur.to_owned() },
        (None, Some(_), None) => return Err("a fixed amount needs its currency"),
        _ => return Err("give percent, or amount with currency"),
    };
    let duration = match duration_periods {
        None => DiscountDuration::Forever,
        Some(n) => DiscountDuration::Periods(u32::try_from(n).map_err(|_| "duration_periods must be positive")?),
    };
    let applies_to = match applies_to {
        DiscountAppliesTo::Setup => DiscountTarget::Setup,
        DiscountAppliesTo::Recurring => DiscountTarget::Recurring,
        DiscountAppliesTo::SetupAndRecurring => DiscountTarget::SetupAndRecurring,
    };
    Ok(Discount { value, applies_to, duration })
}

/// Checks a new coupon's own fields (its plans are checked against the store).
pub fn check_coupon(c: &mut Checks, input: &CouponIn) {
    c.text("name", &input.name, NAME_MAX);
    if let Some(code) = &input.code {
        let ok =
            (3..=40).contains(&code.len()) && code.chars().all(|ch| ch.is_ascii_alphanumeric() || "-_".contains(ch));
        if !ok {
            c.fail("code", "invalid_format", "3 to 40 letters, digits, '-' or '_'");
        }
    }
    if let Some(cur) = &input.currency {
        check_currency(c, "currency", cur);
    }
    match discount(input.percent, input.amount, input.currency.as_deref(), input.applies_to, input.duration_periods) {
        Err(why) => c.fail("percent", "invalid_discount", why),
        Ok(d) => {
            let cur = input.currency.as_deref().unwrap_or("USD");
            if let Err(e) = pricing::validate_discount(&d, cur) {
                c.fail(if input.percent.is_some() { "percent" } else { "amount" }, pricing_code(&e), e.to_string());
            }
        }
    }
    if input.max_redemptions.is_some_and(|m| m < 1) {
        c.fail("max_redemptions", "out_of_range", "must be at least 1");
    }
    if let (Some(from), Some(until)) = (input.valid_from, input.valid_until) {
        if until <= from {
            c.fail("valid_until", "invalid_range", "must be after valid_from");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn period(months: Option<i32>, days: Option<i32>, setup: &str) -> PlanPeriod {
        PlanPeriod {
            months,
            days,
            setup_fee: d(setup),
            recurring_fee: d("10"),
            renewal_fee: None,
            trial_days: None,
            trial_waives_setup: None,
        }
    }

    #[test]
    fn periods_need_one_length_a_price_and_no_repeats() {
        let mut c = Checks::new();
        let ok = check_periods(&mut c, &[period(Some(1), None, "0"), period(None, Some(30), "5")]);
        assert_eq!(ok.len(), 2);
        assert!(c.finish().is_ok());
        let mut c = Checks::new();
        check_periods(
            &mut c,
            &[
                period(Some(1), Some(30), "0"),
                period(Some(2), None, "0"),
                period(Some(12), None, "-1"),
                period(Some(1), None, "0"),
                period(Some(1), None, "0"),
            ],
        );
        let codes: Vec<String> =
            c.finish().unwrap_err().into_iter().map(|e| format!("{} {}", e.field, e.code)).collect();
        assert_eq!(
            codes,
            [
                "periods[0] invalid_period",
                "periods[1] unsupported_period",
                "periods[2] negative_fee",
                "periods[4] duplicate_period"
            ]
        );
    }

    #[test]
    fn rates_merge_onto_the_template_and_refuse_strangers() {
        let template = [
            TemplateResource { resource_type_id: "rst_disk".into(), included: d("10"), maximum: Some(d("100")) },
            TemplateResource { resource_type_id: "rst_mail".into(), included: d("5"), maximum: None },
        ];
        let flat = |p: &str| Some(UnitPrice { model: PricingModel::Flat, unit_price: Some(d(p)), tiers: None });
        let rates = [PlanRate {
            resource_type_id: "rst_disk".into(),
            included: None,
            maximum: Some(d("50")),
            setup_fee: None,
            recurring_fee: flat("0.5"),
            overage: None,
        }];
        let mut c = Checks::new();
        let resolved = resolve_rates(&mut c, &template, &rates, |id| id.to_owned());
        assert!(c.finish().is_ok());
        assert_eq!(resolved.len(), 2);
        assert_eq!((resolved[0].included, resolved[0].maximum), (Some(d("10")), Some(d("50"))));
        assert_eq!(resolved[1].included, Some(d("5")));
        let mut stranger = rates[0].clone();
        stranger.resource_type_id = "rst_cpu".into();
        let mut c = Checks::new();
        resolve_rates(&mut c, &template, &[stranger], |id| id.to_owned());
        assert_eq!(c.finish().unwrap_err()[0].code, "unknown_resource");
        let mut bad = rates[0].clone();
        bad.recurring_fee = Some(UnitPrice { model: PricingModel::Graduated, unit_price: Some(d("1")), tiers: None });
        let mut c = Checks::new();
        resolve_rates(&mut c, &template, &[bad], |id| id.to_owned());
        assert_eq!(c.finish().unwrap_err()[0].code, "invalid_price");
    }

    #[test]
    fn parameter_values_follow_their_definitions() {
        let p = |name: &str, kind, required| OrderParameter {
            name: name.into(),
            label: name.into(),
            kind,
            required,
            values: (kind == ParameterKind::Enum).then(|| vec!["debian".into(), "alma".into()]),
            min: Some(1),
            max: Some(8),
            max_length: Some(5),
        };
        let defs = [
            p("domain", ParameterKind::DomainName, true),
            p("os", ParameterKind::Enum, true),
            p("cpus", ParameterKind::Integer, false),
            p("note", ParameterKind::String, false),
        ];
        let values = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
        };
        assert!(check_parameter_values(&defs, &values(&[("domain", "example.com"), ("os", "alma")])).is_empty());
        let problems = check_parameter_values(
            &defs,
            &values(&[("domain", "not a domain"), ("cpus", "9"), ("note", "toolong"), ("x", "1")]),
        );
        let names: Vec<&str> = problems.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["x", "domain", "os", "cpus", "note"]);
    }

    #[test]
    fn discounts_take_percent_or_amount_with_currency() {
        let ok = discount(Some(d("10")), None, None, DiscountAppliesTo::Recurring, Some(3)).unwrap();
        assert_eq!(ok.duration, DiscountDuration::Periods(3));
        assert!(discount(None, Some(d("5")), None, DiscountAppliesTo::Setup, None).is_err());
        assert!(discount(Some(d("5")), Some(d("5")), Some("EUR"), DiscountAppliesTo::Setup, None).is_err());
        assert!(discount(Some(d("5")), None, None, DiscountAppliesTo::Setup, Some(-1)).is_err());
    }

    #[test]
    fn host_names() {
        assert!(is_host_name("shop.example.com"));
        assert!(!is_host_name("localhost"));
        assert!(!is_host_name("Shop.example.com"));
        assert!(!is_host_name("-a.example.com"));
    }
}
