//! The order workflow engine: an order walks its own copy of its workflow. Decisions are
//! taken at once, a manual step waits for `OrderApprove` / `OrderReject`, and each
//! automatic step is an `order.step` task whose action runs in the transaction that claims
//! it, so that the action, the order's move to its next step and the task's end commit
//! together (a step never runs twice to completion).

use chrono::{DateTime, Utc};
use serde_json::json;
use stratum_api::ordering::order::{OrderApproveIn, OrderOut, OrderRejectIn, OrderStatus};

use super::fraud_rule::{self, ExternalCall, Screening};
use super::order::{find, to_out};
use crate::auth::Caller;
use crate::clock::to_db;
use crate::domain::identity::permission::Permission;
use crate::domain::ordering::workflow::{Action, Facts, StepKind, StepRecord, Target, Workflow};
use crate::domain::ordering::{order as rules, workflow};
use crate::domain::validation::{trim_space, Checks};
use crate::events::EventType;
use crate::ids;
use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::platform::task::{Prepared, Verdict};
use crate::service::{raise, require, Context, ServiceError};
use crate::store::ordering::order::{self as store, OrderRow};
use crate::store::platform::task::{self as tasks, TaskRow};
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};

/// The task kind of an automatic step.
pub const STEP_TASK: &str = "order.step";

/// The order's workflow and step history, changed in memory and saved with the order.
struct Walk {
    wf: Workflow,
    steps: Vec<StepRecord>,
    /// Events to raise once the order is saved, in order.
    events: Vec<EventType>,
}

impl Walk {
    fn of(row: &OrderRow) -> Result<Walk, ServiceError> {
        Ok(Walk { wf: text_json(&row.workflow)?, steps: text_json(&row.steps)?, events: Vec::new() })
    }

    fn open_step(&mut self, name: &str) -> Option<&mut StepRecord> {
        self.steps.last_mut().filter(|r| r.name == name && r.is_open())
    }

    /// Ends the open step `name` with `outcome`.
    fn finish(&mut self, name: &str, outcome: &str, now: DateTime<Utc>) -> Result<(), ServiceError> {
        let rec = self.open_step(name).ok_or_else(|| ServiceError::Internal(format!("step {name} is not open")))?;
        rec.outcome = Some(outcome.to_owned());
        rec.finished_at = Some(now);
        rec.error = None;
        Ok(())
    }
}

/// Saves the order with its history and raises the walk's events (each with the saved
/// order as its data).
fn save(conn: &mut DbConn, now: DateTime<Utc>, row: &mut OrderRow, walk: &Walk) -> Result<OrderOut, ServiceError> {
    row.steps = json_text(&walk.steps);
    crate::service::save(conn, now, row)?;
    let out = to_out(row)?;
    for e in &walk.events {
        raise(conn, now, *e, row, &out, None)?;
    }
    Ok(out)
}

/// What a decision reads of the order.
fn facts(conn: &mut DbConn, row: &OrderRow, now: DateTime<Utc>) -> Result<Facts, ServiceError> {
    let customer = crate::store::identity::account::unscoped::find(conn, &row.account_id)?
        .ok_or(ServiceError::NotFound("account"))?;
    Ok(Facts {
        fraud_score: row.fraud_score.unwrap_or(0),
        total: row.total.parse().map_err(|e| ServiceError::Internal(format!("a stored total: {e}")))?,
        customer_age_days: (to_db(now) - customer.created_at).num_days(),
        currency: row.currency.clone(),
        seller_id: row.seller_id.clone(),
        customer_country: crate::service::identity::account::address_country(&customer),
        order_type: row.order_type.clone(),
    })
}

/// Queues the task of the order's automatic step `name`, due now; it belongs to the
/// customer, like the order.
fn queue(conn: &mut DbConn, now: DateTime<Utc>, row: &OrderRow, name: &str) -> Result<(), ServiceError> {
    queue_at(conn, now, now, row, json!({"order_id": row.id, "step": name}))
}

