//! Workflows as data: named steps, each `automatic` (an action of the registry),
//! `manual` (waits for `OrderApprove` / `OrderReject`) or `decision` (a condition on the
//! order's facts), with a transition per outcome, ending in `completed` or `rejected`.
//! An order keeps a copy of its workflow from the moment it is placed.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The end an order reaches through a `notify` step.
pub const COMPLETED: &str = "completed";
pub const REJECTED: &str = "rejected";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Automatic,
    Manual,
    Decision,
}

/// The registry of automatic actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scores the order by the fraud rules of the customer's lineage.
    FraudScreen,
    /// Marks the order suspect (`order.fraud_check.flagged`).
    MarkSuspect,
    /// Records that screening accepted the order (`order.fraud_check.passed`).
    MarkPassed,
    /// Redeems the coupon and creates one subscription per line: outcome `done`, or
    /// `refused` when the coupon is used up.
    Activate,
    /// Ends the order (`completed` or `rejected`, as its transition says) and raises
    /// `order.completed` / `order.rejected`, which the customer's notifications follow.
    Notify,
}

impl Action {
    pub fn outcomes(self) -> &'static [&'static str] {
        match self {
            Action::Activate => &["done", "refused"],
            _ => &["done"],
        }
    }
}

/// A fact about an order that a decision reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    FraudScore,
    Total,
    CustomerAgeDays,
    /// The order's currency code (`USD`).
    Currency,
    /// The seller's account id.
    Seller,
    /// The country code of the customer's address (`DE`).
    CustomerCountry,
    /// The order type (`sales`).
    OrderType,
}

impl Fact {
    /// A fact compared as text (`eq` one of `values`, or `in` them), not as a number.
    pub fn is_text(self) -> bool {
        matches!(self, Fact::Currency | Fact::Seller | Fact::CustomerCountry | Fact::OrderType)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    /// A text fact is one of `values`.
    In,
}

/// A structured condition: `fact op value` (a number fact) or `fact eq|in values` (a text
/// fact); outcome `yes` when it holds, else `no`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub fact: Fact,
    pub op: Comparison,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// What a decision knows of an order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub fraud_score: i64,
    pub total: Decimal,
    pub customer_age_days: i64,
    pub currency: String,
    pub seller_id: String,
    pub customer_country: Option<String>,
    pub order_type: String,
}

impl Condition {
    pub fn holds(&self, f: &Facts) -> bool {
        let text = match self.fact {
            Fact::Currency => Some(Some(f.currency.as_str())),
            Fact::Seller => Some(Some(f.seller_id.as_str())),
            Fact::CustomerCountry => Some(f.customer_country.as_deref()),
            Fact::OrderType => Some(Some(f.order_type.as_str())),
            _ => None,
        };
        if let Some(t) = text {
            // A customer without an address is in no country.
            return t.is_some_and(|t| self.values.iter().any(|v| v.eq_ignore_ascii_case(t)));
        }
        let v = match self.fact {
            Fact::FraudScore => Decimal::from(f.fraud_score),
            Fact::Total => f.total,
            _ => Decimal::from(f.customer_age_days),
        };
        let Some(value) = self.value else { return false };
        match self.op {
            Comparison::Ge => v >= value,
            Comparison::Gt => v > value,
            Comparison::Le => v <= value,
            Comparison::Lt => v < value,
            Comparison::Eq => v == value,
            Comparison::In => false,
        }
    }

