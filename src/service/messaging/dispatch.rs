//! The event dispatcher's use cases: fanning the outbox out into deliveries (each a
//! task), preparing claimed deliveries, and recording what each attempt got (the
//! `webhook.deliver` handler in `tasks/handlers/` runs them).

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use serde_json::json;
use stratum_api::messaging::delivery::DeliveryStatus;
use stratum_api::platform::task::TaskStatus;

use crate::auth::Scope;
use crate::clock::{from_db, to_db};
use crate::domain::messaging::webhook::{self as rules, DISABLE_AFTER};
use crate::events::EventType;
use crate::ids;
use crate::service::platform::task::{Prepared, Verdict};
use crate::service::{Context, ServiceError};
use crate::store::messaging::delivery::{self, AttemptRow, DeliveryRow};
use crate::store::messaging::event::{self, EventRow};
use crate::store::messaging::webhook_endpoint::{self, WebhookEndpointRow};
use crate::store::platform::task::{self, TaskRow};
use crate::store::{enum_text, text_json, DbConn};
use crate::store::{messaging::notification_template, messaging::script_action};

pub const WEBHOOK_TASK: &str = "webhook.deliver";

/// Creates the delivery of `event_id` to `endpoint`, with its task, due now.
pub(crate) fn create_delivery(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    endpoint: &WebhookEndpointRow,
    event_id: &str,
) -> Result<DeliveryRow, ServiceError> {
    let (delivery, task) = new_delivery(now, endpoint, event_id, None);
    task::insert(conn, &task)?;
    delivery::insert(conn, &delivery)?;
    Ok(delivery)
}

/// A new delivery and its task, not yet stored; with `lease`, the task is already claimed
/// by that owner (its first attempt under way), so the dispatcher can hand it straight to
/// its own workers.
fn new_delivery(
    now: DateTime<Utc>,
    endpoint: &WebhookEndpointRow,
    event_id: &str,
    lease: Option<(&str, DateTime<Utc>)>,
) -> (DeliveryRow, TaskRow) {
    let task_id = ids::new_id(ids::TASK);
    let started = u8::from(lease.is_some());
    let delivery = DeliveryRow {
        id: ids::new_id(ids::DELIVERY),
        endpoint_id: endpoint.id.clone(),
        event_id: event_id.to_owned(),
        account_path: endpoint.account_path.clone(),
        task_id: task_id.clone(),
        status: enum_text(&DeliveryStatus::Pending),
        attempts: i32::from(started),
        last_status_code: None,
        last_attempt_at: None,
        created_at: to_db(now),
    };
    let payload = json!({"delivery_id": delivery.id, "endpoint_id": endpoint.id, "event_id": event_id});
    let queued = TaskRow::queued(
        task_id,
        WEBHOOK_TASK,
        (&endpoint.account_id, &endpoint.account_path),
        &payload,
        to_db(now),
        to_db(now),
    );
    let task = match lease {
        Some((owner, until)) => TaskRow {
            status: enum_text(&TaskStatus::Running),
            attempts: i32::from(started),
            lease_owner: Some(owner.to_owned()),
            lease_expires_at: Some(to_db(until)),
            ..queued
        },
        None => queued,
    };
    (delivery, task)
}

/// Whether `endpoint` receives `event_type` events of the account at `account_path`.
pub(crate) fn receives(endpoint: &WebhookEndpointRow, account_path: &str, event_type: &str) -> bool {
    rules::takes(&endpoint.account_path, &endpoint.event_types, account_path, event_type)
}

/// What one fan-out did.
#[derive(Debug, Default)]
pub struct FanOut {
    pub events: usize,
    pub deliveries: usize,
    /// Notification and script-call tasks created.
    pub actions: usize,
    /// Deliveries claimed for the caller's own workers (each with its task), ready to send.
    pub jobs: Vec<(TaskRow, DeliveryJob)>,
}

/// The caller's workers, when it has some: up to `budget` new deliveries are claimed for
/// `owner` in the fan-out itself, sparing the round trip of claiming them again.
#[derive(Debug, Clone, Copy)]
pub struct LocalWorkers<'a> {
    pub owner: &'a str,
    pub budget: usize,
    pub lease: std::time::Duration,
}

