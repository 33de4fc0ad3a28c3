//! Webhook delivery: claim due deliveries, POST them signed per Standard Webhooks, record
//! each attempt.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use super::{Wake, IDLE_POLL};
use crate::domain::messaging::webhook::{host_of, is_private, sign};
use crate::service::messaging::dispatch::{self, AttemptOutcome, DeliveryJob};
use crate::service::Context;

/// A worker owns a claimed delivery this long; if it dies, another takes it after.
pub const LEASE: Duration = Duration::from_secs(60);
const TIMEOUT: Duration = Duration::from_secs(10);
const MAX_CLAIM: usize = 100;

/// This process's delivery workers: at most `concurrency` deliveries in flight, fed by
/// their own claims and by the dispatcher's hand-offs.
#[derive(Clone)]
pub struct Workers {
    pub owner: String,
    cx: Context,
    http: reqwest::Client,
    slots: Arc<Semaphore>,
    done: tokio::sync::mpsc::UnboundedSender<(DeliveryJob, AttemptOutcome)>,
}

impl Workers {
    pub fn start(cx: Context, wake: Wake, owner: String, concurrency: usize) -> Workers {
        let http = http_client();
        let (done, finished) = tokio::sync::mpsc::unbounded_channel();
        let workers = Workers { owner, cx, http, slots: Arc::new(Semaphore::new(concurrency)), done };
        actix_web::rt::spawn(recorder(workers.cx.clone(), workers.owner.clone(), finished));
        actix_web::rt::spawn(claim_loop(workers.clone(), wake));
        workers
    }

    /// Deliveries this process could start now.
    pub fn idle(&self) -> usize {
        self.slots.available_permits()
    }

    /// Sends each job as soon as a slot is free.
    pub async fn send_all(&self, jobs: Vec<DeliveryJob>) {
        for job in jobs {
            let Ok(permit) = self.slots.clone().acquire_owned().await else { return };
            let (cx, http, done) = (self.cx.clone(), self.http.clone(), self.done.clone());
            actix_web::rt::spawn(async move {
                let outcome = attempt(&cx, &http, &job.url, &job.msg_id, &job.body, &job.secrets, TIMEOUT).await;
                drop(permit);
                let _ = done.send((job, outcome));
            });
        }
    }
}

/// The client outbound calls go out with: no redirects (a receiver must answer itself),
/// TLS by rustls.
pub(crate) fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().timeout(TIMEOUT).redirect(reqwest::redirect::Policy::none()).build().unwrap_or_else(
        |e| {
            tracing::error!(error = %e, "the outbound HTTP client has no TLS configuration; using the defaults");
            reqwest::Client::new()
        },
    )
}

/// Claims due deliveries from the queue: retries, and what other processes' dispatchers
/// left there.
async fn claim_loop(w: Workers, wake: Wake) {
    let (cx, owner, slots) = (w.cx.clone(), w.owner.clone(), w.slots.clone());
    loop {
        let free = slots.available_permits().min(MAX_CLAIM);
        if free == 0 {
            // Wait for one delivery to finish before claiming more.
            drop(slots.acquire().await);
            continue;
        }
        let (c, o) = (cx.clone(), owner.clone());
        let claimed = actix_web::rt::task::spawn_blocking(move || dispatch::claim(&c, &o, free as i64, LEASE)).await;
        let jobs = match claimed {
            Ok(Ok(jobs)) => jobs,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "claiming deliveries failed");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, "claiming deliveries panicked");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if jobs.is_empty() {
            let _ = tokio::time::timeout(IDLE_POLL, wake.workers.notified()).await;
            continue;
        }
        w.send_all(jobs).await;
    }
}

/// Records finished attempts in batches: whatever has finished while the previous batch
/// was written goes into the next transaction.
async fn recorder(
    cx: Context,
    owner: String,
    mut finished: tokio::sync::mpsc::UnboundedReceiver<(DeliveryJob, AttemptOutcome)>,
) {
    while let Some(first) = finished.recv().await {
        let mut batch = vec![first];
        while batch.len() < 500 {
            match finished.try_recv() {
                Ok(item) => batch.push(item),
                Err(_) => break,
            }
        }
        let (c, o) = (cx.clone(), owner.clone());
        match actix_web::rt::task::spawn_blocking(move || dispatch::record(&c, &o, &batch)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::error!(error = %e, "recording delivery attempts failed; their leases expire and they are retried")
            }
            Err(e) => tracing::error!(error = %e, "recording delivery attempts panicked"),
        }
    }
}

/// Refuses a receiver whose name resolves to a private address, unless allowed: checked
/// on every attempt, since DNS can change after the endpoint was registered.
async fn private_target(url: &str) -> Option<String> {
    let host = host_of(url)?;
    if let Ok(ip) = host.parse::<IpAddr>() {
        return is_private(ip).then(|| format!("{ip} is a private address"));
    }
    let port = if url.starts_with("https://") { 443 } else { 80 };
    let addrs = tokio::net::lookup_host((host, port)).await.ok()?;
    addrs.map(|a| a.ip()).find(|ip| is_private(*ip)).map(|ip| format!("{host} resolves to the private address {ip}"))
}

/// Sends one signed test message (nothing recorded), with a client of its own.
pub async fn send_test(
    cx: &Context,
    message: crate::service::messaging::webhook_endpoint::TestMessage,
) -> AttemptOutcome {
    let http = http_client();
    attempt(cx, &http, &message.url, &message.message_id, &message.body, &message.secrets, TIMEOUT).await
}

/// One signed POST of `body` to `url` (Standard Webhooks headers), within `timeout`.
pub(crate) async fn attempt(
    cx: &Context,
    http: &reqwest::Client,
    url: &str,
    msg_id: &str,
    body: &[u8],
    secrets: &[String],
    timeout: Duration,
) -> AttemptOutcome {
    let started = Instant::now();
    let elapsed = |s: Instant| i64::try_from(s.elapsed().as_millis()).unwrap_or(i64::MAX);
    if !cx.settings.allow_private_webhook_urls {
        if let Some(why) = private_target(url).await {
            return AttemptOutcome::Failed { error: why, latency_ms: 0 };
        }
    }
    // Real time, also on a test clock: the timestamp tells receivers how fresh the
    // signature is, and their libraries compare it with their own clocks.
    let timestamp = chrono::Utc::now().timestamp();
    let signatures: Vec<String> = secrets.iter().filter_map(|s| sign(s, msg_id, timestamp, body)).collect();
    let sent = http
        .post(url)
        .header("content-type", "application/json")
        .header("user-agent", concat!("Stratum-Webhooks/", env!("CARGO_PKG_VERSION")))
        .header("webhook-id", msg_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signatures.join(" "))
        .body(body.to_vec())
        .timeout(timeout)
        .send()
        .await;
    match sent {
        Ok(res) => {
            let status = res.status().as_u16();
            let body = res
                .bytes()
                .await
                .map(|b| String::from_utf8_lossy(&b[..b.len().min(2048)]).into_owned())
                .unwrap_or_default();
            AttemptOutcome::Answered { status, body, latency_ms: elapsed(started) }
        }
        Err(e) => {
            let error =
                if e.is_timeout() { format!("no answer within {} s", timeout.as_secs()) } else { e.to_string() };
            AttemptOutcome::Failed { error, latency_ms: elapsed(started) }
        }
    }
}
