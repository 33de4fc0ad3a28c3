//! Periodic jobs: housekeeping that runs on a schedule, each a durable task like any other
//! (visible at `GET /api/v1/tasks?kind=…`). A job is one task row that is rescheduled after
//! every run, so several processes never run it twice at the same time.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use stratum_api::platform::task::TaskStatus;

use crate::clock::to_db;
use crate::service::{Context, ServiceError};
use crate::store::platform::task::{self, TaskRow};
use crate::store::{identity::account, platform::idempotency, platform::soap_nonce, DbConn};

/// A periodic job.
#[derive(Debug, Clone, Copy)]
pub struct Job {
    pub kind: &'static str,
    pub every: StdDuration,
    pub description: &'static str,
}

pub const JOBS: [Job; 2] = [
    Job {
        kind: "maintenance.idempotency_keys.purge",
        every: StdDuration::from_secs(3600),
        description: "forgets stored Idempotency-Key answers older than their 24 hours",
    },
    Job {
        kind: "maintenance.soap_nonces.purge",
        every: StdDuration::from_secs(3600),
        description: "forgets WS-Security nonces too old to pass the freshness check",
    },
];

pub fn kinds() -> Vec<&'static str> {
    JOBS.iter().map(|j| j.kind).collect()
}

fn task_id(job: &Job) -> String {
    format!("tsk_periodic_{}", job.kind.replace('.', "_"))
}

/// Makes sure every job has its task (once per database; the first process to start
/// creates them, due at once). Tasks belong to the provider.
pub fn ensure_scheduled(cx: &Context) -> Result<(), ServiceError> {
    crate::service::write(cx, |conn, now| {
        let Some(provider) = account::provider(conn)? else { return Ok(()) };
        for job in &JOBS {
            if task::unscoped::find(conn, &task_id(job))?.is_some() {
                continue;
            }
            let payload = json!({"every_seconds": job.every.as_secs(), "description": job.description});
            let owner = (provider.id.as_str(), provider.path.as_str());
            task::insert(conn, &TaskRow::queued(task_id(job), job.kind, owner, &payload, to_db(now), to_db(now)))?;
        }
        Ok(())
    })
}

fn purge(conn: &mut DbConn, kind: &str, now: DateTime<Utc>) -> Result<usize, ServiceError> {
    Ok(match kind {
        "maintenance.idempotency_keys.purge" => idempotency::purge(
            conn,
            to_db(now - Duration::hours(crate::service::platform::idempotency::RETENTION_HOURS)),
        )?,
        "maintenance.soap_nonces.purge" => soap_nonce::purge(
            conn,
            to_db(now - Duration::seconds(2 * crate::service::identity::auth::DIGEST_WINDOW_SECONDS)),
        )?,
        other => return Err(ServiceError::Internal(format!("no periodic job {other}"))),
    })
}

/// Runs a claimed job's task (in the claiming transaction: the jobs are single statements)
/// and schedules its next run.
pub(crate) fn run(conn: &mut DbConn, now: DateTime<Utc>, t: &mut TaskRow) -> Result<(), ServiceError> {
    let Some(job) = JOBS.iter().find(|j| j.kind == t.kind) else {
        return crate::service::platform::task::transition(
            conn,
            now,
            t,
            TaskStatus::Dead,
            None,
            Some("no such periodic job".into()),
        )
        .map(drop);
    };
    let deleted = purge(conn, job.kind, now)?;
    t.result = Some(json!({"deleted": deleted, "ran_at": now}).to_string());
    t.attempts = 0;
    let next = now + Duration::from_std(job.every).unwrap_or(Duration::hours(1));
    crate::service::platform::task::transition(conn, now, t, TaskStatus::Queued, Some(next), None).map(drop)
}
