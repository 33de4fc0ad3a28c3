//! What the catalog's use cases share: raising catalog events.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::events::outbox::{emit, NewEvent};
use crate::events::EventType;
use crate::service::ServiceError;
use crate::store::DbConn;

/// Raises a catalog event about an object of `account_id`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn raise<T: Serialize>(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    event_type: EventType,
    account_id: &str,
    account_path: &str,
    object_id: &str,
    data: &T,
    previous: Option<serde_json::Value>,
) -> Result<(), ServiceError> {
    emit(conn, now, NewEvent { event_type, account_id, account_path, object_id, data, previous })?;
    Ok(())
}
