//! The action workers' use cases: claiming due notification, script-call and periodic
//! tasks, preparing each (rendering, signing material; periodic jobs run right there), and
//! recording what each attempt got.

use chrono::Duration;
use rand::Rng;

use crate::clock::to_db;
use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::messaging::notification::{self, Email, NOTIFICATION_TASK};
use crate::service::messaging::script_action::{self, ScriptCall, SCRIPT_TASK};
use crate::service::{Context, ServiceError};
use crate::store::platform::task::{self, TaskRow};

/// A claimed task with what it needs to run.
#[derive(Debug, Clone)]
pub enum ActionJob {
    Email { task: TaskRow, email: Email },
    Script { task: TaskRow, call: ScriptCall },
}

/// What running a job got.
#[derive(Debug, Clone)]
pub enum ActionOutcome {
    /// The relay's answer, or why sending failed.
    Email(Result<String, String>),
    Script(AttemptOutcome),
}

/// Claims up to `limit` due action tasks for `owner`, holding them for `lease`, and
/// prepares each. Tasks that turn out to have nothing to do are finished on the way.
pub fn claim(
    cx: &Context,
    owner: &str,
    limit: i64,
    lease: std::time::Duration,
) -> Result<Vec<ActionJob>, ServiceError> {
    let now = cx.clock.now();
    let until = now + Duration::from_std(lease).unwrap_or(Duration::seconds(60));
    let lang = cx.settings.default_language.clone();
    let mut kinds = vec![NOTIFICATION_TASK, SCRIPT_TASK];
    kinds.extend(crate::service::platform::periodic::kinds());
    if !cx.db.read(|conn| task::any_due(conn, &kinds, to_db(now)).map_err(ServiceError::from))? {
        return Ok(Vec::new());
    }
    cx.db.write(|conn| {
        let tasks = task::claim(conn, &kinds, owner, to_db(now), to_db(until), limit)?;
        let mut jobs = Vec::with_capacity(tasks.len());
        for mut t in tasks {
            let job = if t.kind == NOTIFICATION_TASK {
                notification::prepare(conn, now, &lang, &mut t)?.map(|email| ActionJob::Email { task: t, email })
            } else if t.kind == SCRIPT_TASK {
                script_action::prepare(conn, now, &mut t)?.map(|call| ActionJob::Script { task: t, call })
            } else {
                crate::service::platform::periodic::run(conn, now, &mut t)?;
                None
            };
            jobs.extend(job);
        }
        Ok(jobs)
    })
}

/// Records a batch of finished jobs in one transaction. A task whose lease went to
/// another worker meanwhile is left to that worker.
pub fn record(cx: &Context, owner: &str, batch: Vec<(ActionJob, ActionOutcome)>) -> Result<(), ServiceError> {
    let now = cx.clock.now();
    cx.db.write(|conn| {
        for (job, outcome) in &batch {
            let jitter: f64 = rand::rng().random();
            let id = match job {
                ActionJob::Email { task, .. } | ActionJob::Script { task, .. } => &task.id,
            };
            let Some(mut t) = task::unscoped::find(conn, id)? else { continue };
            if t.lease_owner.as_deref() != Some(owner) {
                continue;
            }
            match (job, outcome) {
                (ActionJob::Email { email, .. }, ActionOutcome::Email(r)) => {
                    notification::record(conn, now, &mut t, email, r.clone(), jitter)?
                }
                (ActionJob::Script { call, .. }, ActionOutcome::Script(o)) => {
                    script_action::record(conn, now, &mut t, call, o, jitter)?
                }
                _ => return Err(ServiceError::Internal("an action outcome does not fit its job".into())),
            }
        }
        Ok(())
    })
}