fn queue_at(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    run_at: DateTime<Utc>,
    row: &OrderRow,
    payload: serde_json::Value,
) -> Result<(), ServiceError> {
    let owner = (row.account_id.as_str(), row.account_path.as_str());
    tasks::insert(
        conn,
        &TaskRow::queued(ids::new_id(ids::TASK), STEP_TASK, owner, &payload, to_db(run_at), to_db(now)),
    )?;
    Ok(())
}

/// Moves the order to step `name` and on, as far as it goes by itself now: decisions are
/// taken, an automatic step is queued as a task, a manual step waits.
fn enter(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    row: &mut OrderRow,
    walk: &mut Walk,
    name: &str,
) -> Result<(), ServiceError> {
    let mut name = name.to_owned();
    // A validated workflow has no cycle of decisions; the bound only guards a stored one.
    for _ in 0..=walk.wf.steps.len() {
        let step = walk.wf.step(&name).cloned().ok_or_else(|| ServiceError::Internal(format!("no step {name}")))?;
        row.current_step = Some(name.clone());
        walk.steps.push(StepRecord::started(&step, now));
        match step.kind {
            StepKind::Automatic => {
                queue(conn, now, row, &name)?;
                return Ok(());
            }
            StepKind::Manual => {
                row.status = enum_text(&OrderStatus::WaitingApproval);
                walk.events.push(EventType::OrderApprovalRequired);
                if let Some(hours) = step.timeout_hours {
                    // Its deadline: the task does nothing if the order was decided before.
                    // `visit` is this entry's place in the history, so that the deadline of
                    // an earlier visit of the step (a workflow may lead back to it) never
                    // decides a later one.
                    let visit = walk.steps.len() - 1;
                    let payload = json!({"order_id": row.id, "step": name, "timeout": true, "visit": visit});
                    queue_at(conn, now, now + chrono::Duration::hours(i64::from(hours)), row, payload)?;
                }
                return Ok(());
            }
            StepKind::Decision => {
                let cond = step
                    .condition
                    .as_ref()
                    .ok_or_else(|| ServiceError::Internal("a decision without condition".into()))?;
                let outcome = if cond.holds(&facts(conn, row, now)?) { "yes" } else { "no" };
                walk.finish(&name, outcome, now)?;
                match walk.wf.next(&name, outcome) {
                    Some(Target::Step(s)) => name = s.name.clone(),
                    _ => return Err(ServiceError::Internal(format!("decision {name} leads nowhere"))),
                }
            }
        }
    }
    Err(ServiceError::Internal("the workflow's decisions go round in a circle".into()))
}

/// Starts a new order (status `placed`) on its own copy of `wf`; called where the order is
/// inserted, before its events.
pub(crate) fn start(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    row: &mut OrderRow,
    wf: &Workflow,
) -> Result<Vec<EventType>, ServiceError> {
    row.workflow = json_text(wf);
    let mut walk = Walk { wf: wf.clone(), steps: Vec::new(), events: Vec::new() };
    enter(conn, now, row, &mut walk, &wf.start)?;
    row.steps = json_text(&walk.steps);
    Ok(walk.events)
}

/// The step a task is for, if it may still run: the order is open and at that step, and
/// the step has not finished.
fn due_step(conn: &mut DbConn, t: &TaskRow) -> Result<Option<(OrderRow, Walk, String)>, ServiceError> {
    let payload: serde_json::Value = text_json(&t.payload)?;
    let (Some(id), Some(step)) = (payload["order_id"].as_str(), payload["step"].as_str()) else {
        return Ok(None);
    };
    let Some(row) = store::unscoped::lock(conn, id)? else { return Ok(None) };
    let walk = Walk::of(&row)?;
    let open = walk.steps.last().is_some_and(|r| r.name == step && r.is_open());
    // A task for one visit of the step (a deadline) is not for a later one.
    let this_visit =
        payload["visit"].as_u64().is_none_or(|v| usize::try_from(v).ok() == walk.steps.len().checked_sub(1));
    if !rules::is_open(text_enum(&row.status)?) || row.current_step.as_deref() != Some(step) || !open || !this_visit {
        return Ok(None);
    }
    Ok(Some((row, walk, step.to_owned())))
}

