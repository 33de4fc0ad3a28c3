//! What a kind of task is to the runner: how a claimed task is prepared (in the claiming
//! transaction), run (outside any transaction), recorded (in batches), and what a change
//! of its state over the API does to its object. A new kind is one handler and one line in
//! the table (`runner::TABLE`).

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use chrono::{DateTime, Utc};
use stratum_api::platform::task::TaskStatus;

use crate::auth::Scope;
pub use crate::service::platform::periodic::Schedule;
pub use crate::service::platform::task::{Prepared, Verdict};
use crate::service::{Context, ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;

/// The worker pools: each has its own concurrency, lease and wake-up, so that a slow SMTP
/// relay never holds up webhook deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    /// Webhook deliveries: many short HTTP calls (`webhook_concurrency`).
    Webhooks,
    /// Everything else: notifications, script calls, periodic jobs (`action_concurrency`).
    Actions,
}

impl Lane {
    /// A worker owns a claimed task this long; if it dies, another takes it after.
    pub const fn lease(self) -> Duration {
        match self {
            Lane::Webhooks => Duration::from_secs(60),
            Lane::Actions => Duration::from_secs(120),
        }
    }

    /// Most tasks claimed in one transaction.
    pub const fn max_claim(self) -> usize {
        match self {
            Lane::Webhooks => 100,
            Lane::Actions => 50,
        }
    }

    /// Most outcomes recorded in one transaction.
    pub const fn max_record(self) -> usize {
        match self {
            Lane::Webhooks => 500,
            Lane::Actions => 200,
        }
    }
}

/// What handlers run with: the service context and the process's outbound clients.
pub struct Env {
    pub cx: Context,
    pub http: reqwest::Client,
    pub mailer: super::handlers::notification::Mailer,
}

/// A kind of task.
pub trait Handler: Send + Sync + 'static {
    /// What a prepared task needs to run.
    type Job: Send + Sync + 'static;
    /// What running it got.
    type Outcome: Send + 'static;

    /// The task kind (`tasks.kind`).
    fn kind(&self) -> &'static str;

    fn lane(&self) -> Lane;

    /// For a periodic job: when it runs. Its task is created at start when missing.
    fn schedule(&self) -> Option<Schedule> {
        None
    }

    /// Prepares a claimed task in the claiming transaction (attempts already counted):
    /// ready to run, or settled there.
    fn prepare(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        settings: &Settings,
        t: &TaskRow,
    ) -> Result<Prepared<Self::Job>, ServiceError>;

    /// Prepares the claimed tasks of this kind of one claim, one verdict-or-job per task in
    /// order; one by one unless the handler reads what its tasks need in a few statements.
    fn prepare_batch(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        settings: &Settings,
        tasks: &[TaskRow],
    ) -> Result<Vec<Prepared<Self::Job>>, ServiceError> {
        tasks.iter().map(|t| self.prepare(conn, now, settings, t)).collect()
    }

    /// Runs a prepared task, without the database.
    fn run(&self, env: &Env, job: &Self::Job) -> impl Future<Output = Self::Outcome> + Send;

    /// Records finished tasks (held by this process) in the recorder's transaction,
    /// deciding for each what follows; one verdict per task, in order.
    fn record(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        done: &[(&TaskRow, &Self::Job, &Self::Outcome)],
    ) -> Result<Vec<Verdict>, ServiceError>;

    /// What a retry (`next` queued) or a cancellation over the tasks API does to the
    /// task's object, read through the caller's `scope`.
    fn follow(&self, _conn: &mut DbConn, _scope: &Scope, _t: &TaskRow, _next: TaskStatus) -> Result<(), ServiceError> {
        Ok(())
    }

    /// Whether the failures of `t` raise `task.failed` / `task.rescheduled` / `task.dead`.
    fn announces(&self, _conn: &mut DbConn, _t: &TaskRow) -> Result<bool, ServiceError> {
        Ok(true)
    }
}

type Boxed = Box<dyn Any + Send + Sync>;

/// A claimed, prepared task on its way to a worker.
pub struct Work {
    pub(crate) handler: &'static dyn Registered,
    pub(crate) task: TaskRow,
    job: Boxed,
}

impl Work {
    /// A task `handler` prepared elsewhere (the dispatcher claims new deliveries itself).
    pub fn new<H: Handler>(handler: &'static H, task: TaskRow, job: H::Job) -> Work {
        Work { handler, task, job: Box::new(job) }
    }
}

