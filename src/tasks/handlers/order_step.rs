//! `order.step`: one automatic step of an order's workflow. The step's action is database
//! work, so it runs in the claiming transaction (like the periodic jobs): the action, the
//! order's move to its next step and the task's end commit together or not at all.

use std::convert::Infallible;

use chrono::{DateTime, Utc};

use crate::service::ordering::workflow::{self, STEP_TASK};
use crate::service::{ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;
use crate::tasks::handler::{Env, Handler, Lane, Prepared, Verdict};

pub struct OrderStep;

impl Handler for OrderStep {
    /// Nothing runs outside the claiming transaction.
    type Job = Infallible;
    type Outcome = Infallible;

    fn kind(&self) -> &'static str {
        STEP_TASK
    }

    fn lane(&self) -> Lane {
        Lane::Actions
    }

    fn prepare(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        _settings: &Settings,
        t: &TaskRow,
    ) -> Result<Prepared<Infallible>, ServiceError> {
        Ok(match workflow::run_step(conn, now, t)? {
            Prepared::Settled(v) => Prepared::Settled(v),
            Prepared::Run(()) => Prepared::Settled(Verdict::Succeeded { result: None }),
        })
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
