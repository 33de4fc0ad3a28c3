//! The periodic jobs: housekeeping that runs in the claiming transaction (each job is a
//! single statement) and reschedules itself. A new job is one constant here and one line
//! in the table.

use std::convert::Infallible;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::service::platform::periodic::{self, Schedule};
use crate::service::{ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;
use crate::tasks::handler::{Env, Handler, Lane, Prepared, Verdict};

pub struct Periodic {
    kind: &'static str,
    schedule: Schedule,
    work: fn(&mut DbConn, DateTime<Utc>) -> Result<usize, ServiceError>,
}

pub const IDEMPOTENCY_KEYS: Periodic = Periodic {
    kind: "maintenance.idempotency_keys.purge",
    schedule: Schedule {
        every: Duration::from_secs(3600),
        description: "forgets stored Idempotency-Key answers older than their 24 hours",
    },
    work: periodic::purge_idempotency_keys,
};

pub const SOAP_NONCES: Periodic = Periodic {
    kind: "maintenance.soap_nonces.purge",
    schedule: Schedule {
        every: Duration::from_secs(3600),
        description: "forgets WS-Security nonces too old to pass the freshness check",
    },
    work: periodic::purge_soap_nonces,
};

impl Handler for Periodic {
    /// Nothing runs outside the claiming transaction.
    type Job = Infallible;
    type Outcome = Infallible;

    fn kind(&self) -> &'static str {
        self.kind
    }

    fn lane(&self) -> Lane {
        Lane::Actions
    }

    fn schedule(&self) -> Option<Schedule> {
        Some(self.schedule)
    }

    fn prepare(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        _settings: &Settings,
        _t: &TaskRow,
    ) -> Result<Prepared<Infallible>, ServiceError> {
        periodic::run(conn, now, &self.schedule, self.work).map(Prepared::Settled)
    }

    async fn run(&self, _env: &Env, job: &Infallible) -> Infallible {
        match *job {}
    }

    fn record(
        &self,
        _conn: &mut DbConn,
        _now: DateTime<Utc>,
        done: &[(&TaskRow, &Infallible, &Infallible)],
    ) -> Result<Vec<Verdict>, ServiceError> {
        Ok(done.iter().map(|(_, job, _)| match **job {}).collect())
    }
}
