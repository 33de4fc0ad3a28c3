//! Idempotent writes: the answer of a POST is stored with its request's fingerprint in the
//! same transaction as the change, and replayed for a repeated `Idempotency-Key`.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::auth::Caller;
use crate::clock::to_db;
use crate::service::{Context, ServiceError};
use crate::store::platform::idempotency::{self, IdempotencyRow};
use crate::store::DbConn;

/// How long a stored answer is replayed.
pub const RETENTION_HOURS: i64 = 24;

/// An `Idempotency-Key` with the fingerprint of its request (method, path, body) and the
/// status a fresh success answers with.
#[derive(Debug, Clone)]
pub struct Idempotency {
    pub key: String,
    pub fingerprint: String,
    pub status: u16,
}

/// A fresh result, or the stored answer of an earlier identical request.
#[derive(Debug)]
pub enum Outcome<T> {
    Fresh(T),
    Replayed { status: u16, body: String },
}

impl<T> Outcome<T> {
    /// The result of a write that took no idempotency key, and so cannot be a replay.
    pub fn into_fresh(self) -> Result<T, ServiceError> {
        match self {
            Outcome::Fresh(t) => Ok(t),
            Outcome::Replayed { .. } => Err(ServiceError::Internal("replay without an idempotency key".into())),
        }
    }
}

/// Runs `f` in one write transaction; with an idempotency key, replays or stores the answer.
pub fn write<T: Serialize>(
    cx: &Context,
    caller: &Caller,
    idem: Option<&Idempotency>,
    f: impl FnOnce(&mut DbConn, DateTime<Utc>) -> Result<T, ServiceError>,
) -> Result<Outcome<T>, ServiceError> {
    let now = cx.clock.now();
    let result = cx.db.write(|conn| {
        if let Some(i) = idem {
            if let Some(stored) = lookup(conn, caller, i, now)? {
                return Ok(stored);
            }
        }
        let out = f(conn, now)?;
        if let Some(i) = idem {
            let body = serde_json::to_string(&out).map_err(|e| ServiceError::Internal(e.to_string()))?;
            idempotency::store(
                conn,
                &IdempotencyRow {
                    scope: caller.key_id.clone(),
                    idempotency_key: i.key.clone(),
                    fingerprint: i.fingerprint.clone(),
                    response_status: i32::from(i.status),
                    response_body: body,
                    created_at: to_db(now),
                },
            )?;
        }
        Ok(Outcome::Fresh(out))
    });
    match (result, idem) {
        // Two requests with one key raced and the other committed first: answer as it did.
        (Err(ServiceError::Conflict(m)), Some(i)) => {
            let mut conn = cx.db.conn()?;
            lookup(&mut conn, caller, i, now)?.ok_or(ServiceError::Conflict(m))
        }
        (result, _) => result,
    }
}

fn lookup<T>(
    conn: &mut DbConn,
    caller: &Caller,
    i: &Idempotency,
    now: DateTime<Utc>,
) -> Result<Option<Outcome<T>>, ServiceError> {
    let not_before = to_db(now - Duration::hours(RETENTION_HOURS));
    match idempotency::find(conn, &caller.key_id, &i.key, not_before)? {
        Some(row) if row.fingerprint == i.fingerprint => Ok(Some(Outcome::Replayed {
            status: u16::try_from(row.response_status).unwrap_or(200),
            body: row.response_body,
        })),
        Some(_) => Err(ServiceError::IdempotencyKeyReused),
        None => Ok(None),
    }
}
