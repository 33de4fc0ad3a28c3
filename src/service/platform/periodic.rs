//! Periodic jobs: housekeeping that runs on a schedule, each a durable task like any other
//! (visible at `GET /api/v1/tasks?kind=…`). A job is one task row that is rescheduled after
//! every run, so several processes never run it twice at the same time. The jobs
//! themselves are task handlers (`tasks/handlers/periodic.rs`).

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use crate::clock::to_db;
use crate::service::platform::task::Verdict;
use crate::service::{Context, ServiceError};
use crate::store::platform::task::{self, TaskRow};
use crate::store::{identity::account, platform::idempotency, platform::soap_nonce, DbConn};

/// When a periodic job runs, and what it does (shown in its task's payload).
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    pub every: StdDuration,
    pub description: &'static str,
}

fn task_id(kind: &str) -> String {
    format!("tsk_periodic_{}", kind.replace('.', "_"))
}

/// Makes sure every job (`kind` and schedule) has its task (once per database; the first
/// process to start creates them, due at once). Tasks belong to the provider.
pub fn ensure_scheduled(cx: &Context, jobs: &[(&str, Schedule)]) -> Result<(), ServiceError> {
    crate::service::write(cx, |conn, now| {
        let Some(provider) = account::unscoped::provider(conn)? else { return Ok(()) };
        for (kind, schedule) in jobs {
            if task::unscoped::find(conn, &task_id(kind))?.is_some() {
                continue;
            }
            let payload = json!({"every_seconds": schedule.every.as_secs(), "description": schedule.description});
            let owner = (provider.id.as_str(), provider.path.as_str());
            task::insert(conn, &TaskRow::queued(task_id(kind), kind, owner, &payload, to_db(now), to_db(now)))?;
        }
        Ok(())
    })
}

/// Forgets stored Idempotency-Key answers past their retention; how many.
pub(crate) fn purge_idempotency_keys(conn: &mut DbConn, now: DateTime<Utc>) -> Result<usize, ServiceError> {
    let before = now - Duration::hours(crate::service::platform::idempotency::RETENTION_HOURS);
    Ok(idempotency::purge(conn, to_db(before))?)
}

/// Forgets WS-Security nonces too old to pass the freshness check anyway; how many.
pub(crate) fn purge_soap_nonces(conn: &mut DbConn, now: DateTime<Utc>) -> Result<usize, ServiceError> {
    let before = now - Duration::seconds(2 * crate::service::identity::auth::DIGEST_WINDOW_SECONDS);
    Ok(soap_nonce::purge(conn, to_db(before))?)
}

/// A job's run (in the claiming transaction: the jobs are single statements): its result
/// and its next run.
pub(crate) fn run(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    schedule: &Schedule,
    work: fn(&mut DbConn, DateTime<Utc>) -> Result<usize, ServiceError>,
) -> Result<Verdict, ServiceError> {
    let deleted = work(conn, now)?;
    let at = now + Duration::from_std(schedule.every).unwrap_or(Duration::hours(1));
    Ok(Verdict::Again { at, result: Some(json!({"deleted": deleted, "ran_at": now})) })
}