/// The task of an order's step was cancelled over the tasks API: the open step is marked
/// failed (a cancelled task runs no more), so that `OrderRetry` can queue it again.
pub(crate) fn step_task_cancelled(conn: &mut DbConn, t: &TaskRow) -> Result<(), ServiceError> {
    let Some((mut row, mut walk, name)) = due_step(conn, t)? else { return Ok(()) };
    if let Some(rec) = walk.open_step(&name) {
        rec.error = Some("its task was cancelled".into());
    }
    let now = crate::clock::from_db(t.updated_at);
    save(conn, now, &mut row, &walk).map(drop)
}

/// What a `fraud_screen` step waits for when the lineage has `external_screening` rules:
/// their calls, made by a worker outside any transaction; `screened` records the answers.
#[derive(Debug, Clone)]
pub struct ScreeningJob {
    pub calls: Vec<ExternalCall>,
}

/// Runs the automatic step of task `t` in the claiming transaction: the action in a
/// savepoint; on success the order moves on, on failure the step keeps the error and the
/// task ends dead (`OrderRetry` queues it again). A screening that calls out is left to a
/// worker (`Prepared::Run`).
pub(crate) fn run_step(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &TaskRow,
) -> Result<Prepared<ScreeningJob>, ServiceError> {
    let Some((mut row, mut walk, name)) = due_step(conn, t)? else {
        return Ok(Prepared::Settled(moved_on()));
    };
    let step = walk.wf.step(&name).cloned().ok_or_else(|| ServiceError::Internal(format!("no step {name}")))?;
    if step.kind == StepKind::Manual {
        // A manual step's deadline passed without a decision.
        let (Some(hours), Some(outcome)) = (step.timeout_hours, step.timeout_outcome.clone()) else {
            return Ok(Prepared::Settled(Verdict::Cancelled { reason: Some("the step has no timeout".into()) }));
        };
        let comment = format!("no decision within {hours} hours: {outcome} by the workflow");
        decided(conn, now, &mut row, &mut walk, &name, &outcome, Some(comment))?;
        save(conn, now, &mut row, &walk)?;
        return Ok(Prepared::Settled(Verdict::Succeeded {
            result: Some(json!({"order_id": row.id, "step": name, "outcome": outcome, "timed_out": true})),
        }));
    }
    let screening = match step.action {
        Some(Action::FraudScreen) => {
            let screening = fraud_rule::screening_of(conn, &row)?;
            let calls = fraud_rule::external_calls(conn, &row, &screening.rules)?;
            if calls.iter().any(|c| c.call.is_some()) {
                return Ok(Prepared::Run(ScreeningJob { calls }));
            }
            Some(screening)
        }
        _ => None,
    };
    advance(conn, now, row, walk, &name, screening.as_ref()).map(Prepared::Settled)
}

fn moved_on() -> Verdict {
    Verdict::Cancelled { reason: Some("the order is no longer at this step".into()) }
}

/// Records the answers of a screening's calls (`outcomes`, one per call made, in order) in
/// the recorder's transaction: the step ends and the order moves on as `run_step` does.
pub(crate) fn screened(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &TaskRow,
    job: &ScreeningJob,
    outcomes: &[AttemptOutcome],
) -> Result<Verdict, ServiceError> {
    let Some((row, walk, name)) = due_step(conn, t)? else { return Ok(moved_on()) };
    let mut made = outcomes.iter();
    let mut screening = fraud_rule::screening_of(conn, &row)?;
    screening.answers =
        job.calls.iter().map(|c| (c.rule_id.clone(), c.call.as_ref().and_then(|_| made.next().cloned()))).collect();
    advance(conn, now, row, walk, &name, Some(&screening))
}

