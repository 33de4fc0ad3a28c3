//! The background work of a server process: the dispatcher that fans the outbox out, and
//! the task runner (`runner`) that runs every kind of task through its handler
//! (`handlers/`). Several processes may run them against one database: claims are leased,
//! so each task has one owner at a time.

pub mod handler;
pub mod handlers;
pub mod outbound;
pub mod runner;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use crate::service::{messaging::dispatch, Context, ServiceError};
use crate::store::Backend;
use handler::{Env, Lane, Work};
use handlers::webhook_delivery::WebhookDelivery;
use runner::{Runner, TABLE};

/// Wakes the background loops when a request may have written events, so that deliveries
/// leave within milliseconds instead of at the next poll.
#[derive(Clone, Default)]
pub struct Wake {
    pub dispatcher: Arc<Notify>,
    pub workers: Arc<Notify>,
    /// The notification and script-call workers.
    pub actions: Arc<Notify>,
}

impl Wake {
    /// What wakes a lane's claim loop.
    pub fn lane(&self, lane: Lane) -> Arc<Notify> {
        match lane {
            Lane::Webhooks => self.workers.clone(),
            Lane::Actions => self.actions.clone(),
        }
    }
}

/// Polls happen this often even without a wake-up (events of other processes).
const IDLE_POLL: Duration = Duration::from_millis(200);
const BATCH: i64 = 500;
/// Claim loops of the actions lane on PostgreSQL. A workflow step runs in the transaction
/// that claims it, so one loop runs the steps of all orders one after the other, each a
/// few round trips; on PostgreSQL several claim side by side (`SKIP LOCKED` keeps their
/// tasks apart, and an order has one step due at a time). SQLite has one writer anyway.
pub const ACTION_CLAIMERS_ON_POSTGRES: usize = 4;
/// How long the dispatcher lets events gather after a busy round.
const COALESCE: Duration = Duration::from_millis(3);

/// Starts the dispatcher and the runner's lanes on the current runtime: `concurrency`
/// webhook deliveries and `actions` other tasks in flight; 0 starts none of that lane in
/// this process.
pub fn start(cx: Context, wake: Wake, concurrency: usize, actions: usize, mailer: handlers::notification::Mailer) {
    let owner = format!("{}-{}", std::process::id(), ulid::Ulid::new());
    let env = Arc::new(Env { cx: cx.clone(), http: outbound::http_client(), mailer });
    if actions > 0 {
        let claimers = match cx.db.backend() {
            Backend::Postgres => ACTION_CLAIMERS_ON_POSTGRES,
            Backend::Sqlite => 1,
        };
        Runner::start(&TABLE, env.clone(), &wake, Lane::Actions, owner.clone(), actions, claimers);
    }
    let workers = (concurrency > 0).then(|| Runner::start(&TABLE, env, &wake, Lane::Webhooks, owner, concurrency, 1));
    actix_web::rt::spawn(dispatcher(cx, wake, workers));
}

async fn dispatcher(cx: Context, wake: Wake, workers: Option<Runner>) {
    loop {
        let c = cx.clone();
        // New deliveries go straight to this process's idle workers; the rest wait in
        // the queue for whichever worker of any process claims them.
        let local = workers.as_ref().map(|w| (w.owner.clone(), w.idle()));
        let fanned = actix_web::rt::task::spawn_blocking(move || {
            let local = local.as_ref().map(|(owner, budget)| dispatch::LocalWorkers {
                owner,
                budget: *budget,
                lease: Lane::Webhooks.lease(),
            });
            dispatch::fan_out(&c, BATCH, local)
        })
        .await;
        match fanned {
            Ok(Ok(f)) if f.events == 0 => {
                let _ = tokio::time::timeout(IDLE_POLL, wake.dispatcher.notified()).await;
            }
            Ok(Ok(f)) => {
                if f.actions > 0 {
                    wake.actions.notify_one();
                }
                let queued = f.deliveries > f.jobs.len();
                if let Some(w) = &workers {
                    let work = f.jobs.into_iter().map(|(task, job)| Work::new(&WebhookDelivery, task, job)).collect();
                    w.send_all(work).await;
                }
                if queued {
                    wake.workers.notify_one();
                }
                if f.events < BATCH as usize {
                    // Under load, let a few milliseconds of events gather: one fan-out
                    // transaction for several requests' events leaves the single writer
                    // to the API.
                    tokio::time::sleep(COALESCE).await;
                }
            }
            Ok(Err(ServiceError::Busy(why))) => {
                // Another process holds the SQLite file's write lock (a backup, a CLI
                // command): the events wait, nothing is lost.
                tracing::warn!(why = %why, "dispatching events waits for the database");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, "dispatching events failed");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(e) => {
                tracing::error!(error = %e, "the dispatcher's database call panicked");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}
