//! What the catalog's use cases share: what a caller sees of its ancestors' catalog, and
//! raising catalog events.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::auth::Caller;
use crate::events::outbox::{emit, NewEvent};
use crate::events::EventType;
use crate::service::ServiceError;
use crate::store::DbConn;

/// The paths of the caller's ancestors: resource types and service templates defined
/// above an account are visible to it (it builds on them), besides its own subtree's.
pub(crate) fn above(caller: &Caller) -> Vec<String> {
    crate::domain::identity::tree::ancestor_paths(&caller.account_path)
}

/// Raises a catalog event about an object of `account_id`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn raise<T: Serialize + 'static>(
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