/// A claimed task after its handler prepared it: work for a worker, or settled right in
/// the claim (nothing to do, or done there) with its verdict.
pub enum Claimed {
    Run(Work),
    Settled(TaskRow, Verdict),
}

/// A task that ran, on its way to the recorder.
pub struct Done {
    pub(crate) handler: &'static dyn Registered,
    pub(crate) task: TaskRow,
    job: Boxed,
    outcome: Box<dyn Any + Send>,
}

/// A handler as the table holds it: jobs and outcomes type-erased, each paired with the
/// handler that made it (a `Work` is only ever built by its own handler).
pub trait Registered: Send + Sync {
    fn kind(&self) -> &'static str;
    fn lane(&self) -> Lane;
    fn schedule(&self) -> Option<Schedule>;
    /// The tasks prepared or settled, in order.
    fn prepare_works(
        &'static self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        settings: &Settings,
        tasks: Vec<TaskRow>,
    ) -> Result<Vec<Claimed>, ServiceError>;
    fn run_work(&'static self, env: std::sync::Arc<Env>, work: Work) -> Pin<Box<dyn Future<Output = Done> + Send>>;
    fn record_done(&self, conn: &mut DbConn, now: DateTime<Utc>, done: &[&Done]) -> Result<Vec<Verdict>, ServiceError>;
    fn follow(&self, conn: &mut DbConn, scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError>;
    fn announces(&self, conn: &mut DbConn, t: &TaskRow) -> Result<bool, ServiceError>;
}

fn mismatch(kind: &str) -> ServiceError {
    ServiceError::Internal(format!("a {kind} task carries another handler's job"))
}

impl<H: Handler> Registered for H {
    fn kind(&self) -> &'static str {
        Handler::kind(self)
    }

    fn lane(&self) -> Lane {
        Handler::lane(self)
    }

    fn schedule(&self) -> Option<Schedule> {
        Handler::schedule(self)
    }

    fn prepare_works(
        &'static self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        settings: &Settings,
        tasks: Vec<TaskRow>,
    ) -> Result<Vec<Claimed>, ServiceError> {
        let prepared = Handler::prepare_batch(self, conn, now, settings, &tasks)?;
        if prepared.len() != tasks.len() {
            return Err(ServiceError::Internal(format!(
                "the {} handler left claimed tasks unprepared",
                Handler::kind(self)
            )));
        }
        Ok(tasks
            .into_iter()
            .zip(prepared)
            .map(|(t, p)| match p {
                Prepared::Run(job) => Claimed::Run(Work::new(self, t, job)),
                Prepared::Settled(verdict) => Claimed::Settled(t, verdict),
            })
            .collect())
    }

    fn run_work(&'static self, env: std::sync::Arc<Env>, work: Work) -> Pin<Box<dyn Future<Output = Done> + Send>> {
        Box::pin(async move {
            let Work { handler, task, job } = work;
            let outcome: Box<dyn Any + Send> = match job.downcast_ref::<H::Job>() {
                Some(j) => Box::new(Handler::run(self, &env, j).await),
                // Never built so (see `Work`); the recorder reports it.
                None => Box::new(()),
            };
            Done { handler, task, job, outcome }
        })
    }

    fn record_done(&self, conn: &mut DbConn, now: DateTime<Utc>, done: &[&Done]) -> Result<Vec<Verdict>, ServiceError> {
        let typed = done
            .iter()
            .map(|d| match (d.job.downcast_ref::<H::Job>(), d.outcome.downcast_ref::<H::Outcome>()) {
                (Some(j), Some(o)) => Ok((&d.task, j, o)),
                _ => Err(mismatch(Handler::kind(self))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let verdicts = Handler::record(self, conn, now, &typed)?;
        if verdicts.len() != typed.len() {
            return Err(ServiceError::Internal(format!(
                "the {} handler left tasks without a verdict",
                Handler::kind(self)
            )));
        }
        Ok(verdicts)
    }

    fn follow(&self, conn: &mut DbConn, scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
        Handler::follow(self, conn, scope, t, next)
    }

    fn announces(&self, conn: &mut DbConn, t: &TaskRow) -> Result<bool, ServiceError> {
        Handler::announces(self, conn, t)
    }
}