    /// What cannot be evaluated, as (`field` under the condition, code, message).
    pub fn problems(&self) -> Vec<(&'static str, &'static str, String)> {
        let mut out = Vec::new();
        if self.fact.is_text() {
            if !matches!(self.op, Comparison::Eq | Comparison::In) {
                out.push(("op", "invalid_value", "a text fact compares with `eq` or `in`".into()));
            }
            if self.value.is_some() {
                out.push(("value", "not_allowed", "a text fact compares with `values`".into()));
            }
            match (self.op, self.values.len()) {
                (_, 0) => out.push(("values", "required", "at least one value".into())),
                (Comparison::Eq, n) if n > 1 => out.push(("values", "invalid_length", "`eq` takes one value".into())),
                (_, n) if n > 100 => out.push(("values", "invalid_length", "at most 100 values".into())),
                _ => {}
            }
            let ok = |v: &str| match self.fact {
                Fact::Currency => v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase()),
                Fact::CustomerCountry => v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase()),
                Fact::OrderType => v == "sales",
                _ => !v.is_empty() && v.chars().count() <= 64,
            };
            if let Some(bad) = self.values.iter().find(|v| !ok(v)) {
                let want = match self.fact {
                    Fact::Currency => "a currency code (USD)",
                    Fact::CustomerCountry => "a country code (DE)",
                    Fact::OrderType => "an order type (sales)",
                    _ => "an account id",
                };
                out.push(("values", "invalid_format", format!("{bad:?} is not {want}")));
            }
        } else {
            if self.op == Comparison::In {
                out.push(("op", "invalid_value", "a number fact compares with ge, gt, le, lt or eq".into()));
            }
            if self.value.is_none() {
                out.push(("value", "required", "a number fact compares with `value`".into()));
            }
            if !self.values.is_empty() {
                out.push(("values", "not_allowed", "a number fact compares with `value`".into()));
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub name: String,
    pub kind: StepKind,
    /// For an automatic step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// For a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Outcome → the next step's name, or `completed` / `rejected`.
    pub on: BTreeMap<String, String>,
    /// For a manual step: after this many hours on the clock without a decision, the
    /// order moves on as if decided `timeout_outcome`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_hours: Option<i32>,
    /// `approved` or `rejected`, with `timeout_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_outcome: Option<String>,
}

impl Step {
    /// The outcomes the step can have, each of which needs a transition.
    pub fn outcomes(&self) -> &'static [&'static str] {
        match (self.kind, self.action) {
            (StepKind::Automatic, Some(a)) => a.outcomes(),
            (StepKind::Automatic, None) => &[],
            (StepKind::Manual, _) => &["approved", "rejected"],
            (StepKind::Decision, _) => &["yes", "no"],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    pub name: String,
    /// The first step's name.
    pub start: String,
    pub steps: Vec<Step>,
}

/// Where a transition leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Step(&'a Step),
    Completed,
    Rejected,
}

impl Workflow {
    pub fn step(&self, name: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.name == name)
    }

    /// Where `outcome` of step `from` leads; `None` for a step or outcome the workflow
    /// does not have (never, for a validated workflow).
    pub fn next(&self, from: &str, outcome: &str) -> Option<Target<'_>> {
        let to = self.step(from)?.on.get(outcome)?;
        match to.as_str() {
            COMPLETED => Some(Target::Completed),
            REJECTED => Some(Target::Rejected),
            name => self.step(name).map(Target::Step),
        }
    }
}

/// One step an order went through, as the order keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRecord {
    pub name: String,
    pub kind: StepKind,
    #[serde(default)]
    pub outcome: Option<String>,
    pub started_at: DateTime<Utc>,
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub attempts: i32,
    #[serde(default)]
    pub comment: Option<String>,
}

impl StepRecord {
    pub fn started(step: &Step, at: DateTime<Utc>) -> StepRecord {
        StepRecord {
            name: step.name.clone(),
            kind: step.kind,
            outcome: None,
            started_at: at,
            finished_at: None,
            error: None,
            attempts: 0,
            comment: None,
        }
    }

    /// Still open: running, waiting or failed (not finished with an outcome).
    pub fn is_open(&self) -> bool {
        self.finished_at.is_none()
    }
}

fn is_end(name: &str) -> bool {
    name == COMPLETED || name == REJECTED
}

