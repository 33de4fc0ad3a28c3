//! Reading the event catalog and the outbox.

use stratum_api::messaging::event::{EventOut, EventPage, EventTypeOut, EventTypePage, ObjectRef};

use crate::auth::Caller;
use crate::clock::from_db;
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::events::{EventType, CATALOG};
use crate::service::{require, Context, ServiceError};
use crate::store::messaging::event::{self as store, EventFilter, EventRow};
use crate::store::text_json;
use stratum_api::messaging::event::EventListQuery;

pub fn types() -> EventTypePage {
    EventTypePage {
        data: CATALOG
            .iter()
            .map(|d| EventTypeOut {
                event_type: d.name.to_owned(),
                domain: d.domain.as_str().to_owned(),
                object: d.object.to_owned(),
                description: d.description.to_owned(),
                legacy_name: d.legacy_name.map(str::to_owned),
            })
            .collect(),
        next_cursor: None,
    }
}

pub(crate) fn to_out(row: &EventRow) -> Result<EventOut, ServiceError> {
    let domain = EventType::from_name(&row.event_type)
        .map(|t| t.def().domain.as_str())
        .ok_or_else(|| ServiceError::Internal(format!("event type {} is not in the catalog", row.event_type)))?;
    Ok(EventOut {
        id: row.id.clone(),
        event_type: row.event_type.clone(),
        domain: domain.to_owned(),
        occurred_at: from_db(row.occurred_at),
        account_id: row.account_id.clone(),
        object: ObjectRef { kind: row.object_kind.clone(), id: row.object_id.clone() },
        sequence: row.sequence,
        data: text_json(&row.data)?,
        previous: row.previous.as_deref().map(text_json).transpose()?,
    })
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &EventListQuery,
    page: &PageRequest,
) -> Result<EventPage, ServiceError> {
    let filter = &EventFilter { event_type: query.event_type.clone(), object_id: query.object_id.clone() };
    require(caller, Permission::EventsRead)?;
    if let Some(t) = &filter.event_type {
        if EventType::from_name(t).is_none() {
            return Err(ServiceError::validation(
                "type",
                "unknown_event_type",
                format!("`{t}` is not in the event catalog"),
            ));
        }
    }
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(EventPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<EventOut, ServiceError> {
    require(caller, Permission::EventsRead)?;
    cx.db.read(|conn| to_out(&store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("event"))?))
}

/// Whether the task carries a `task.*` event to a receiver (its payload's `event_id`, as
/// deliveries, script calls and notifications have). The failures of such a task raise no
/// task events of their own: an endpoint subscribed to `*` would otherwise feed on the
/// failures of its own deliveries without end.
pub(crate) fn carries_task_event(
    conn: &mut crate::store::DbConn,
    t: &crate::store::platform::task::TaskRow,
) -> Result<bool, ServiceError> {
    let payload: serde_json::Value = text_json(&t.payload)?;
    let Some(id) = payload["event_id"].as_str() else { return Ok(false) };
    Ok(store::unscoped::find(conn, id)?.is_some_and(|e| e.event_type.starts_with("task.")))
}
