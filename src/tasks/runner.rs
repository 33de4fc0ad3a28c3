//! The one task runner: the table of handlers, and per lane its claim loops (batched
//! claims, leased), workers bounded by a semaphore, and a recorder that writes finished
//! tasks in batches and applies each verdict (retries on the handler's schedule, with
//! their `task.*` events).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::sync::{Notify, Semaphore};

use super::handler::{Claimed, Done, Env, Lane, Registered, Schedule, Verdict, Work};
use super::handlers::{notification, order_step, periodic, script_call, webhook_delivery};
use super::{Wake, IDLE_POLL};
use crate::service::platform::task as tasks;
use crate::service::{Context, ServiceError};
use crate::store::platform::task::TaskRow;

/// Every kind of task this server runs. A new kind: its handler file in `handlers/` and
/// one line here.
pub static TABLE: Table = Table::new(&[
    &webhook_delivery::WebhookDelivery,
    &notification::Notification,
    &script_call::ScriptCall,
    &order_step::OrderStep,
    &periodic::IDEMPOTENCY_KEYS,
    &periodic::SOAP_NONCES,
]);

/// Handlers by kind.
pub struct Table {
    handlers: &'static [&'static dyn Registered],
}

impl Table {
    pub const fn new(handlers: &'static [&'static dyn Registered]) -> Table {
        Table { handlers }
    }

    pub fn find(&self, kind: &str) -> Option<&'static dyn Registered> {
        self.handlers.iter().copied().find(|h| h.kind() == kind)
    }

    /// The kinds a lane claims.
    pub fn kinds(&self, lane: Lane) -> Vec<&'static str> {
        self.handlers.iter().filter(|h| h.lane() == lane).map(|h| h.kind()).collect()
    }

    /// The periodic jobs, by kind.
    pub fn schedules(&self) -> Vec<(&'static str, Schedule)> {
        self.handlers.iter().filter_map(|h| h.schedule().map(|s| (h.kind(), s))).collect()
    }

    /// A kind registered twice (only the first would ever run), if any.
    pub fn duplicate(&self) -> Option<&'static str> {
        let mut seen = HashSet::new();
        self.handlers.iter().map(|h| h.kind()).find(|k| !seen.insert(*k))
    }
}

/// One lane's workers in this process: at most `concurrency` tasks in flight, fed by their
/// own claims and, for webhooks, by the dispatcher's hand-offs.
#[derive(Clone)]
pub struct Runner {
    pub owner: String,
    lane: Lane,
    env: Arc<Env>,
    slots: Arc<Semaphore>,
    done: UnboundedSender<Done>,
}

impl Runner {
    pub fn start(
        table: &'static Table,
        env: Arc<Env>,
        wake: &Wake,
        lane: Lane,
        owner: String,
        concurrency: usize,
        claimers: usize,
    ) -> Runner {
        let (done, finished) = tokio::sync::mpsc::unbounded_channel();
        let runner = Runner { owner, lane, env, slots: Arc::new(Semaphore::new(concurrency)), done };
        let dispatcher = wake.dispatcher.clone();
        actix_web::rt::spawn(recorder(runner.clone(), finished, dispatcher.clone()));
        for _ in 0..claimers.max(1) {
            actix_web::rt::spawn(claim_loop(runner.clone(), table, wake.lane(lane), dispatcher.clone()));
        }
        runner
    }

    /// Tasks this process could start now.
    pub fn idle(&self) -> usize {
        self.slots.available_permits()
    }

    /// Starts each task as soon as a slot is free.
    pub async fn send_all(&self, work: Vec<Work>) {
        for w in work {
            let Ok(permit) = self.slots.clone().acquire_owned().await else { return };
            let (env, done) = (self.env.clone(), self.done.clone());
            actix_web::rt::spawn(async move {
                let finished = w.handler.run_work(env, w).await;
                drop(permit);
                let _ = done.send(finished);
            });
        }
    }
}

