//! The action workers: send notifications over SMTP and call external scripts, each a
//! claimed task; what each attempt got is recorded in batches.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Semaphore;

use super::webhook::{attempt, http_client};
use super::{Wake, IDLE_POLL};
use crate::service::messaging::action::{self, ActionJob, ActionOutcome};
use crate::service::messaging::notification::Email;
use crate::service::Context;

/// A worker owns a claimed task this long; if it dies, another takes it after.
const LEASE: Duration = Duration::from_secs(120);
const MAX_CLAIM: usize = 50;

/// How notifications leave: the configured relay and the default sender.
#[derive(Clone)]
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
}

impl Mailer {
    /// `smtp_url` as in the configuration (`smtp://`, `smtps://`, `?tls=required`);
    /// without one, sends fail with a clear error and are retried.
    pub fn new(smtp_url: Option<&str>, from: &str) -> Result<Mailer, String> {
        let from = from.parse::<Mailbox>().map_err(|e| format!("mail_from: {e}"))?;
        let transport = match smtp_url {
            Some(url) => {
                let _ = rustls::crypto::ring::default_provider().install_default();
                let builder =
                    AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| format!("smtp_url: {e}"))?;
                Some(builder.timeout(Some(Duration::from_secs(30))).build())
            }
            None => None,
        };
        Ok(Mailer { transport, from })
    }

    async fn send(&self, email: &Email) -> Result<String, String> {
        let Some(transport) = &self.transport else {
            return Err("no SMTP relay is configured (smtp_url)".into());
        };
        let from = match &email.from {
            Some(f) => f.parse::<Mailbox>().map_err(|e| format!("the template's sender: {e}"))?,
            None => self.from.clone(),
        };
        let mut b = Message::builder().from(from).subject(&email.subject).message_id(Some(email.message_id.clone()));
        for to in &email.to {
            b = b.to(to.parse::<Mailbox>().map_err(|e| format!("recipient {to}: {e}"))?);
        }
        let message = match &email.html_body {
            Some(html) => b.multipart(MultiPart::alternative_plain_html(email.body.clone(), html.clone())),
            None => b.header(ContentType::TEXT_PLAIN).body(email.body.clone()),
        }
        .map_err(|e| format!("building the message: {e}"))?;
        let answer = transport.send(message).await.map_err(|e| format!("the SMTP relay: {e}"))?;
        Ok(format!("{} {}", answer.code(), answer.message().collect::<Vec<_>>().join(" ")))
    }
}

/// Starts the claim loop and the recorder on the current runtime.
pub fn start(cx: Context, wake: Wake, owner: String, concurrency: usize, mailer: Mailer) {
    let (done, finished) = tokio::sync::mpsc::unbounded_channel();
    actix_web::rt::spawn(recorder(cx.clone(), owner.clone(), finished));
    actix_web::rt::spawn(claim_loop(cx, wake, owner, Arc::new(Semaphore::new(concurrency)), mailer, done));
}

async fn claim_loop(
    cx: Context,
    wake: Wake,
    owner: String,
    slots: Arc<Semaphore>,
    mailer: Mailer,
    done: tokio::sync::mpsc::UnboundedSender<(ActionJob, ActionOutcome)>,
) {
    let http = http_client();
    loop {
        let free = slots.available_permits().min(MAX_CLAIM);
        if free == 0 {
            drop(slots.acquire().await);
            continue;
        }
        let (c, o) = (cx.clone(), owner.clone());
        let claimed = actix_web::rt::task::spawn_blocking(move || action::claim(&c, &o, free as i64, LEASE)).await;
        let jobs = match claimed {
            Ok(Ok(jobs)) => jobs,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "claiming notification and script tasks failed");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, "claiming notification and script tasks panicked");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if jobs.is_empty() {
            let _ = tokio::time::timeout(IDLE_POLL, wake.actions.notified()).await;
            continue;
        }
        for job in jobs {
            let Ok(permit) = slots.clone().acquire_owned().await else { return };
            let (cx, http, mailer, done) = (cx.clone(), http.clone(), mailer.clone(), done.clone());
            actix_web::rt::spawn(async move {
                let outcome = run(&cx, &http, &mailer, &job).await;
                drop(permit);
                let _ = done.send((job, outcome));
            });
        }
    }
}

async fn run(cx: &Context, http: &reqwest::Client, mailer: &Mailer, job: &ActionJob) -> ActionOutcome {
    match job {
        ActionJob::Email { email, .. } => ActionOutcome::Email(mailer.send(email).await),
        ActionJob::Script { call, .. } => {
            let secrets = [call.secret.clone()];
            ActionOutcome::Script(attempt(cx, http, &call.url, &call.msg_id, &call.body, &secrets, call.timeout).await)
        }
    }
}

async fn recorder(
    cx: Context,
    owner: String,
    mut finished: tokio::sync::mpsc::UnboundedReceiver<(ActionJob, ActionOutcome)>,
) {
    while let Some(first) = finished.recv().await {
        let mut batch = vec![first];
        while batch.len() < 200 {
            match finished.try_recv() {
                Ok(item) => batch.push(item),
                Err(_) => break,
            }
        }
        let (c, o) = (cx.clone(), owner.clone());
        match actix_web::rt::task::spawn_blocking(move || action::record(&c, &o, batch)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::error!(error = %e, "recording notification and script attempts failed; their leases expire and they run again")
            }
            Err(e) => tracing::error!(error = %e, "recording notification and script attempts panicked"),
        }
    }
}