/// The built-in sales workflow: screening; a suspect order waits for a person; then the
/// activation and the customer's notice.
pub fn default_sales() -> Workflow {
    fn step(name: &str, kind: StepKind, action: Option<Action>, on: &[(&str, &str)]) -> Step {
        Step {
            name: name.into(),
            kind,
            action,
            condition: None,
            on: on.iter().map(|(o, t)| ((*o).to_owned(), (*t).to_owned())).collect(),
            timeout_hours: None,
            timeout_outcome: None,
        }
    }
    use Action::*;
    use StepKind::*;
    let mut decision = step("screening_decision", Decision, None, &[("yes", "mark_suspect"), ("no", "mark_passed")]);
    decision.condition = Some(Condition {
        fact: Fact::FraudScore,
        op: Comparison::Ge,
        value: Some(Decimal::from(50)),
        values: Vec::new(),
    });
    Workflow {
        name: "default sales".into(),
        start: "fraud_screen".into(),
        steps: vec![
            step("fraud_screen", Automatic, Some(FraudScreen), &[("done", "screening_decision")]),
            decision,
            step("mark_suspect", Automatic, Some(MarkSuspect), &[("done", "approval")]),
            step("mark_passed", Automatic, Some(MarkPassed), &[("done", "activate")]),
            step("approval", Manual, None, &[("approved", "activate"), ("rejected", "notify_rejected")]),
            step(
                "activate",
                Automatic,
                Some(Activate),
                &[("done", "notify_completed"), ("refused", "notify_rejected")],
            ),
            step("notify_completed", Automatic, Some(Notify), &[("done", COMPLETED)]),
            step("notify_rejected", Automatic, Some(Notify), &[("done", REJECTED)]),
        ],
    }
}

