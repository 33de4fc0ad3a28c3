//! `webhook.deliver`: one signed POST of an event to an endpoint, recorded as a delivery
//! attempt. The hot path: the dispatcher hands new deliveries straight to this lane.

use chrono::{DateTime, Utc};
use stratum_api::platform::task::TaskStatus;

use crate::auth::Scope;
use crate::service::messaging::dispatch::{self, AttemptOutcome, DeliveryJob};
use crate::service::{ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;
use crate::tasks::handler::{Env, Handler, Lane, Prepared, Verdict};
use crate::tasks::outbound::{attempt, TIMEOUT};

pub struct WebhookDelivery;

impl Handler for WebhookDelivery {
    type Job = DeliveryJob;
    type Outcome = AttemptOutcome;

    fn kind(&self) -> &'static str {
        dispatch::WEBHOOK_TASK
    }

    fn lane(&self) -> Lane {
        Lane::Webhooks
    }

    fn prepare(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        settings: &Settings,
        t: &TaskRow,
    ) -> Result<Prepared<DeliveryJob>, ServiceError> {
        let mut one = self.prepare_batch(conn, now, settings, std::slice::from_ref(t))?;
        one.pop().ok_or(ServiceError::Internal("a delivery task went unprepared".into()))
    }

    fn prepare_batch(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        _settings: &Settings,
        tasks: &[TaskRow],
    ) -> Result<Vec<Prepared<DeliveryJob>>, ServiceError> {
        dispatch::prepare_batch(conn, now, tasks)
    }

    async fn run(&self, env: &Env, job: &DeliveryJob) -> AttemptOutcome {
        attempt(&env.cx, &env.http, &job.url, &job.msg_id, &job.body, &job.secrets, TIMEOUT).await
    }

    fn record(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        done: &[(&TaskRow, &DeliveryJob, &AttemptOutcome)],
    ) -> Result<Vec<Verdict>, ServiceError> {
        dispatch::record(conn, now, done)
    }

    fn follow(&self, conn: &mut DbConn, scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
        dispatch::follow_task(conn, scope, t, next)
    }

    fn announces(&self, conn: &mut DbConn, t: &TaskRow) -> Result<bool, ServiceError> {
        Ok(!crate::service::messaging::event::carries_task_event(conn, t)?)
    }
}
