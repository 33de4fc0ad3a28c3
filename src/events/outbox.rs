//! Writing events to the outbox, inside the transaction of the change that raises them.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use serde::Serialize;

use super::EventType;
use crate::clock::to_db;
use crate::ids;
use crate::store::messaging::event::{self, EventRow};
use crate::store::{json_text, DbConn};

/// An event about to be written.
pub struct NewEvent<'a, T: Serialize> {
    pub event_type: EventType,
    /// The account that owns the object, and its path (for tenant-scoped reads).
    pub account_id: &'a str,
    pub account_path: &'a str,
    pub object_id: &'a str,
    /// The object's snapshot after the change.
    pub data: &'a T,
    /// Previous values of the fields that changed, where the event type gives them.
    pub previous: Option<serde_json::Value>,
}

/// Appends the event with the object's next sequence number.
pub fn emit<T: Serialize + 'static>(conn: &mut DbConn, now: DateTime<Utc>, e: NewEvent<'_, T>) -> QueryResult<()> {
    // The contract (the `webhooks` section) promises each event type's `data` schema: a
    // change that emits another type of snapshot breaks it, so every test run checks.
    debug_assert!(
        std::any::TypeId::of::<T>() == e.event_type.payload_type_id(),
        "{} emitted with a {} snapshot; the event table says {}",
        e.event_type.name(),
        std::any::type_name::<T>(),
        e.event_type.def().payload
    );
    let sequence = event::next_sequence(conn, e.object_id)?;
    event::insert(
        conn,
        &EventRow {
            id: ids::new_id(ids::EVENT),
            event_type: e.event_type.name().to_owned(),
            account_id: e.account_id.to_owned(),
            account_path: e.account_path.to_owned(),
            object_kind: e.event_type.def().object.to_owned(),
            object_id: e.object_id.to_owned(),
            sequence,
            data: json_text(e.data),
            previous: e.previous.as_ref().map(json_text),
            occurred_at: to_db(now),
            dispatched_at: None,
        },
    )
}