/// Fans out up to `limit` undispatched events, oldest first, in one transaction: each to
/// every enabled endpoint and script action whose subtree and filter take it, and to the
/// notification template that serves it.
pub fn fan_out(cx: &Context, limit: i64, local: Option<LocalWorkers<'_>>) -> Result<FanOut, ServiceError> {
    let now = cx.clock.now();
    let lease_until = local.map(|l| now + Duration::from_std(l.lease).unwrap_or(Duration::seconds(60)));
    let default_language = cx.settings.default_language.clone();
    if !cx.db.read(|conn| event::unscoped::any_undispatched(conn).map_err(ServiceError::from))? {
        return Ok(FanOut::default());
    }
    cx.db.write(|conn| {
        let events = event::unscoped::claim_undispatched(conn, limit)?;
        if events.is_empty() {
            return Ok(FanOut::default());
        }
        let endpoints = webhook_endpoint::unscoped::enabled(conn)?;
        let scripts = script_action::unscoped::enabled_actions(conn)?;
        let templates = notification_template::unscoped::all(conn)?;
        let mut audience = crate::service::messaging::notification::Audience::default();
        let mut out = FanOut { events: events.len(), ..FanOut::default() };
        // Stored in multi-row statements after the loop: one statement per table instead
        // of one per delivery, under the single writer.
        let (mut new_deliveries, mut new_tasks) = (Vec::new(), Vec::new());
        for e in &events {
            out.actions += crate::service::messaging::script_action::plan(conn, now, &scripts, e)?;
            if !templates.is_empty() {
                out.actions += crate::service::messaging::notification::plan(
                    conn,
                    now,
                    &templates,
                    &mut audience,
                    &default_language,
                    e,
                )?;
            }
            // An endpoint receives what happens from its creation on (replays aside).
            let takes = |ep: &&WebhookEndpointRow| {
                ep.created_at <= e.occurred_at && receives(ep, &e.account_path, &e.event_type)
            };
            let mut body = None;
            for ep in endpoints.iter().filter(takes) {
                out.deliveries += 1;
                let lease = match (local, lease_until) {
                    (Some(l), Some(until)) if out.jobs.len() < l.budget => Some((l.owner, until)),
                    _ => None,
                };
                let (d, task) = new_delivery(now, ep, &e.id, lease);
                new_tasks.push(task.clone());
                if lease.is_some() {
                    let body = match &body {
                        Some(b) => Clone::clone(b),
                        None => {
                            let b = serde_json::to_vec(&crate::service::messaging::event::to_out(e)?)
                                .map_err(|x| ServiceError::Internal(x.to_string()))?;
                            body = Some(b.clone());
                            b
                        }
                    };
                    out.jobs.push((
                        task,
                        DeliveryJob {
                            delivery_id: d.id.clone(),
                            endpoint_id: ep.id.clone(),
                            url: ep.url.clone(),
                            msg_id: e.id.clone(),
                            body,
                            secrets: secrets_of(ep, now),
                        },
                    ));
                }
                new_deliveries.push(d);
            }
        }
        task::insert_many(conn, &new_tasks)?;
        delivery::insert_many(conn, &new_deliveries)?;
        let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
        event::mark_dispatched(conn, &ids, to_db(now))?;
        Ok(out)
    })
}

/// The secrets that sign for an endpoint now: the current one, and the previous one
/// during a rotation's overlap.
pub(crate) fn secrets_of(ep: &WebhookEndpointRow, now: DateTime<Utc>) -> Vec<String> {
    let mut secrets = vec![ep.secret.clone()];
    if let (Some(prev), Some(until)) = (&ep.previous_secret, ep.previous_secret_until) {
        if from_db(until) > now {
            secrets.push(prev.clone());
        }
    }
    secrets
}

/// A claimed delivery, ready to send.
#[derive(Debug, Clone)]
pub struct DeliveryJob {
    pub delivery_id: String,
    pub endpoint_id: String,
    pub url: String,
    /// The Standard Webhooks message id: the event id, the same for every attempt.
    pub msg_id: String,
    pub body: Vec<u8>,
    /// The secrets that sign: the current one, and the previous during a rotation.
    pub secrets: Vec<String>,
}

