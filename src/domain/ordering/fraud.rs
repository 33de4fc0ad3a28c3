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
    /// A screening service scores the order (called through the script action); never
    /// matched here, since its answer comes from outside.
    External { script_action_id: String },
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
        Check::External { .. } => None,
    }
}

/// Most characters of a screening service's reason kept on the order.
pub const EXTERNAL_REASON_MAX: usize = 500;

/// What a screening service's call adds to the score: its answer's `score` (0 to 1000,
/// with its `reason`) when it answered 2xx with such a JSON object; else the rule's own
/// `fallback` score, with why (a service that cannot screen does not let orders through
/// unscored). `answer` is the status and body, or `Err` with why there was none.
pub fn external_hit(rule_id: &str, fallback: i64, answer: Result<(u16, &str), &str>) -> Option<Hit> {
    let failed = |why: String| Hit {
        rule_id: rule_id.to_owned(),
        score: fallback,
        reason: format!("the screening service gave no score ({why})"),
    };
    let (status, body) = match answer {
        Err(why) => return Some(failed(why.to_owned())),
        Ok(a) => a,
    };
    if !(200..300).contains(&status) {
        return Some(failed(format!("it answered {status}")));
    }
    let v: serde_json::Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(_) => return Some(failed("its answer is not JSON".into())),
    };
    let Some(score) = v["score"].as_i64().filter(|s| (0..=1000).contains(s)) else {
        return Some(failed("its answer has no `score` from 0 to 1000".into()));
    };
    if score == 0 {
        return None;
    }
    let reason = v["reason"].as_str().map(str::trim).filter(|r| !r.is_empty()).map_or_else(
        || format!("the screening service scored {score}"),
        |r| r.chars().take(EXTERNAL_REASON_MAX).collect(),
    );
    Some(Hit { rule_id: rule_id.to_owned(), score, reason })
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
        FraudRuleKind::ExternalScreening => match input.script_action_id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => Some(Check::External { script_action_id: id.to_owned() }),
            _ => {
                need(c, "script_action_id");
                None
            }
        },
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
        let external = [rule(60, Check::External { script_action_id: "sca_1".into() })];
        assert_eq!(screen(&external, &facts), (0, vec![]), "an external rule never matches locally");
    }

    #[test]
    fn a_screening_answer_is_its_score_or_the_rules_fallback() {
        let hit = |answer| external_hit("frr_x", 40, answer).map(|h| (h.score, h.reason));
        assert_eq!(hit(Ok((200, r#"{"score": 70, "reason": " proxy IP "}"#))), Some((70, "proxy IP".into())));
        assert_eq!(hit(Ok((202, r#"{"score": 5}"#))), Some((5, "the screening service scored 5".into())));
        assert_eq!(hit(Ok((200, r#"{"score": 0, "reason": "clean"}"#))), None, "a zero adds nothing");
        assert_eq!(hit(Ok((200, r#"{"score": 1000}"#))).map(|h| h.0), Some(1000));
        let fallback = |answer, why: &str| {
            assert_eq!(hit(answer), Some((40, format!("the screening service gave no score ({why})"))));
        };
        fallback(Ok((500, r#"{"score": 1}"#)), "it answered 500");
        fallback(Ok((200, "ok")), "its answer is not JSON");
        fallback(Ok((200, r#"{"score": 1001}"#)), "its answer has no `score` from 0 to 1000");
        fallback(Ok((200, r#"{"score": -1}"#)), "its answer has no `score` from 0 to 1000");
        fallback(Ok((200, r#"{"score": "70"}"#)), "its answer has no `score` from 0 to 1000");
        fallback(Ok((200, r#"[70]"#)), "its answer has no `score` from 0 to 1000");
        fallback(Err("no answer within 5 s"), "no answer within 5 s");
        let long = format!(r#"{{"score": 1, "reason": "{}"}}"#, "é".repeat(600));
        assert_eq!(hit(Ok((200, &long))).map(|h| h.1.chars().count()), Some(EXTERNAL_REASON_MAX));
    }
}
