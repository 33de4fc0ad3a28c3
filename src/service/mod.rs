//! Use cases: one function per API operation, each in one database transaction that also
//! writes the operation's events to the outbox. REST and SOAP both call these.

pub mod catalog;
pub mod error;
pub mod identity;
pub mod messaging;
pub mod ordering;
pub mod platform;
pub mod subscriptions;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use error::ServiceError;
pub use platform::idempotency::{Idempotency, Outcome};

use crate::auth::Caller;
use crate::clock::{to_db, Clock};
use crate::domain::identity::permission::Permission;
use crate::events::outbox::{emit, NewEvent};
use crate::events::EventType;
use crate::store::owned::Owned;
use crate::store::versioned::{self, Saved, Versioned};
use crate::store::{Db, DbConn};

/// What every use case needs: the database, the clock and the operator's settings.
#[derive(Clone)]
pub struct Context {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub settings: Arc<Settings>,
    /// Set when the server runs on a test clock (then also `clock`).
    pub test_clock: Option<Arc<crate::clock::TestClock>>,
}

impl Context {
    /// Whether a call's queries are local work (SQLite, microseconds) rather than waits on
    /// the network (PostgreSQL): the first are best run right on the calling thread.
    pub fn calls_are_local(&self) -> bool {
        self.db.backend() == crate::store::db::Backend::Sqlite
    }
}

/// Operator settings the use cases follow.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Webhook endpoints may point at loopback and private addresses (tests, labs).
    pub allow_private_webhook_urls: bool,
    /// The language of notifications where no account on the way up sets one.
    pub default_language: String,
}

/// Runs `f` in one write transaction with the current time: a change and its events
/// commit together or not at all. (`platform::idempotency::write` adds the replay of POSTs.)
pub fn write<T>(
    cx: &Context,
    f: impl FnOnce(&mut crate::store::DbConn, chrono::DateTime<chrono::Utc>) -> Result<T, ServiceError>,
) -> Result<T, ServiceError> {
    let now = cx.clock.now();
    cx.db.write(|conn| f(conn, now))
}

/// The previous values of the fields that differ between two snapshots of an object
/// (bookkeeping fields aside): the `previous` of an `…updated` event.
pub(crate) fn changed_fields<T: serde::Serialize>(before: &T, after: &T) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::Value;
    let (Ok(Value::Object(b)), Ok(Value::Object(a))) = (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return serde_json::Map::new();
    };
    b.into_iter().filter(|(k, v)| !matches!(k.as_str(), "version" | "updated_at") && a.get(k) != Some(v)).collect()
}

/// Refuses the call unless the caller's role grants `p`.
/// `scope` narrowed to an account of its subtree (the owner an object is for), seeing what
/// that account would; an account outside answers as a missing one.
pub(crate) fn narrowed(
    scope: &crate::auth::Scope,
    account_id: &str,
    path: &str,
) -> Result<crate::auth::Scope, ServiceError> {
    scope.narrowed_to(account_id, path).ok_or(ServiceError::NotFound("account"))
}

pub fn require(caller: &Caller, p: Permission) -> Result<(), ServiceError> {
    if caller.has(p) {
        Ok(())
    } else {
        Err(ServiceError::PermissionDenied(format!("this call needs the `{p}` permission")))
    }
}

/// Raises `event_type` about `object`, with its snapshot `data` and, where the event type
/// gives them, the `previous` values of the fields that changed: the one way an owned
/// object's events reach the outbox, inside the caller's transaction.
pub fn raise<T: Serialize + 'static>(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    event_type: EventType,
    object: &impl Owned,
    data: &T,
    previous: Option<serde_json::Value>,
) -> Result<(), ServiceError> {
    let e = NewEvent {
        event_type,
        account_id: object.owner_id(),
        account_path: object.owner_path(),
        object_id: object.object_id(),
        data,
        previous,
    };
    Ok(emit(conn, now, e)?)
}

/// Saves a changed row: one versioned write (`store::versioned`). A row that somebody
/// else changed since it was read answers 412 with the version stored now, so the
/// client's retry can name it in `If-Match`.
pub fn save<R: Versioned>(conn: &mut DbConn, now: DateTime<Utc>, row: &mut R) -> Result<(), ServiceError> {
    match versioned::save(conn, row, to_db(now))? {
        Saved::Written => Ok(()),
        Saved::Stale(found) => Err(stale::<R>(found)),
    }
}

/// The refusal of a versioned delete of `id` that missed: 412 with the version stored now.
pub fn missed<R: Versioned>(conn: &mut DbConn, id: &str) -> ServiceError {
    match R::stored_version(conn, id) {
        Ok(found) => stale::<R>(found),
        Err(e) => e.into(),
    }
}

/// The refusal of a versioned write that found `stored` instead of the version it read
/// (`None`: the row is gone).
fn stale<R: Versioned>(stored: Option<i64>) -> ServiceError {
    match stored {
        Some(current) => ServiceError::VersionMismatch { current },
        None => ServiceError::NotFound(R::OBJECT),
    }
}

/// Refuses a write whose `If-Match` names another version than the stored one.
pub fn check_version(expected: Option<i64>, current: i64) -> Result<(), ServiceError> {
    match expected {
        Some(v) if v != current => Err(ServiceError::VersionMismatch { current }),
        _ => Ok(()),
    }
}