/// The deliveries of claimed `webhook.deliver` tasks, each counted as attempted, read in a
/// handful of statements for the whole claim (deliveries, endpoints, events, the attempt
/// counts); a task whose endpoint was disabled or deleted since is settled here (its
/// delivery ends). One answer per task, in order.
pub(crate) fn prepare_batch(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    tasks: &[TaskRow],
) -> Result<Vec<Prepared<DeliveryJob>>, ServiceError> {
    use std::collections::HashMap;
    let delivery_ids: Vec<String> = tasks.iter().map(delivery_of).collect();
    let deliveries: HashMap<String, DeliveryRow> =
        delivery::unscoped::find_many(conn, &delivery_ids)?.into_iter().map(|d| (d.id.clone(), d)).collect();
    let distinct = |ids: Vec<String>| {
        let mut ids = ids;
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let endpoint_ids = distinct(deliveries.values().map(|d| d.endpoint_id.clone()).collect());
    let endpoints: HashMap<String, WebhookEndpointRow> =
        webhook_endpoint::unscoped::find_many(conn, &endpoint_ids)?.into_iter().map(|e| (e.id.clone(), e)).collect();
    let event_ids = distinct(deliveries.values().map(|d| d.event_id.clone()).collect());
    let events: HashMap<String, EventRow> =
        event::unscoped::find_many(conn, &event_ids)?.into_iter().map(|e| (e.id.clone(), e)).collect();
    let mut bodies: HashMap<&str, Vec<u8>> = HashMap::new();
    let (mut out, mut attempted) = (Vec::with_capacity(tasks.len()), Vec::with_capacity(tasks.len()));
    for id in &delivery_ids {
        let live = deliveries
            .get(id)
            .and_then(|d| endpoints.get(&d.endpoint_id).map(|ep| (d, ep)))
            .filter(|(_, ep)| ep.enabled == 1 && ep.deleted_at.is_none());
        let Some((d, ep)) = live else {
            if let Some(d) = deliveries.get(id) {
                let mut d = d.clone();
                d.status = enum_text(&DeliveryStatus::Dead);
                delivery::update(conn, &d)?;
            }
            let reason = Some("the endpoint is disabled or deleted".into());
            out.push(Prepared::Settled(Verdict::Cancelled { reason }));
            continue;
        };
        let event = events.get(&d.event_id).ok_or(ServiceError::Internal(format!("event {} is gone", d.event_id)))?;
        let body = match bodies.get(event.id.as_str()) {
            Some(b) => b.clone(),
            None => {
                let b = serde_json::to_vec(&crate::service::messaging::event::to_out(event)?)
                    .map_err(|e| ServiceError::Internal(e.to_string()))?;
                bodies.insert(event.id.as_str(), b.clone());
                b
            }
        };
        attempted.push(d.id.clone());
        out.push(Prepared::Run(DeliveryJob {
            delivery_id: d.id.clone(),
            endpoint_id: ep.id.clone(),
            url: ep.url.clone(),
            msg_id: event.id.clone(),
            body,
            secrets: secrets_of(ep, now),
        }));
    }
    delivery::count_attempts(conn, &attempted)?;
    Ok(out)
}

fn delivery_of(t: &TaskRow) -> String {
    serde_json::from_str::<serde_json::Value>(&t.payload)
        .ok()
        .and_then(|p| p["delivery_id"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Keeps a delivery's status in step with its task when the task is retried or cancelled
/// over the tasks API; `scope` is the caller's (the delivery is of the task's account).
pub(crate) fn follow_task(conn: &mut DbConn, scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
    let id = text_json::<serde_json::Value>(&t.payload)?["delivery_id"].as_str().unwrap_or_default().to_owned();
    if let Some(mut d) = delivery::find_in_scope(conn, scope, &id)? {
        d.status = enum_text(&if next == TaskStatus::Queued { DeliveryStatus::Pending } else { DeliveryStatus::Dead });
        delivery::update(conn, &d)?;
    }
    Ok(())
}

/// What one attempt got.
#[derive(Debug, Clone)]
pub enum AttemptOutcome {
    Answered { status: u16, body: String, latency_ms: i64 },
    Failed { error: String, latency_ms: i64 },
}

impl AttemptOutcome {
    /// A 2xx answer.
    pub fn succeeded(&self) -> bool {
        matches!(self, AttemptOutcome::Answered { status, .. } if (200..300).contains(status))
    }
}

/// Records attempts (each of a task this process still holds) and decides what follows
/// each: done, a retry on the schedule, or the end (the schedule is exhausted, the
/// receiver answered 410, or it failed for 5 days, the last two disabling the endpoint).
/// Runs in the runner's transaction for the whole batch: under load the workers record
/// hundreds of attempts a second. One verdict per attempt, in order.
pub(crate) fn record(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    batch: &[(&TaskRow, &DeliveryJob, &AttemptOutcome)],
) -> Result<Vec<Verdict>, ServiceError> {
    let done: Vec<_> = batch.iter().filter(|(_, _, o)| o.succeeded()).map(|(_, j, o)| (*j, *o)).collect();
    record_successes(conn, now, &done)?;
    let mut verdicts = Vec::with_capacity(batch.len());
    for (t, job, outcome) in batch {
        if outcome.succeeded() {
            verdicts.push(Verdict::Succeeded { result: None });
        } else {
            let jitter: f64 = rand::rng().random();
            verdicts.push(record_failure(conn, now, t, job, outcome, jitter)?);
        }
    }
    Ok(verdicts)
}

/// The common case in a handful of multi-row statements: the attempts, the deliveries
/// succeeded, and the failure record of their endpoints cleared (the runner finishes the
/// tasks in one more).
fn record_successes(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    done: &[(&DeliveryJob, &AttemptOutcome)],
) -> Result<(), ServiceError> {
    if done.is_empty() {
        return Ok(());
    }
    let mut attempts = Vec::with_capacity(done.len());
    let mut by_status: std::collections::BTreeMap<i32, Vec<String>> = Default::default();
    let mut endpoints: Vec<String> = Vec::new();
    for (job, outcome) in done {
        let AttemptOutcome::Answered { status, body, latency_ms } = outcome else { continue };
        attempts.push(AttemptRow {
            id: ids::new_id(ids::ATTEMPT),
            delivery_id: job.delivery_id.clone(),
            attempted_at: to_db(now),
            status_code: Some(i32::from(*status)),
            latency_ms: *latency_ms,
            response: Some(rules::snippet(body)),
            error: None,
        });
        by_status.entry(i32::from(*status)).or_default().push(job.delivery_id.clone());
        if !endpoints.contains(&job.endpoint_id) {
            endpoints.push(job.endpoint_id.clone());
        }
    }
    delivery::insert_attempts(conn, &attempts)?;
    for (status, ids) in &by_status {
        delivery::mark_succeeded(conn, ids, *status, to_db(now))?;
    }
    webhook_endpoint::clear_failing(conn, &endpoints, to_db(now))?;
    Ok(())
}

fn record_failure(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &TaskRow,
    job: &DeliveryJob,
    outcome: &AttemptOutcome,
    jitter: f64,
) -> Result<Verdict, ServiceError> {
    let gone = || Verdict::Dead { error: "the delivery or its endpoint is gone".into(), result: None };
    let Some(mut d) = delivery::unscoped::find(conn, &job.delivery_id)? else { return Ok(gone()) };
    let Some(mut ep) = webhook_endpoint::unscoped::find(conn, &d.endpoint_id)? else { return Ok(gone()) };
    let (status_code, response, error, latency_ms) = match outcome {
        AttemptOutcome::Answered { status, body, latency_ms } => {
            (Some(i32::from(*status)), Some(rules::snippet(body)), None, *latency_ms)
        }
        AttemptOutcome::Failed { error, latency_ms } => (None, None, Some(error.clone()), *latency_ms),
    };
    delivery::insert_attempt(
        conn,
        &AttemptRow {
            id: ids::new_id(ids::ATTEMPT),
            delivery_id: d.id.clone(),
            attempted_at: to_db(now),
            status_code,
            latency_ms,
            response,
            error: error.clone(),
        },
    )?;
    d.last_status_code = status_code;
    d.last_attempt_at = Some(to_db(now));
    let gone = status_code == Some(410);
    let reason = error.unwrap_or_else(|| format!("the receiver answered {}", status_code.unwrap_or_default()));
    let failing_since = *ep.failing_since.get_or_insert(to_db(now));
    let failing_too_long =
        now - from_db(failing_since) >= Duration::from_std(DISABLE_AFTER).unwrap_or(Duration::days(5));
    let retry = usize::try_from(t.attempts).ok().and_then(|n| rules::retry_delay(n, jitter));
    if gone || failing_too_long {
        ep.enabled = 0;
        ep.disabled_reason =
            Some(if gone { "the receiver answered 410 Gone".into() } else { "deliveries failed for 5 days".into() });
    }
    // A worker's bookkeeping: an API change of the endpoint meanwhile wins, and this
    // attempt's marks on the endpoint are dropped.
    crate::store::versioned::save(conn, &mut ep, to_db(now))?;
    if ep.enabled == 0 {
        crate::service::raise(
            conn,
            now,
            EventType::WebhookEndpointDisabled,
            &ep,
            &crate::service::messaging::webhook_endpoint::to_out(&ep),
            None,
        )?;
    }
    let verdict = match retry.filter(|_| ep.enabled == 1) {
        Some(delay) => {
            let at = now + Duration::from_std(delay).unwrap_or(Duration::seconds(5));
            Verdict::Retry { at, error: reason, result: None }
        }
        None => {
            d.status = enum_text(&DeliveryStatus::Dead);
            Verdict::Dead { error: reason, result: None }
        }
    };
    delivery::update(conn, &d)?;
    Ok(verdict)
}
