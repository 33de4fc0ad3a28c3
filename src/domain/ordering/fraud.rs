//! Fraud screening: each rule of the customer's lineage that matches the order adds its
//! score, with a reason. The service loads the facts; the scoring is here.

use rust_decimal::Decimal;
use stratum_api::ordering::fraud_rule::{FraudRuleIn, FraudRuleKind};

use crate::catalog::rules::{check_currency, is_host_name};
use crate::validation::Checks;

/// What a rule looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// The order's total is above `amount` in `currency` (orders in other currencies pass).
    TotalAbove { amount: Decimal, currency: String },
    /// The customer placed more than `count` orders (this one included) in `hours`.
    OrderVelocity { count: i64, hours: i64 },
    /// The customer's e-mail address is at one of `domains`.
    EmailDomain { domains: Vec<String> },
    /// The customer account is younger than `days`.
    CustomerAge { days: i64 },
    /// The country of the order's IP differs from the customer's address country.
    IpCountryMismatch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub score: i64,
    pub check: Check,
}

/// What screening knows of an order and its customer.
#[derive(Debug, Clone, Default)]
pub struct ScreenFacts {
    pub total: Decimal,
    pub currency: String,
    /// The customer's orders in the last `hours`, per velocity rule window.
    pub orders_within: Vec<(i64, i64)>,
    pub email: Option<String>,
    pub customer_age_days: i64,
    pub customer_country: Option<String>,
    pub ip_country: Option<String>,
}

/// One matching rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub rule_id: String,
    pub score: i64,
    pub reason: String,
}

fn matches(check: &Check, f: &ScreenFacts) -> Option<String> {
    match check {
        Check::TotalAbove { amount, currency } => (f.currency == *currency && f.total > *amount)
            .then(|| format!("the total {} {} is above {amount} {currency}", f.total, f.currency)),
        Check::OrderVelocity { count, hours } => {
            let n = f.orders_within.iter().find(|(h, _)| h == hours).map_or(0, |(_, n)| *n);
            (n > *count).then(|| format!("{n} orders in {hours} hours, more than {count}"))
        }
        Check::EmailDomain { domains } => {
            let domain = f.email.as_deref()?.rsplit_once('@')?.1.to_ascii_lowercase();
            domains
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&domain))
                .then(|| format!("the e-mail domain {domain} is on the list"))
        }
        Check::CustomerAge { days } => (f.customer_age_days < *days)
            .then(|| format!("the customer is {} days old, younger than {days}", f.customer_age_days)),
        Check::IpCountryMismatch => {
            let (ip, home) = (f.ip_country.as_deref()?, f.customer_country.as_deref()?);
            (!ip.eq_ignore_ascii_case(home)).then(|| format!("the order comes from {ip}, the customer lives in {home}"))
        }
    }
}

/// The matching rules and the order's score (their sum).
pub fn screen(rules: &[Rule], facts: &ScreenFacts) -> (i64, Vec<Hit>) {
    let hits: Vec<Hit> = rules
        .iter()
        .filter_map(|r| matches(&r.check, facts).map(|reason| Hit { rule_id: r.id.clone(), score: r.score, reason }))
        .collect();
    (hits.iter().map(|h| h.score).sum(), hits)
}

/// The check a rule's fields describe, or the field errors of what its kind needs.
pub fn check_of(c: &mut Checks, input: &FraudRuleIn) -> Option<Check> {
    let need = |c: &mut Checks, field: &str| c.fail(field, "required", "this kind of rule needs it");
    let positive = |c: &mut Checks, field: &str, v: Option<i32>, max: i32| match v {
        Some(n) if (1..=max).contains(&n) => Some(i64::from(n)),
        Some(_) => {
            c.fail(field, "out_of_range", format!("1 to {max}"));
            None
        }
        None => {
            need(c, field);
            None
        }
    };
    if !(1..=1000).contains(&input.score) {
        c.fail("score", "out_of_range", "1 to 1000");
    }
    match input.kind {
        FraudRuleKind::TotalAbove => {
            let (a, cur) = (input.amount, input.currency.clone());
            match a {
                None => need(c, "amount"),
                Some(a)
                    if a.is_sign_negative() || a.scale() > 8 || a.trunc() >= Decimal::from(1_000_000_000_000_i64) =>
                {
                    c.fail("amount", "out_of_range", "0 or more, at most 12 digits and 8 decimals")
                }
                Some(_) => {}
            }
            match &cur {
                None => need(c, "currency"),
                Some(code) => check_currency(c, "currency", code),
            }
            Some(Check::TotalAbove { amount: a?, currency: cur? })
        }
        FraudRuleKind::OrderVelocity => {
            let count = positive(c, "count", input.count, i32::MAX);
            let hours = positive(c, "hours", input.hours, 8760);
            Some(Check::OrderVelocity { count: count?, hours: hours? })
        }
        FraudRuleKind::EmailDomain => {
            if input.domains.is_empty() {
                c.fail("domains", "required", "at least one domain");
                return None;
            }
            if input.domains.len() > 100 {
                c.fail("domains", "invalid_length", "at most 100 domains");
            }
            for (i, d) in input.domains.iter().enumerate() {
                if !is_host_name(d) {
                    c.fail(&format!("domains[{i}]"), "invalid_format", "a domain name (mailinator.com)");
                }
            }
            Some(Check::EmailDomain { domains: input.domains.iter().map(|d| d.to_ascii_lowercase()).collect() })
        }
        FraudRuleKind::CustomerAge => Some(Check::CustomerAge { days: positive(c, "days", input.days, 36_500)? }),
        FraudRuleKind::IpCountryMismatch => Some(Check::IpCountryMismatch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(score: i64, check: Check) -> Rule {
        Rule { id: format!("frr_{score}"), name: "r".into(), score, check }
    }

    #[test]
    fn matching_rules_add_their_scores() {
        let facts = ScreenFacts {
            total: Decimal::new(20020, 2),
            currency: "USD".into(),
            orders_within: vec![(24, 3)],
            email: Some("a@Mailinator.com".into()),
            customer_age_days: 2,
            customer_country: Some("DE".into()),
            ip_country: Some("us".into()),
        };
        let rules = [
            rule(10, Check::TotalAbove { amount: Decimal::new(20000, 2), currency: "USD".into() }),
            rule(1, Check::TotalAbove { amount: Decimal::new(20020, 2), currency: "USD".into() }),
            rule(2, Check::TotalAbove { amount: Decimal::ZERO, currency: "EUR".into() }),
            rule(20, Check::OrderVelocity { count: 2, hours: 24 }),
            rule(3, Check::OrderVelocity { count: 3, hours: 24 }),
            rule(30, Check::EmailDomain { domains: vec!["mailinator.com".into()] }),
            rule(40, Check::CustomerAge { days: 7 }),
            rule(4, Check::CustomerAge { days: 2 }),
            rule(50, Check::IpCountryMismatch),
        ];
        let (score, hits) = screen(&rules, &facts);
        // 10 (200.20 > 200.00) + 20 (3 orders > 2) + 30 + 40 (2 days < 7) + 50 (US ≠ DE) = 150.
        assert_eq!(score, 150);
        assert_eq!(hits.iter().map(|h| h.score).collect::<Vec<_>>(), [10, 20, 30, 40, 50]);
        let none = ScreenFacts { customer_age_days: 100, ..ScreenFacts::default() };
        assert_eq!(screen(&rules, &none).0, 0);
    }
}
