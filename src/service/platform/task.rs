//! Tasks: read, retry and cancel over the API, and what an attempt's verdict does to a
//! task (with the `task.*` events of automatic retries and deaths).

use chrono::{DateTime, Utc};
use stratum_api::platform::task::{TaskOut, TaskPage, TaskStatus};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::events::EventType;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{require, Context, ServiceError};
use crate::store::platform::task::{self as store, TaskFilter, TaskRow};
use crate::store::{enum_text, text_enum, text_json, DbConn};
use stratum_api::platform::task::TaskListQuery;

/// What an attempt (or its preparation) decided about its task; the runner applies it
/// with [`settle`].
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Done; `result`, when given, becomes the task's result.
    Succeeded { result: Option<serde_json::Value> },
    /// Done for now and due again at `at` with its attempts counted from zero (a periodic
    /// job).
    Again { at: DateTime<Utc>, result: Option<serde_json::Value> },
    /// The attempt failed; the task runs again at `at`.
    Retry { at: DateTime<Utc>, error: String, result: Option<serde_json::Value> },
    /// The attempt failed and no attempt is left.
    Dead { error: String, result: Option<serde_json::Value> },
    /// Nothing to do any more (its object went away or was cancelled).
    Cancelled { reason: Option<String> },
}

/// A claimed task, prepared in the claiming transaction: ready to run, or settled there
/// and then (nothing to send, or the work was done in the transaction itself).
#[derive(Debug)]
pub enum Prepared<J> {
    Run(J),
    Settled(Verdict),
}

/// Applies `verdict` to `t`, a task claimed by this process as it was read at the claim.
/// A failed attempt raises `task.failed` and then `task.rescheduled` or `task.dead`
/// when `announce` says so (see docs/webhooks.md on why deliveries of task events stay
/// quiet). Returns whether it raised events; a task that changed meanwhile (its lease ran
/// out and it was claimed again) is left alone.
pub(crate) fn settle(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &mut TaskRow,
    verdict: Verdict,
    announce: impl FnOnce(&mut DbConn, &TaskRow) -> Result<bool, ServiceError>,
) -> Result<bool, ServiceError> {
    let keep = |t: &mut TaskRow, result: Option<serde_json::Value>| {
        if let Some(r) = result {
            t.result = Some(r.to_string());
        }
    };
    let (changed, then) = match verdict {
        Verdict::Succeeded { result } => {
            keep(t, result);
            (transition(conn, now, t, TaskStatus::Succeeded, None, None)?, None)
        }
        Verdict::Again { at, result } => {
            keep(t, result);
            t.attempts = 0;
            (transition(conn, now, t, TaskStatus::Queued, Some(at), None)?, None)
        }
        Verdict::Retry { at, error, result } => {
            keep(t, result);
            (transition(conn, now, t, TaskStatus::Queued, Some(at), Some(error))?, Some(EventType::TaskRescheduled))
        }
        Verdict::Dead { error, result } => {
            keep(t, result);
            (transition(conn, now, t, TaskStatus::Dead, None, Some(error))?, Some(EventType::TaskDead))
        }
        Verdict::Cancelled { reason } => (transition(conn, now, t, TaskStatus::Cancelled, None, reason)?, None),
    };
    let Some(then) = then.filter(|_| changed) else { return Ok(false) };
    if !announce(conn, t)? {
        return Ok(false);
    }
    let out = to_out(t)?;
    for event_type in [EventType::TaskFailed, then] {
        crate::service::raise(conn, now, event_type, t, &out, None)?;
    }
    Ok(true)
}

/// The batched form of [`settle`] for plain successes: one statement for all of them.
pub(crate) fn finish_succeeded(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    owner: &str,
    ids: &[String],
) -> Result<(), ServiceError> {
    Ok(store::finish_owned(conn, ids, owner, to_db(now))?)
}

/// Whether any task of `kinds` is due: a read, so that idle workers do not take the
/// write lock.
pub(crate) fn any_due(conn: &mut DbConn, kinds: &[&str], now: DateTime<Utc>) -> Result<bool, ServiceError> {
    Ok(store::unscoped::any_due(conn, kinds, to_db(now))?)
}

