//! The background work of a server process: the dispatcher that fans the outbox out, and
//! the workers that deliver webhooks. Several processes may run them against one
//! database: claims are leased, so each delivery has one owner at a time.

pub mod actions;
pub mod webhook;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use crate::service::{messaging::dispatch, Context};

/// Wakes the background loops when a request may have written events, so that deliveries
/// leave within milliseconds instead of at the next poll.
#[derive(Clone, Default)]
pub struct Wake {
    pub dispatcher: Arc<Notify>,
    pub workers: Arc<Notify>,
    /// The notification and script-call workers.
    pub actions: Arc<Notify>,
}

/// Polls happen this often even without a wake-up (events of other processes).
const IDLE_POLL: Duration = Duration::from_millis(200);
const BATCH: i64 = 500;
/// How long the dispatcher lets events gather after a busy round.
const COALESCE: Duration = Duration::from_millis(3);

/// Starts the dispatcher, the webhook workers and the action workers on the current
/// runtime; a concurrency of 0 starts none of that kind in this process.
pub fn start(cx: Context, wake: Wake, concurrency: usize, actions: usize, mailer: actions::Mailer) {
    let owner = format!("{}-{}", std::process::id(), ulid::Ulid::new());
    if actions > 0 {
        actions::start(cx.clone(), wake.clone(), owner.clone(), actions, mailer);
    }
    let workers = (concurrency > 0).then(|| webhook::Workers::start(cx.clone(), wake.clone(), owner, concurrency));
    actix_web::rt::spawn(dispatcher(cx, wake, workers));
}

async fn dispatcher(cx: Context, wake: Wake, workers: Option<webhook::Workers>) {
    loop {
        let c = cx.clone();
        // New deliveries go straight to this process's idle workers; the rest wait in
        // the queue for whichever worker of any process claims them.
        let local = workers.as_ref().map(|w| (w.owner.clone(), w.idle()));
        let fanned = actix_web::rt::task::spawn_blocking(move || {
            let local = local.as_ref().map(|(owner, budget)| dispatch::LocalWorkers {
                owner,
                budget: *budget,
                lease: webhook::LEASE,
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
                    w.send_all(f.jobs).await;
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