/// Runs the action of automatic step `name` and moves the order on (`screening`: what a
/// `fraud_screen` step scores with).
fn advance(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    mut row: OrderRow,
    mut walk: Walk,
    name: &str,
    screening: Option<&Screening>,
) -> Result<Verdict, ServiceError> {
    let step = walk.wf.step(name).cloned().ok_or_else(|| ServiceError::Internal(format!("no step {name}")))?;
    let action = step.action.ok_or_else(|| ServiceError::Internal(format!("step {name} has no action")))?;
    if text_enum::<OrderStatus>(&row.status)? == OrderStatus::Placed {
        row.status = enum_text(&OrderStatus::InProgress);
    }
    let before = row.clone();
    let target = step.on.get("done").map(String::as_str).unwrap_or_default().to_owned();
    let ran: Result<String, ServiceError> =
        diesel::Connection::transaction(conn, |c| act(c, now, &mut row, &mut walk, action, &target, screening));
    match ran {
        Ok(outcome) => {
            walk.finish(name, &outcome, now)?;
            match walk.wf.next(name, &outcome) {
                Some(Target::Step(s)) => {
                    let next = s.name.clone();
                    enter(conn, now, &mut row, &mut walk, &next)?
                }
                Some(Target::Completed) | Some(Target::Rejected) => row.current_step = None,
                None => return Err(ServiceError::Internal(format!("step {name} has no transition for {outcome}"))),
            }
            save(conn, now, &mut row, &walk)?;
            Ok(Verdict::Succeeded { result: Some(json!({"order_id": row.id, "step": name, "outcome": outcome})) })
        }
        Err(e) => {
            let error = match &e {
                ServiceError::Internal(why) => {
                    tracing::error!(order = %row.id, step = %name, error = %why, "an order step failed");
                    "internal error".to_owned()
                }
                other => other.to_string(),
            };
            row = before;
            walk.events.clear();
            if let Some(rec) = walk.open_step(name) {
                rec.error = Some(error.clone());
                rec.attempts += 1;
            }
            save(conn, now, &mut row, &walk)?;
            Ok(Verdict::Dead { error, result: None })
        }
    }
}

/// Runs one action; its outcome.
fn act(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    row: &mut OrderRow,
    walk: &mut Walk,
    action: Action,
    done_target: &str,
    screening: Option<&Screening>,
) -> Result<String, ServiceError> {
    match action {
        Action::FraudScreen => {
            let screening = screening.ok_or_else(|| ServiceError::Internal("a screening without its rules".into()))?;
            let (score, reasons) = fraud_rule::screen(conn, now, row, screening)?;
            row.fraud_score = Some(score);
            row.fraud_reasons = json_text(&reasons);
        }
        Action::MarkSuspect => walk.events.push(EventType::OrderFraudCheckFlagged),
        Action::MarkPassed => walk.events.push(EventType::OrderFraudCheckPassed),
        Action::Activate => {
            super::activation::check_customer(conn, row)?;
            if let Err(why) = super::activation::redeem_coupon(conn, now, row)? {
                row.status_reason = Some(why);
                return Ok("refused".into());
            }
            crate::service::subscriptions::subscription::create_for_order(conn, now, row)?;
        }
        Action::Notify => {
            let (status, event) = if done_target == workflow::COMPLETED {
                (OrderStatus::Completed, EventType::OrderCompleted)
            } else {
                (OrderStatus::Rejected, EventType::OrderRejected)
            };
            row.status = enum_text(&status);
            walk.events.push(event);
        }
    }
    Ok("done".into())
}

