//! Tasks over the API: read, retry, cancel.

use chrono::{DateTime, Utc};
use stratum_api::platform::task::{TaskOut, TaskPage, TaskStatus};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::events::outbox::{emit, NewEvent};
use crate::events::EventType;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{require, Context, ServiceError};
use crate::store::platform::task::{self as store, TaskFilter, TaskRow};
use crate::store::{enum_text, text_enum, text_json, DbConn};

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
    let expected = t.version;
    t.status = enum_text(&status);
    if let Some(at) = run_at {
        t.run_at = to_db(at);
    }
    t.lease_owner = None;
    t.lease_expires_at = None;
    if error.is_some() {
        t.last_error = error;
    }
    t.version += 1;
    t.updated_at = to_db(now);
    Ok(store::update(conn, t, expected)?)
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<TaskRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("task"))
}

pub fn list(cx: &Context, caller: &Caller, filter: &TaskFilter, page: &PageRequest) -> Result<TaskPage, ServiceError> {
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
        let expected = t.version;
        let run_at = (next == TaskStatus::Queued).then_some(now);
        if !transition(conn, now, &mut t, next, run_at, None)? {
            return Err(ServiceError::VersionMismatch { current: expected });
        }
        if t.kind == crate::service::messaging::dispatch::WEBHOOK_TASK {
            sync_delivery(conn, &t, next)?;
        }
        if t.kind == crate::service::messaging::notification::NOTIFICATION_TASK {
            crate::service::messaging::notification::follow_task(conn, &t, next)?;
        }
        let out = to_out(&t)?;
        emit(
            conn,
            now,
            NewEvent {
                event_type: event,
                account_id: &t.account_id,
                account_path: &t.account_path,
                object_id: &t.id,
                data: &out,
                previous: None,
            },
        )?;
        Ok(out)
    })
}

/// Keeps a webhook delivery's status in step with its task.
fn sync_delivery(conn: &mut DbConn, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
    use crate::store::messaging::delivery;
    use stratum_api::messaging::delivery::DeliveryStatus;
    let id = text_json::<serde_json::Value>(&t.payload)?["delivery_id"].as_str().unwrap_or_default().to_owned();
    if let Some(mut d) = delivery::unscoped::find(conn, &id)? {
        d.status = enum_text(&if next == TaskStatus::Queued { DeliveryStatus::Pending } else { DeliveryStatus::Dead });
        delivery::update(conn, &d)?;
    }
    Ok(())
}