/// Checks a workflow: unique step names, each step's action or condition as its kind needs,
/// a transition for every outcome and none other, every target a step or an end, only
/// `notify` steps (and all of them) leading to an end, every step reachable from the start,
/// an end reachable from every step, and no cycle without a manual step. Each problem as
/// (`field`, `code`, message).
pub fn validate(w: &Workflow) -> Vec<(String, &'static str, String)> {
    let mut errs = Vec::new();
    macro_rules! fail {
        ($f:expr, $c:expr, $m:expr) => {
            errs.push(($f, $c, $m))
        };
    }
    if w.steps.is_empty() {
        fail!("steps".into(), "invalid_length", "a workflow has at least one step".into());
    }
    let mut names = BTreeSet::new();
    for (i, s) in w.steps.iter().enumerate() {
        let f = |k: &str| format!("steps[{i}].{k}");
        if s.name.is_empty() || s.name.chars().count() > 64 || is_end(&s.name) {
            fail!(f("name"), "invalid_name", "1 to 64 characters, not `completed` or `rejected`".into());
        }
        if !names.insert(s.name.as_str()) {
            fail!(f("name"), "duplicate", format!("step {} is defined twice", s.name));
        }
        match (s.kind, s.action.is_some(), s.condition.is_some()) {
            (StepKind::Automatic, true, false)
            | (StepKind::Decision, false, true)
            | (StepKind::Manual, false, false) => {}
            _ => fail!(
                f("kind"),
                "invalid_step",
                "an automatic step has an action, a decision a condition, a manual step neither".into()
            ),
        }
        match (s.kind, s.timeout_hours, s.timeout_outcome.as_deref()) {
            (_, None, None) => {}
            (StepKind::Manual, Some(h), Some("approved" | "rejected")) if (1..=8760).contains(&h) => {}
            (StepKind::Manual, Some(_), Some("approved" | "rejected")) => {
                fail!(f("timeout_hours"), "out_of_range", "1 to 8760 hours".into())
            }
            (StepKind::Manual, Some(_), Some(_)) => {
                fail!(f("timeout_outcome"), "invalid_value", "`approved` or `rejected`".into())
            }
            (StepKind::Manual, None, _) => {
                fail!(f("timeout_hours"), "required", "a timeout outcome needs its hours".into())
            }
            (StepKind::Manual, _, None) => {
                fail!(f("timeout_outcome"), "required", "a timeout needs its outcome".into())
            }
            _ => fail!(f("timeout_hours"), "invalid_step", "only a manual step times out".into()),
        }
        for (k, code, m) in s.condition.iter().flat_map(Condition::problems) {
            fail!(f(&format!("condition.{k}")), code, m);
        }
        let outcomes = s.outcomes();
        for o in outcomes {
            if !s.on.contains_key(*o) {
                fail!(f(&format!("on.{o}")), "missing_transition", format!("no transition for outcome `{o}`"));
            }
        }
        let notify = s.action == Some(Action::Notify);
        for (o, to) in &s.on {
            if !outcomes.contains(&o.as_str()) {
                fail!(f(&format!("on.{o}")), "unknown_outcome", format!("step {} has no outcome `{o}`", s.name));
            }
            if is_end(to) != notify {
                let why = if notify {
                    "a notify step leads to `completed` or `rejected`"
                } else {
                    "only a notify step ends the order"
                };
                fail!(f("on"), "invalid_transition", why.into());
            } else if !is_end(to) && w.step(to).is_none() {
                fail!(f("on"), "unknown_step", format!("no step {to}"));
            }
        }
    }
    if w.step(&w.start).is_none() {
        fail!("start".into(), "unknown_step", format!("no step {}", w.start));
        return errs;
    }
    if !errs.is_empty() {
        return errs;
    }
    let targets = |s: &Step| s.on.values().filter(|t| !is_end(t)).cloned().collect::<Vec<_>>();
    // Reachable from the start.
    let mut seen = BTreeSet::from([w.start.clone()]);
    let mut todo = vec![w.start.clone()];
    while let Some(n) = todo.pop() {
        for t in w.step(&n).map(targets).unwrap_or_default() {
            if seen.insert(t.clone()) {
                todo.push(t);
            }
        }
    }
    for (i, s) in w.steps.iter().enumerate() {
        if !seen.contains(&s.name) {
            fail!(format!("steps[{i}].name"), "unreachable", format!("step {} is never reached", s.name));
        }
    }
    // An end reachable from every step: steps that reach one, grown to a fixed point.
    let mut ending: BTreeSet<&str> = BTreeSet::new();
    loop {
        let before = ending.len();
        for s in &w.steps {
            if s.on.values().any(|t| is_end(t) || ending.contains(t.as_str())) {
                ending.insert(&s.name);
            }
        }
        if ending.len() == before {
            break;
        }
    }
    for (i, s) in w.steps.iter().enumerate() {
        if !ending.contains(s.name.as_str()) {
            fail!(format!("steps[{i}].on"), "no_end", format!("step {} never reaches completed or rejected", s.name));
        }
    }
    // No cycle among the steps that run by themselves (manual steps wait for a person).
    let auto: Vec<&Step> = w.steps.iter().filter(|s| s.kind != StepKind::Manual).collect();
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    fn visit<'a>(w: &'a Workflow, n: &'a str, state: &mut BTreeMap<&'a str, u8>) -> bool {
        match state.get(n) {
            Some(1) => return true,
            Some(_) => return false,
            None => {}
        }
        state.insert(n, 1);
        if let Some(s) = w.step(n).filter(|s| s.kind != StepKind::Manual) {
            for t in s.on.values().filter(|t| !is_end(t)) {
                if visit(w, t, state) {
                    return true;
                }
            }
        }
        state.insert(n, 2);
        false
    }
    for s in auto {
        if visit(w, &s.name, &mut state) {
            fail!("steps".into(), "cycle", format!("a cycle through {} has no manual step", s.name));
            break;
        }
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(w: &Workflow) -> Vec<&'static str> {
        validate(w).into_iter().map(|(_, c, _)| c).collect()
    }

    #[test]
    fn the_default_sales_workflow_is_valid() {
        assert_eq!(codes(&default_sales()), Vec::<&str>::new());
        let w = default_sales();
        assert_eq!(
            w.next("fraud_screen", "done").map(|t| matches!(t, Target::Step(s) if s.name == "screening_decision")),
            Some(true)
        );
        assert_eq!(w.next("notify_completed", "done"), Some(Target::Completed));
        assert_eq!(w.next("notify_rejected", "done"), Some(Target::Rejected));
        assert_eq!(w.next("approval", "maybe"), None);
    }

    #[test]
    fn every_outcome_needs_a_transition_and_every_target_a_step() {
        let mut w = default_sales();
        w.steps[4].on.remove("rejected");
        assert_eq!(codes(&w), ["missing_transition"]);
        let mut w = default_sales();
        w.steps[4].on.insert("maybe".into(), "activate".into());
        assert_eq!(codes(&w), ["unknown_outcome"]);
        let mut w = default_sales();
        w.steps[0].on.insert("done".into(), "nowhere".into());
        assert_eq!(codes(&w), ["unknown_step"]);
        let mut w = default_sales();
        w.start = "nowhere".into();
        assert_eq!(codes(&w), ["unknown_step"]);
    }

    #[test]
    fn only_notify_ends_and_every_step_is_reachable() {
        let mut w = default_sales();
        w.steps[4].on.insert("rejected".into(), REJECTED.into());
        // notify_rejected is still reached from activate; the manual step may not end.
        assert_eq!(codes(&w), ["invalid_transition"]);
        let mut w = default_sales();
        w.steps[3].on.insert("done".into(), "approval".into());
        // mark_passed → approval is fine; nothing lost.
        assert_eq!(codes(&w), Vec::<&str>::new());
        let mut w = default_sales();
        w.start = "mark_passed".into();
        assert_eq!(codes(&w), ["unreachable", "unreachable", "unreachable", "unreachable"]);
    }

    #[test]
    fn decisions_read_number_and_text_facts() {
        let f = Facts {
            fraud_score: 50,
            total: Decimal::new(10001, 2),
            customer_age_days: 366,
            currency: "USD".into(),
            seller_id: "acc_r".into(),
            customer_country: Some("DE".into()),
            order_type: "sales".into(),
        };
        let num = |fact, op, v: i64, scale| Condition { fact, op, value: Some(Decimal::new(v, scale)), values: vec![] };
        let text = |fact, op, vs: &[&str]| Condition {
            fact,
            op,
            value: None,
            values: vs.iter().map(|v| (*v).to_owned()).collect(),
        };
        // 100.01 > 100.00; 366 > 365; 50 ≥ 50 but not > 50.
        assert!(num(Fact::Total, Comparison::Gt, 10000, 2).holds(&f));
        assert!(!num(Fact::Total, Comparison::Le, 10000, 2).holds(&f));
        assert!(num(Fact::CustomerAgeDays, Comparison::Gt, 365, 0).holds(&f));
        assert!(num(Fact::FraudScore, Comparison::Ge, 50, 0).holds(&f));
        assert!(!num(Fact::FraudScore, Comparison::Gt, 50, 0).holds(&f));
        assert!(text(Fact::Currency, Comparison::Eq, &["USD"]).holds(&f));
        assert!(!text(Fact::Currency, Comparison::Eq, &["EUR"]).holds(&f));
        assert!(text(Fact::CustomerCountry, Comparison::In, &["AT", "DE"]).holds(&f));
        assert!(!text(Fact::CustomerCountry, Comparison::In, &["AT"]).holds(&f));
        assert!(text(Fact::Seller, Comparison::Eq, &["acc_r"]).holds(&f));
        assert!(text(Fact::OrderType, Comparison::In, &["sales"]).holds(&f));
        let homeless = Facts { customer_country: None, ..f.clone() };
        assert!(!text(Fact::CustomerCountry, Comparison::In, &["DE"]).holds(&homeless));
        // What cannot be evaluated is refused at save time.
        let codes = |c: Condition| c.problems().into_iter().map(|(k, c, _)| (k, c)).collect::<Vec<_>>();
        assert_eq!(codes(text(Fact::Currency, Comparison::Gt, &["USD"])), [("op", "invalid_value")]);
        assert_eq!(codes(text(Fact::Currency, Comparison::Eq, &["dollars"])), [("values", "invalid_format")]);
        assert_eq!(codes(text(Fact::Currency, Comparison::Eq, &["USD", "EUR"])), [("values", "invalid_length")]);
        assert_eq!(codes(text(Fact::CustomerCountry, Comparison::In, &[])), [("values", "required")]);
        assert_eq!(codes(text(Fact::OrderType, Comparison::Eq, &["renewal"])), [("values", "invalid_format")]);
        assert_eq!(codes(num(Fact::Total, Comparison::In, 1, 0)), [("op", "invalid_value")]);
        assert_eq!(
            codes(text(Fact::Total, Comparison::Gt, &["1"])),
            [("value", "required"), ("values", "not_allowed")]
        );
        let mut w = default_sales();
        w.steps[1].condition = Some(text(Fact::Currency, Comparison::Gt, &["USD"]));
        assert_eq!(
            validate(&w).into_iter().map(|(f, c, _)| (f, c)).collect::<Vec<_>>(),
            [("steps[1].condition.op".to_owned(), "invalid_value")]
        );
    }

    #[test]
    fn only_a_manual_step_times_out_to_approved_or_rejected() {
        let mut w = default_sales();
        w.steps[4].timeout_hours = Some(48);
        w.steps[4].timeout_outcome = Some("approved".into());
        assert_eq!(codes(&w), Vec::<&str>::new());
        w.steps[4].timeout_outcome = Some("maybe".into());
        assert_eq!(codes(&w), ["invalid_value"]);
        w.steps[4].timeout_outcome = None;
        assert_eq!(codes(&w), ["required"]);
        w.steps[4].timeout_hours = Some(0);
        w.steps[4].timeout_outcome = Some("rejected".into());
        assert_eq!(codes(&w), ["out_of_range"]);
        let mut w = default_sales();
        w.steps[0].timeout_hours = Some(1);
        w.steps[0].timeout_outcome = Some("approved".into());
        assert_eq!(codes(&w), ["invalid_step"]);
    }

    #[test]
    fn a_cycle_needs_a_manual_step() {
        let mut w = default_sales();
        // mark_passed → fraud_screen → decision → mark_passed: runs by itself forever.
        w.steps[3].on.insert("done".into(), "fraud_screen".into());
        assert!(codes(&w).contains(&"cycle"), "{:?}", codes(&w));
        let mut w = default_sales();
        // approval → rejected goes back to screening: a person decides each round.
        w.steps[4].on.insert("rejected".into(), "fraud_screen".into());
        assert!(!codes(&w).contains(&"cycle"), "{:?}", codes(&w));
    }

    #[test]
    fn a_step_has_what_its_kind_needs_and_a_way_to_an_end() {
        let mut w = default_sales();
        w.steps[4].action = Some(Action::Activate);
        assert!(codes(&w).contains(&"invalid_step"));
        let mut w = default_sales();
        w.steps[0].name = COMPLETED.into();
        assert!(codes(&w).contains(&"invalid_name"));
        // Two manual steps that only send the order to each other never end.
        let mut w = default_sales();
        let manual = |name: &str, other: &str| Step {
            name: name.into(),
            kind: StepKind::Manual,
            action: None,
            condition: None,
            on: [("approved".to_owned(), other.to_owned()), ("rejected".to_owned(), other.to_owned())].into(),
            timeout_hours: None,
            timeout_outcome: None,
        };
        w.steps[3].on.insert("done".into(), "loop_a".into());
        w.steps.push(manual("loop_a", "loop_b"));
        w.steps.push(manual("loop_b", "loop_a"));
        assert_eq!(codes(&w), ["no_end", "no_end", "no_end"]);
    }

    #[test]
    fn conditions_compare_facts() {
        let c =
            Condition { fact: Fact::FraudScore, op: Comparison::Ge, value: Some(Decimal::from(50)), values: vec![] };
        assert!(c.holds(&Facts { fraud_score: 50, ..Facts::default() }));
        assert!(!c.holds(&Facts { fraud_score: 49, ..Facts::default() }));
        let t =
            Condition { fact: Fact::Total, op: Comparison::Gt, value: Some(Decimal::new(10000, 2)), values: vec![] };
        assert!(t.holds(&Facts { total: Decimal::new(10001, 2), ..Facts::default() }));
        assert!(!t.holds(&Facts { total: Decimal::new(10000, 2), ..Facts::default() }));
        let a = Condition {
            fact: Fact::CustomerAgeDays,
            op: Comparison::Lt,
            value: Some(Decimal::from(365)),
            values: vec![],
        };
        assert!(a.holds(&Facts { customer_age_days: 10, ..Facts::default() }));
    }
}