/// The order `id` of the caller's subtree, locked, at a manual step: the caller must be
/// above the customer (a customer cannot approve its own order).
fn waiting(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<(OrderRow, Walk, String), ServiceError> {
    let seen = find(conn, caller, id)?;
    if seen.account_id == caller.account_id {
        return Err(ServiceError::PermissionDenied(
            "an order is approved or rejected by its seller's side, not by its customer".into(),
        ));
    }
    let row = store::unscoped::lock(conn, id)?.ok_or(ServiceError::NotFound("order"))?;
    let walk = Walk::of(&row)?;
    let status: OrderStatus = text_enum(&row.status)?;
    let at = row.current_step.clone().unwrap_or_default();
    let manual = walk.wf.step(&at).is_some_and(|s| s.kind == StepKind::Manual);
    if status != OrderStatus::WaitingApproval || !manual {
        return Err(ServiceError::InvalidStateTransition(format!(
            "the order is {} and does not wait for approval",
            row.status
        )));
    }
    Ok((row, walk, at))
}

fn decide(
    cx: &Context,
    caller: &Caller,
    id: &str,
    outcome: &str,
    comment: Option<String>,
    idem: Option<&Idempotency>,
) -> Result<Outcome<OrderOut>, ServiceError> {
    idempotency::write(cx, caller, idem, |conn, now| {
        let (mut row, mut walk, at) = waiting(conn, caller, id)?;
        decided(conn, now, &mut row, &mut walk, &at, outcome, comment.clone())?;
        save(conn, now, &mut row, &walk)
    })
}

/// The manual step `at` ends with `outcome` (`approved` / `rejected`) and the order runs on.
fn decided(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    row: &mut OrderRow,
    walk: &mut Walk,
    at: &str,
    outcome: &str,
    comment: Option<String>,
) -> Result<(), ServiceError> {
    walk.finish(at, outcome, now)?;
    if let Some(rec) = walk.steps.last_mut() {
        rec.comment = comment.clone();
    }
    row.status = enum_text(&OrderStatus::InProgress);
    if outcome == "approved" {
        walk.events.push(EventType::OrderApproved);
    } else {
        row.status_reason = comment;
    }
    match walk.wf.next(at, outcome) {
        Some(Target::Step(s)) => {
            let next = s.name.clone();
            enter(conn, now, row, walk, &next)
        }
        _ => Err(ServiceError::Internal(format!("manual step {at} leads nowhere on {outcome}"))),
    }
}

/// Approves an order that waits at a manual step (`order.approved`); it runs on.
pub fn approve(
    cx: &Context,
    caller: &Caller,
    id: &str,
    input: OrderApproveIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<OrderOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let mut c = Checks::new();
    c.optional_text("comment", input.comment.as_deref(), rules::REASON_MAX);
    c.finish().map_err(ServiceError::Validation)?;
    decide(cx, caller, id, "approved", input.comment.as_deref().map(|s| trim_space(s).to_owned()), idem)
}

/// Rejects an order that waits at a manual step: it runs on its rejection path, which
/// ends in `rejected` (`order.rejected`, the comment as the reason).
pub fn reject(
    cx: &Context,
    caller: &Caller,
    id: &str,
    input: OrderRejectIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<OrderOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let mut c = Checks::new();
    c.text("comment", &input.comment, rules::REASON_MAX);
    c.finish().map_err(ServiceError::Validation)?;
    decide(cx, caller, id, "rejected", Some(trim_space(&input.comment).to_owned()), idem)
}

/// Queues the failed automatic step of an order again.
pub fn retry(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<OrderOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let seen = find(conn, caller, id)?;
        let mut row = store::unscoped::lock(conn, &seen.id)?.ok_or(ServiceError::NotFound("order"))?;
        let mut walk = Walk::of(&row)?;
        let at = row.current_step.clone().unwrap_or_default();
        let failed = rules::is_open(text_enum(&row.status)?)
            && walk.steps.last().is_some_and(|r| r.name == at && r.is_open() && r.error.is_some());
        if !failed {
            return Err(ServiceError::InvalidStateTransition("the order has no failed step to retry".into()));
        }
        if let Some(rec) = walk.open_step(&at) {
            rec.error = None;
        }
        queue(conn, now, &row, &at)?;
        save(conn, now, &mut row, &walk)
    })
}