/// Claims due tasks of the lane's kinds: retries, scheduled ones, and what other
/// processes' dispatchers left in the queue.
async fn claim_loop(r: Runner, table: &'static Table, wake: Arc<Notify>, dispatcher: Arc<Notify>) {
    let kinds = table.kinds(r.lane);
    let limit = r.lane.max_claim();
    loop {
        let free = r.slots.available_permits().min(limit);
        if free == 0 {
            // Wait for one task to finish before claiming more.
            drop(r.slots.acquire().await);
            continue;
        }
        let (env, owner, kinds) = (r.env.clone(), r.owner.clone(), kinds.clone());
        let lease = r.lane.lease();
        let claimed =
            actix_web::rt::task::spawn_blocking(move || claim(table, &env.cx, &kinds, &owner, free, lease)).await;
        let (work, settled) = match claimed {
            Ok(Ok((work, raised, settled))) => {
                if raised {
                    dispatcher.notify_one();
                }
                (work, settled)
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, lane = ?r.lane, "claiming tasks failed");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, lane = ?r.lane, "claiming tasks panicked");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if work.is_empty() {
            // Tasks settled in the claim (a workflow step) often leave the next one due.
            if !settled {
                let _ = tokio::time::timeout(IDLE_POLL, wake.notified()).await;
            }
            continue;
        }
        r.send_all(work).await;
    }
}

/// Claims up to `limit` due tasks of `kinds` for `owner`, holding them for `lease`, and
/// prepares each in the same transaction; those settled there (nothing to do, or done
/// right there) never reach a worker. Also says whether task events were raised and
/// whether any task was settled so.
fn claim(
    table: &'static Table,
    cx: &Context,
    kinds: &[&str],
    owner: &str,
    limit: usize,
    lease: Duration,
) -> Result<(Vec<Work>, bool, bool), ServiceError> {
    let now = cx.clock.now();
    let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::seconds(60));
    if !cx.db.read(|conn| tasks::any_due(conn, kinds, now))? {
        return Ok((Vec::new(), false, false));
    }
    let settings = cx.settings.clone();
    cx.db.write(|conn| {
        let claimed = tasks::claim(conn, kinds, owner, now, until, i64::try_from(limit).unwrap_or(i64::MAX))?;
        let (mut work, mut raised, mut settled) = (Vec::with_capacity(claimed.len()), false, false);
        // Each kind prepares its tasks together, oldest first within the kind.
        let mut by_kind: Vec<(&'static dyn Registered, Vec<TaskRow>)> = Vec::new();
        for t in claimed {
            let Some(h) = table.find(&t.kind) else { continue };
            match by_kind.iter_mut().find(|(k, _)| k.kind() == h.kind()) {
                Some((_, group)) => group.push(t),
                None => by_kind.push((h, vec![t])),
            }
        }
        for (h, group) in by_kind {
            for prepared in h.prepare_works(conn, now, &settings, group)? {
                match prepared {
                    Claimed::Run(w) => work.push(w),
                    Claimed::Settled(mut t, verdict) => {
                        settled = true;
                        raised |= tasks::settle(conn, now, &mut t, verdict, |c, t| h.announces(c, t))?
                    }
                }
            }
        }
        Ok((work, raised, settled))
    })
}

/// Records finished tasks in batches: whatever has finished while the previous batch was
/// written goes into the next transaction.
async fn recorder(r: Runner, mut finished: UnboundedReceiver<Done>, dispatcher: Arc<Notify>) {
    let most = r.lane.max_record();
    while let Some(first) = finished.recv().await {
        let mut batch = vec![first];
        while batch.len() < most {
            match finished.try_recv() {
                Ok(item) => batch.push(item),
                Err(_) => break,
            }
        }
        let (env, owner) = (r.env.clone(), r.owner.clone());
        match actix_web::rt::task::spawn_blocking(move || record(&env.cx, &owner, &batch)).await {
            Ok(Ok(raised)) => {
                if raised {
                    dispatcher.notify_one();
                }
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, lane = ?r.lane, "recording tasks failed; their leases expire and they run again")
            }
            Err(e) => tracing::error!(error = %e, lane = ?r.lane, "recording tasks panicked"),
        }
    }
}

