//! Deliveries and their attempts: reading them, retrying one, replaying an event.

use stratum_api::messaging::delivery::{
    DeliveryAttemptOut, DeliveryAttemptPage, DeliveryOut, DeliveryPage, DeliveryStatus,
};
use stratum_api::platform::task::TaskStatus;

use crate::auth::{Caller, Scope};
use crate::clock::from_db;
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{require, Context, ServiceError};
use crate::store::messaging::delivery::{self as store, AttemptRow, DeliveryFilter, DeliveryRow};
use crate::store::{enum_text, messaging::event, messaging::webhook_endpoint, platform::task, text_enum, DbConn};
use stratum_api::messaging::delivery::DeliveryListQuery;

fn to_out(row: &DeliveryRow) -> Result<DeliveryOut, ServiceError> {
    Ok(DeliveryOut {
        id: row.id.clone(),
        endpoint_id: row.endpoint_id.clone(),
        event_id: row.event_id.clone(),
        task_id: row.task_id.clone(),
        status: text_enum(&row.status)?,
        attempts: row.attempts,
        last_status_code: row.last_status_code,
        last_attempt_at: row.last_attempt_at.map(from_db),
        created_at: from_db(row.created_at),
    })
}

fn attempt_out(row: &AttemptRow) -> DeliveryAttemptOut {
    DeliveryAttemptOut {
        id: row.id.clone(),
        delivery_id: row.delivery_id.clone(),
        attempted_at: from_db(row.attempted_at),
        status_code: row.status_code,
        latency_ms: row.latency_ms,
        response: row.response.clone(),
        error: row.error.clone(),
    }
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<DeliveryRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("delivery"))
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &DeliveryListQuery,
    page: &PageRequest,
) -> Result<DeliveryPage, ServiceError> {
    let filter = &DeliveryFilter {
        endpoint_id: query.endpoint_id.clone(),
        event_id: query.event_id.clone(),
        status: query.status.as_ref().map(enum_text),
    };
    require(caller, Permission::WebhooksRead)?;
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(DeliveryPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<DeliveryOut, ServiceError> {
    require(caller, Permission::WebhooksRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

pub fn attempts(
    cx: &Context,
    caller: &Caller,
    id: &str,
    page: &PageRequest,
) -> Result<DeliveryAttemptPage, ServiceError> {
    require(caller, Permission::WebhooksRead)?;
    let rows = cx.db.read(|conn| {
        let delivery = find(conn, caller, id)?;
        store::attempts(conn, &delivery, page).map_err(ServiceError::from)
    })?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(DeliveryAttemptPage { data: rows.iter().map(attempt_out).collect(), next_cursor })
}

/// Makes a delivery due now again, whatever became of it (its attempt count goes on). Its
/// task, of the endpoint's account like the delivery, is read through the caller's `scope`
/// and locked first; the delivery is read again under that lock, since a worker recording
/// an attempt holds the task too, so neither overwrites what the other wrote.
fn requeue(
    conn: &mut DbConn,
    scope: &Scope,
    now: chrono::DateTime<chrono::Utc>,
    d: &DeliveryRow,
) -> Result<DeliveryRow, ServiceError> {
    let mut t = task::lock_in_scope(conn, scope, &d.task_id)?
        .ok_or(ServiceError::Internal(format!("task {} is gone", d.task_id)))?;
    let mut d = store::find_in_scope(conn, scope, &d.id)?.ok_or(ServiceError::NotFound("delivery"))?;
    if !crate::service::platform::task::transition(conn, now, &mut t, TaskStatus::Queued, Some(now), None)? {
        return Err(ServiceError::Conflict("the delivery's task changed meanwhile; try again".into()));
    }
    d.status = enum_text(&DeliveryStatus::Pending);
    store::update(conn, &d)?;
    Ok(d)
}

pub fn retry(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<DeliveryOut>, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let d = find(conn, caller, id)?;
        let scope = caller.scope();
        // A deleted endpoint is not found: it takes no deliveries, as a disabled one.
        let endpoint = webhook_endpoint::find_in_scope(conn, &scope, &d.endpoint_id)?;
        if endpoint.is_none_or(|ep| ep.enabled != 1) {
            return Err(ServiceError::InvalidStateTransition(
                "the delivery's endpoint is disabled; enable it first".into(),
            ));
        }
        to_out(&requeue(conn, &scope, now, &d)?)
    })
}

/// Delivers an event again to every enabled endpoint of the caller's subtree that takes
/// it now: deliveries it had are made due again, missing ones are created.
pub fn replay(
    cx: &Context,
    caller: &Caller,
    event_id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<DeliveryPage>, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let scope = caller.scope();
        let e = event::find_in_scope(conn, &scope, event_id)?.ok_or(ServiceError::NotFound("event"))?;
        let (mut again, mut created) = (Vec::new(), Vec::new());
        for ep in webhook_endpoint::enabled_in_scope(conn, &scope)? {
            if !crate::service::messaging::dispatch::receives(&ep, &e.account_path, &e.event_type) {
                continue;
            }
            match store::find_for(conn, &scope, &ep.id, &e.id)? {
                Some(d) => again.push(d),
                None => created.push(ep),
            }
        }
        // Their tasks are locked in ascending id order, as the recorder locks its batch.
        again.sort_unstable_by(|a, b| a.task_id.cmp(&b.task_id));
        let mut out = Vec::with_capacity(again.len() + created.len());
        for d in &again {
            out.push(to_out(&requeue(conn, &scope, now, d)?)?);
        }
        for ep in &created {
            out.push(to_out(&crate::service::messaging::dispatch::create_delivery(conn, now, ep, &e.id)?)?);
        }
        out.sort_unstable_by(|a, b| a.endpoint_id.cmp(&b.endpoint_id));
        Ok(DeliveryPage { data: out, next_cursor: None })
    })
}
