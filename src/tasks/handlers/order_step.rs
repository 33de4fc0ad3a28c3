//! `order.step`: one automatic step of an order's workflow. The step's action is database
//! work, so it runs in the claiming transaction (like the periodic jobs): the action, the
//! order's move to its next step and the task's end commit together or not at all.

use std::convert::Infallible;

use chrono::{DateTime, Utc};
use stratum_api::platform::task::TaskStatus;

use crate::auth::Scope;
use crate::service::ordering::workflow::{self, STEP_TASK};
use crate::service::{ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;
use crate::tasks::handler::{Env, Handler, Lane, Prepared, Verdict};

pub struct OrderStep;

/// Attempts of a step task that cannot run before it is given up (`OrderRetry` then).
const MAX_ATTEMPTS: i32 = 5;

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
        // In a savepoint: a step that cannot even record its failure (the database refused a
        // write) is tried again later, and never takes the other claimed tasks down with it.
        let ran: Result<Prepared<()>, ServiceError> =
            diesel::Connection::transaction(conn, |c| workflow::run_step(c, now, t));
        Ok(match ran {
            Ok(Prepared::Settled(v)) => Prepared::Settled(v),
            Ok(Prepared::Run(())) => Prepared::Settled(Verdict::Succeeded { result: None }),
            Err(e) => {
                tracing::error!(task = %t.id, error = %e, "an order step could not run");
                let error = "the step could not run; it is tried again".to_owned();
                if t.attempts >= MAX_ATTEMPTS {
                    Prepared::Settled(Verdict::Dead { error, result: None })
                } else {
                    let at = now + chrono::Duration::seconds(30 * i64::from(t.attempts.max(1)));
                    Prepared::Settled(Verdict::Retry { at, error, result: None })
                }
            }
        })
    }

    /// A step task cancelled over the tasks API leaves its step failed, so that
    /// `OrderRetry` can queue it again.
    fn follow(&self, conn: &mut DbConn, _scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
        if next == TaskStatus::Cancelled {
            workflow::step_task_cancelled(conn, t)?;
        }
        Ok(())
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