/// One transaction for the batch: each handler records its own tasks (a task whose lease
/// went to another worker meanwhile is left to that worker), then the verdicts are
/// applied, plain successes in one statement. Says whether task events were raised.
fn record(cx: &Context, owner: &str, batch: &[Done]) -> Result<bool, ServiceError> {
    let now = cx.clock.now();
    cx.db.write(|conn| {
        let ids: Vec<String> = batch.iter().map(|d| d.task.id.clone()).collect();
        let owned: HashSet<String> = tasks::owned_by(conn, &ids, owner)?.into_iter().collect();
        let mine: Vec<&Done> = batch.iter().filter(|d| owned.contains(&d.task.id)).collect();
        let mut kinds: Vec<&'static str> = Vec::new();
        for d in &mine {
            if !kinds.contains(&d.handler.kind()) {
                kinds.push(d.handler.kind());
            }
        }
        let (mut plain, mut raised) = (Vec::new(), false);
        for kind in kinds {
            let group: Vec<&Done> = mine.iter().copied().filter(|d| d.handler.kind() == kind).collect();
            let h = group[0].handler;
            let verdicts = h.record_done(conn, now, &group)?;
            for (d, verdict) in group.iter().zip(verdicts) {
                match verdict {
                    Verdict::Succeeded { result: None } => plain.push(d.task.id.clone()),
                    verdict => {
                        let mut t = d.task.clone();
                        raised |= tasks::settle(conn, now, &mut t, verdict, |c, t| h.announces(c, t))?;
                    }
                }
            }
        }
        tasks::finish_succeeded(conn, now, owner, &plain)?;
        Ok(raised)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::platform::task::Prepared;
    use crate::service::Settings;
    use crate::store::platform::task::TaskRow;
    use crate::store::DbConn;
    use crate::tasks::handler::Handler;
    use chrono::{DateTime, Utc};

    /// A kind as a later capability would add it: a billing run, in the actions lane.
    struct BillingRun;

    impl Handler for BillingRun {
        type Job = String;
        type Outcome = usize;

        fn kind(&self) -> &'static str {
            "billing.run"
        }

        fn lane(&self) -> Lane {
            Lane::Actions
        }

        fn prepare(
            &self,
            _conn: &mut DbConn,
            _now: DateTime<Utc>,
            _settings: &Settings,
            t: &TaskRow,
        ) -> Result<Prepared<String>, ServiceError> {
            Ok(Prepared::Run(t.payload.clone()))
        }

        async fn run(&self, _env: &Env, job: &String) -> usize {
            job.len()
        }

        fn record(
            &self,
            _conn: &mut DbConn,
            _now: DateTime<Utc>,
            done: &[(&TaskRow, &String, &usize)],
        ) -> Result<Vec<Verdict>, ServiceError> {
            Ok(done
                .iter()
                .map(|(_, _, n)| Verdict::Succeeded { result: Some(serde_json::json!({"len": n})) })
                .collect())
        }
    }

    static WITH_BILLING: Table =
        Table::new(&[&webhook_delivery::WebhookDelivery, &BillingRun, &periodic::IDEMPOTENCY_KEYS]);

    #[test]
    fn a_registered_handler_is_found_by_kind_and_claimed_by_its_lane() {
        let h = WITH_BILLING.find("billing.run").expect("registered");
        assert_eq!((h.kind(), h.lane()), ("billing.run", Lane::Actions));
        assert!(h.schedule().is_none());
        assert!(WITH_BILLING.find("billing.nothing").is_none());
        assert_eq!(WITH_BILLING.kinds(Lane::Actions), vec!["billing.run", "maintenance.idempotency_keys.purge"]);
        assert_eq!(WITH_BILLING.kinds(Lane::Webhooks), vec!["webhook.deliver"]);
        assert_eq!(
            WITH_BILLING.schedules().iter().map(|(k, s)| (*k, s.every)).collect::<Vec<_>>(),
            vec![("maintenance.idempotency_keys.purge", Duration::from_secs(3600))]
        );
        assert_eq!(WITH_BILLING.duplicate(), None);
        static TWICE: Table = Table::new(&[&BillingRun, &script_call::ScriptCall, &BillingRun]);
        assert_eq!(TWICE.duplicate(), Some("billing.run"));
    }

    #[test]
    fn the_table_holds_every_kind_once() {
        assert_eq!(TABLE.duplicate(), None);
        for kind in [
            "webhook.deliver",
            "notification.send",
            "script.call",
            "order.step",
            "maintenance.idempotency_keys.purge",
            "maintenance.soap_nonces.purge",
        ] {
            assert_eq!(TABLE.find(kind).map(|h| h.kind()), Some(kind));
        }
        assert_eq!(TABLE.kinds(Lane::Webhooks), vec!["webhook.deliver"]);
        assert_eq!(TABLE.schedules().len(), 2);
    }
}
