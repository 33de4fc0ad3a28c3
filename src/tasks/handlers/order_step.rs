//! `order.step`: one automatic step of an order's workflow. The step's action is database
//! work, so it runs in the claiming transaction (like the periodic jobs): the action, the
//! order's move to its next step and the task's end commit together or not at all. The
//! one exception is a screening that calls external screening services: a worker makes
//! the calls, and the recorder's transaction ends the step the same way.

use chrono::{DateTime, Utc};
use stratum_api::platform::task::TaskStatus;

use crate::auth::Scope;
use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::ordering::workflow::{self, ScreeningJob, STEP_TASK};
use crate::service::{ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;
use crate::tasks::handler::{Env, Handler, Lane, Prepared, Verdict};
use crate::tasks::outbound::attempt;

pub struct OrderStep;

/// Attempts of a step task that cannot run before it is given up (`OrderRetry` then).
const MAX_ATTEMPTS: i32 = 5;

/// Why a step that could not run is tried again, or given up after `MAX_ATTEMPTS`.
fn not_run(t: &TaskRow, now: DateTime<Utc>, e: &ServiceError) -> Verdict {
    tracing::error!(task = %t.id, error = %e, "an order step could not run");
    let error = "the step could not run; it is tried again".to_owned();
    if t.attempts >= MAX_ATTEMPTS {
        Verdict::Dead { error, result: None }
    } else {
        let at = now + chrono::Duration::seconds(30 * i64::from(t.attempts.max(1)));
        Verdict::Retry { at, error, result: None }
    }
}

impl Handler for OrderStep {
    /// Only a screening's external calls run outside the claiming transaction.
    type Job = ScreeningJob;
    /// One outcome per call made, in order.
    type Outcome = Vec<AttemptOutcome>;

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
    ) -> Result<Prepared<ScreeningJob>, ServiceError> {
        // In a savepoint: a step that cannot even record its failure (the database refused a
        // write) is tried again later, and never takes the other claimed tasks down with it.
        let ran = diesel::Connection::transaction(conn, |c| workflow::run_step(c, now, t));
        Ok(ran.unwrap_or_else(|e| Prepared::Settled(not_run(t, now, &e))))
    }

    /// A step task cancelled over the tasks API leaves its step failed, so that
    /// `OrderRetry` can queue it again.
    fn follow(&self, conn: &mut DbConn, _scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
        if next == TaskStatus::Cancelled {
            workflow::step_task_cancelled(conn, t)?;
        }
        Ok(())
    }

    /// The screening services are called one after the other, each within its action's
    /// timeout, signed with its secret.
    async fn run(&self, env: &Env, job: &ScreeningJob) -> Vec<AttemptOutcome> {
        let mut outcomes = Vec::new();
        for call in job.calls.iter().filter_map(|c| c.call.as_ref()) {
            let secrets = [call.secret.clone()];
            outcomes
                .push(attempt(&env.cx, &env.http, &call.url, &call.msg_id, &call.body, &secrets, call.timeout).await);
        }
        outcomes
    }

    fn record(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        done: &[(&TaskRow, &ScreeningJob, &Vec<AttemptOutcome>)],
    ) -> Result<Vec<Verdict>, ServiceError> {
        Ok(done
            .iter()
            .map(|(t, job, outcomes)| {
                let ran = diesel::Connection::transaction(conn, |c| workflow::screened(c, now, t, job, outcomes));
                ran.unwrap_or_else(|e| not_run(t, now, &e))
            })
            .collect())
    }
}
