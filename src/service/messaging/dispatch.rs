//! The event dispatcher's use cases: fanning the outbox out into deliveries (each a
//! task), claiming due deliveries, and recording what each attempt got.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use serde_json::json;
use stratum_api::messaging::delivery::DeliveryStatus;
use stratum_api::platform::task::TaskStatus;

use crate::clock::{from_db, to_db};
use crate::domain::messaging::webhook::{self as rules, DISABLE_AFTER};
use crate::events::EventType;
use crate::ids;
use crate::service::{Context, ServiceError};
use crate::store::messaging::delivery::{self, AttemptRow, DeliveryRow};
use crate::store::messaging::webhook_endpoint::{self, WebhookEndpointRow};
use crate::store::platform::task::{self, TaskRow};
use crate::store::{enum_text, messaging::event, DbConn};
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
    /// Deliveries claimed for the caller's own workers, ready to send.
    pub jobs: Vec<DeliveryJob>,
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
    if !cx.db.read(|conn| event::any_undispatched(conn).map_err(ServiceError::from))? {
        return Ok(FanOut::default());
    }
    cx.db.write(|conn| {
        let events = event::claim_undispatched(conn, limit)?;
        if events.is_empty() {
            return Ok(FanOut::default());
        }
        let endpoints = webhook_endpoint::enabled(conn)?;
        let scripts = script_action::enabled_actions(conn)?;
        let templates = notification_template::all(conn)?;
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
                    out.jobs.push(DeliveryJob {
                        task,
                        delivery_id: d.id.clone(),
                        endpoint_id: ep.id.clone(),
                        url: ep.url.clone(),
                        msg_id: e.id.clone(),
                        body,
                        secrets: secrets_of(ep, now),
                    });
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
    pub task: TaskRow,
    pub delivery_id: String,
    pub endpoint_id: String,
    pub url: String,
    /// The Standard Webhooks message id: the event id, the same for every attempt.
    pub msg_id: String,
    pub body: Vec<u8>,
    /// The secrets that sign: the current one, and the previous during a rotation.
    pub secrets: Vec<String>,
}

/// Claims up to `limit` due deliveries for `owner`, holding them for `lease`.
pub fn claim(
    cx: &Context,
    owner: &str,
    limit: i64,
    lease: std::time::Duration,
) -> Result<Vec<DeliveryJob>, ServiceError> {
    let now = cx.clock.now();
    let lease_until = now + Duration::from_std(lease).unwrap_or(Duration::seconds(60));
    if !cx.db.read(|conn| task::any_due(conn, &[WEBHOOK_TASK], to_db(now)).map_err(ServiceError::from))? {
        return Ok(Vec::new());
    }
    cx.db.write(|conn| {
        let tasks = task::claim(conn, &[WEBHOOK_TASK], owner, to_db(now), to_db(lease_until), limit)?;
        let mut jobs = Vec::with_capacity(tasks.len());
        for t in tasks {
            match job_for(conn, now, t)? {
                Some(job) => jobs.push(job),
                None => continue,
            }
        }
        Ok(jobs)
    })
}

fn job_for(conn: &mut DbConn, now: DateTime<Utc>, mut t: TaskRow) -> Result<Option<DeliveryJob>, ServiceError> {
    let delivery_id = serde_json::from_str::<serde_json::Value>(&t.payload)
        .ok()
        .and_then(|p| p["delivery_id"].as_str().map(str::to_owned))
        .unwrap_or_default();
    let found = match delivery::unscoped::find(conn, &delivery_id)? {
        Some(d) => webhook_endpoint::unscoped::find(conn, &d.endpoint_id)?.map(|ep| (d, ep)),
        None => None,
    };
    let Some((mut d, ep)) = found.filter(|(_, ep)| ep.enabled == 1 && ep.deleted_at.is_none()) else {
        // The endpoint was disabled or deleted since: the delivery ends here.
        finish_task(conn, now, &mut t, TaskStatus::Cancelled, Some("the endpoint is disabled or deleted".into()))?;
        if let Some(mut d) = delivery::unscoped::find(conn, &delivery_id)? {
            d.status = enum_text(&DeliveryStatus::Dead);
            delivery::update(conn, &d)?;
        }
        return Ok(None);
    };
    let event = event::unscoped::find(conn, &d.event_id)?
        .ok_or(ServiceError::Internal(format!("event {} is gone", d.event_id)))?;
    let body = serde_json::to_vec(&crate::service::messaging::event::to_out(&event)?)
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    let secrets = secrets_of(&ep, now);
    d.attempts += 1;
    delivery::update(conn, &d)?;
    Ok(Some(DeliveryJob {
        task: t,
        delivery_id: d.id,
        endpoint_id: ep.id,
        url: ep.url,
        msg_id: event.id,
        body,
        secrets,
    }))
}

fn finish_task(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &mut TaskRow,
    status: TaskStatus,
    error: Option<String>,
) -> Result<(), ServiceError> {
    // A task changed meanwhile (retried or cancelled over the API) keeps that change.
    crate::service::platform::task::transition(conn, now, t, status, None, error).map(drop)
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

/// Records attempts and decides what follows each: done, a retry on the schedule, or the
/// end (the schedule is exhausted, the receiver answered 410, or it failed for 5 days, the
/// last two disabling the endpoint). One transaction for the whole batch: under load the
/// workers record hundreds of attempts a second.
pub fn record(cx: &Context, owner: &str, batch: &[(DeliveryJob, AttemptOutcome)]) -> Result<(), ServiceError> {
    let now = cx.clock.now();
    let (done, rest): (Vec<_>, Vec<_>) = batch.iter().partition(|(_, o)| o.succeeded());
    cx.db.write(|conn| {
        record_successes(conn, now, owner, &done)?;
        for (job, outcome) in rest {
            let jitter: f64 = rand::rng().random();
            record_one(conn, now, owner, job, outcome, jitter)?;
        }
        Ok(())
    })
}

/// The common case in a handful of multi-row statements: the attempts, the tasks done,
/// the deliveries succeeded, and the failure record of their endpoints cleared.
fn record_successes(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    owner: &str,
    done: &[&(DeliveryJob, AttemptOutcome)],
) -> Result<(), ServiceError> {
    if done.is_empty() {
        return Ok(());
    }
    let task_ids: Vec<String> = done.iter().map(|(j, _)| j.task.id.clone()).collect();
    // A task whose lease ran out belongs to another worker now; its attempt counts.
    let owned: std::collections::HashSet<String> = task::owned_by(conn, &task_ids, owner)?.into_iter().collect();
    let mine: Vec<_> = done.iter().filter(|(j, _)| owned.contains(&j.task.id)).collect();
    let mut attempts = Vec::with_capacity(mine.len());
    let mut by_status: std::collections::BTreeMap<i32, Vec<String>> = Default::default();
    let mut endpoints: Vec<String> = Vec::new();
    for (job, outcome) in &mine {
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
    let finished: Vec<String> = mine.iter().map(|(j, _)| j.task.id.clone()).collect();
    task::finish_owned(conn, &finished, owner, to_db(now))?;
    for (status, ids) in &by_status {
        delivery::mark_succeeded(conn, ids, *status, to_db(now))?;
    }
    webhook_endpoint::clear_failing(conn, &endpoints, to_db(now))?;
    Ok(())
}

fn record_one(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    owner: &str,
    job: &DeliveryJob,
    outcome: &AttemptOutcome,
    jitter: f64,
) -> Result<(), ServiceError> {
    {
        let Some(mut t) = task::unscoped::find(conn, &job.task.id)? else { return Ok(()) };
        if t.lease_owner.as_deref() != Some(owner) {
            // The lease ran out and another worker owns the task now; its attempt counts.
            return Ok(());
        }
        let Some(mut d) = delivery::unscoped::find(conn, &job.delivery_id)? else { return Ok(()) };
        let Some(mut ep) = webhook_endpoint::unscoped::find(conn, &d.endpoint_id)? else { return Ok(()) };
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
        let ok = status_code.is_some_and(|s| (200..300).contains(&s));
        let gone = status_code == Some(410);
        let ep_version = ep.version;
        if ok {
            d.status = enum_text(&DeliveryStatus::Succeeded);
            finish_task(conn, now, &mut t, TaskStatus::Succeeded, None)?;
            if ep.failing_since.is_some() {
                ep.failing_since = None;
                ep.version += 1;
                webhook_endpoint::update(conn, &ep, ep_version)?;
            }
            delivery::update(conn, &d)?;
            return Ok(());
        }
        let reason = error.unwrap_or_else(|| format!("the receiver answered {}", status_code.unwrap_or_default()));
        let failing_since = *ep.failing_since.get_or_insert(to_db(now));
        let failing_too_long =
            now - from_db(failing_since) >= Duration::from_std(DISABLE_AFTER).unwrap_or(Duration::days(5));
        let retry = usize::try_from(t.attempts).ok().and_then(|n| rules::retry_delay(n, jitter));
        if gone || failing_too_long {
            ep.enabled = 0;
            ep.disabled_reason = Some(if gone {
                "the receiver answered 410 Gone".into()
            } else {
                "deliveries failed for 5 days".into()
            });
        }
        ep.version += 1;
        ep.updated_at = to_db(now);
        webhook_endpoint::update(conn, &ep, ep_version)?;
        if ep.enabled == 0 {
            crate::service::messaging::webhook_endpoint::raise(conn, now, EventType::WebhookEndpointDisabled, &ep)?;
        }
        match retry.filter(|_| ep.enabled == 1) {
            Some(delay) => {
                let at = now + Duration::from_std(delay).unwrap_or(Duration::seconds(5));
                crate::service::platform::task::transition(
                    conn,
                    now,
                    &mut t,
                    TaskStatus::Queued,
                    Some(at),
                    Some(reason),
                )?;
            }
            None => {
                d.status = enum_text(&DeliveryStatus::Dead);
                finish_task(conn, now, &mut t, TaskStatus::Dead, Some(reason))?;
            }
        }
        delivery::update(conn, &d)?;
        Ok(())
    }
}
