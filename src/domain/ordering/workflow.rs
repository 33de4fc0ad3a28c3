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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

/// A structured condition: `fact op value`; outcome `yes` when it holds, else `no`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub fact: Fact,
    pub op: Comparison,
    pub value: Decimal,
}

/// What a decision knows of an order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub fraud_score: i64,
    pub total: Decimal,
    pub customer_age_days: i64,
}

impl Condition {
    pub fn holds(&self, f: &Facts) -> bool {
        let v = match self.fact {
            Fact::FraudScore => Decimal::from(f.fraud_score),
            Fact::Total => f.total,
            Fact::CustomerAgeDays => Decimal::from(f.customer_age_days),
        };
        match self.op {
            Comparison::Ge => v >= self.value,
            Comparison::Gt => v > self.value,
            Comparison::Le => v <= self.value,
            Comparison::Lt => v < self.value,
            Comparison::Eq => v == self.value,
        }
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
    decision.condition = Some(Condition { fact: Fact::FraudScore, op: Comparison::Ge, value: Decimal::from(50) });
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
        if s.name.is_empty() || s.name.len() > 64 || is_end(&s.name) {
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
        let c = Condition { fact: Fact::FraudScore, op: Comparison::Ge, value: Decimal::from(50) };
        assert!(c.holds(&Facts { fraud_score: 50, ..Facts::default() }));
        assert!(!c.holds(&Facts { fraud_score: 49, ..Facts::default() }));
        let t = Condition { fact: Fact::Total, op: Comparison::Gt, value: Decimal::new(10000, 2) };
        assert!(t.holds(&Facts { total: Decimal::new(10001, 2), ..Facts::default() }));
        assert!(!t.holds(&Facts { total: Decimal::new(10000, 2), ..Facts::default() }));
        let a = Condition { fact: Fact::CustomerAgeDays, op: Comparison::Lt, value: Decimal::from(365) };
        assert!(a.holds(&Facts { customer_age_days: 10, ..Facts::default() }));
    }
}
