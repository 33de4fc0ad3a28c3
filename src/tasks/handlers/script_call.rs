//! `script.call`: a signed call of a provider's script for an event (a script action).

use chrono::{DateTime, Utc};
use rand::Rng;

use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::messaging::script_action::{self, ScriptCall as Call, SCRIPT_TASK};
use crate::service::{ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;
use crate::tasks::handler::{Env, Handler, Lane, Prepared, Verdict};
use crate::tasks::outbound::attempt;

pub struct ScriptCall;

impl Handler for ScriptCall {
    type Job = Call;
    type Outcome = AttemptOutcome;

    fn kind(&self) -> &'static str {
        SCRIPT_TASK
    }

    fn lane(&self) -> Lane {
        Lane::Actions
    }

    fn prepare(
        &self,
        conn: &mut DbConn,
        _now: DateTime<Utc>,
        _settings: &Settings,
        t: &TaskRow,
    ) -> Result<Prepared<Call>, ServiceError> {
        script_action::prepare(conn, t)
    }

    async fn run(&self, env: &Env, call: &Call) -> AttemptOutcome {
        let secrets = [call.secret.clone()];
        attempt(&env.cx, &env.http, &call.url, &call.msg_id, &call.body, &secrets, call.timeout).await
    }

    fn record(
        &self,
        _conn: &mut DbConn,
        now: DateTime<Utc>,
        done: &[(&TaskRow, &Call, &AttemptOutcome)],
    ) -> Result<Vec<Verdict>, ServiceError> {
        Ok(done.iter().map(|(t, call, o)| script_action::verdict(now, t, call, o, rand::rng().random())).collect())
    }

    fn announces(&self, conn: &mut DbConn, t: &TaskRow) -> Result<bool, ServiceError> {
        Ok(!crate::service::messaging::event::carries_task_event(conn, t)?)
    }
}