/// Claims up to `limit` due tasks of `kinds` for `owner` until `until` (attempts counted).
pub(crate) fn claim(
    conn: &mut DbConn,
    kinds: &[&str],
    owner: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<TaskRow>, ServiceError> {
    Ok(store::unscoped::claim(conn, kinds, owner, to_db(now), to_db(until), limit)?)
}

/// Of `ids`, the tasks whose lease `owner` still holds.
pub(crate) fn owned_by(conn: &mut DbConn, ids: &[String], owner: &str) -> Result<Vec<String>, ServiceError> {
    Ok(store::unscoped::owned_by(conn, ids, owner)?)
}

fn to_out(row: &TaskRow) -> Result<TaskOut, ServiceError> {
    Ok(TaskOut {
        id: row.id.clone(),
        kind: row.kind.clone(),
        account_id: row.account_id.clone(),
        status: text_enum(&row.status)?,
        attempts: row.attempts,
        run_at: from_db(row.run_at),
        lease_expires_at: row.lease_expires_at.map(from_db),
        last_error: row.last_error.clone(),
        payload: text_json(&row.payload)?,
        result: row.result.as_deref().map(text_json).transpose()?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

/// Moves a task to `status` and releases its lease; a queued task runs at `run_at`; a
/// given `error` becomes its last error. False when the task changed meanwhile. Every
/// change of a task's state goes through here.
pub(crate) fn transition(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &mut TaskRow,
    status: TaskStatus,
    run_at: Option<DateTime<Utc>>,
    error: Option<String>,
) -> Result<bool, ServiceError> {
    t.status = enum_text(&status);
    if let Some(at) = run_at {
        t.run_at = to_db(at);
    }
    t.lease_owner = None;
    t.lease_expires_at = None;
    if error.is_some() {
        t.last_error = error;
    }
    Ok(crate::store::versioned::save(conn, t, to_db(now))? == crate::store::versioned::Saved::Written)
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<TaskRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("task"))
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &TaskListQuery,
    page: &PageRequest,
) -> Result<TaskPage, ServiceError> {
    let filter = &TaskFilter { kind: query.kind.clone(), status: query.status.as_ref().map(enum_text) };
    require(caller, Permission::TasksRead)?;
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(TaskPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<TaskOut, ServiceError> {
    require(caller, Permission::TasksRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

/// Retries a dead, cancelled or waiting task now (`task.rescheduled`), or cancels a
/// waiting one (`task.cancelled`). A running task is left to its worker.
pub fn change(
    cx: &Context,
    caller: &Caller,
    id: &str,
    cancel: bool,
    idem: Option<&Idempotency>,
) -> Result<Outcome<TaskOut>, ServiceError> {
    require(caller, Permission::TasksWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut t = find(conn, caller, id)?;
        let status: TaskStatus = text_enum(&t.status)?;
        let (next, event) = match (cancel, status) {
            (false, TaskStatus::Dead | TaskStatus::Cancelled | TaskStatus::Queued) => {
                (TaskStatus::Queued, EventType::TaskRescheduled)
            }
            (true, TaskStatus::Queued) => (TaskStatus::Cancelled, EventType::TaskCancelled),
            _ => {
                return Err(ServiceError::InvalidStateTransition(format!(
                    "cannot {} a task whose status is {}",
                    if cancel { "cancel" } else { "retry" },
                    enum_text(&status)
                )))
            }
        };
        let run_at = (next == TaskStatus::Queued).then_some(now);
        if !transition(conn, now, &mut t, next, run_at, None)? {
            return Err(crate::service::missed::<TaskRow>(conn, &t.id));
        }
        // What the change does to the task's object (a delivery's status, a
        // notification's) is its handler's business.
        if let Some(h) = crate::tasks::runner::TABLE.find(&t.kind) {
            h.follow(conn, &caller.scope(), &t, next)?;
        }
        let out = to_out(&t)?;
        crate::service::raise(conn, now, event, &t, &out, None)?;
        Ok(out)
    })
}
