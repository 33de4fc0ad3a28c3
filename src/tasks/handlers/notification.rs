//! `notification.send`: an e-mail rendered from a template, sent over SMTP.

use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rand::Rng;
use stratum_api::platform::task::TaskStatus;

use crate::auth::Scope;
use crate::service::messaging::notification::{self, Email, NOTIFICATION_TASK};
use crate::service::{ServiceError, Settings};
use crate::store::platform::task::TaskRow;
use crate::store::DbConn;
use crate::tasks::handler::{Env, Handler, Lane, Prepared, Verdict};

pub struct Notification;

impl Handler for Notification {
    type Job = Email;
    /// The relay's answer, or why sending failed.
    type Outcome = Result<String, String>;

    fn kind(&self) -> &'static str {
        NOTIFICATION_TASK
    }

    fn lane(&self) -> Lane {
        Lane::Actions
    }

    fn prepare(
        &self,
        conn: &mut DbConn,
        _now: DateTime<Utc>,
        settings: &Settings,
        t: &TaskRow,
    ) -> Result<Prepared<Email>, ServiceError> {
        notification::prepare(conn, &settings.default_language, t)
    }

    async fn run(&self, env: &Env, email: &Email) -> Result<String, String> {
        env.mailer.send(email).await
    }

    fn record(
        &self,
        conn: &mut DbConn,
        now: DateTime<Utc>,
        done: &[(&TaskRow, &Email, &Result<String, String>)],
    ) -> Result<Vec<Verdict>, ServiceError> {
        done.iter()
            .map(|(t, email, sent)| notification::record(conn, now, t, email, sent, rand::rng().random()))
            .collect()
    }

    fn follow(&self, conn: &mut DbConn, scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
        notification::follow_task(conn, scope, t, next)
    }

    fn announces(&self, conn: &mut DbConn, t: &TaskRow) -> Result<bool, ServiceError> {
        Ok(!crate::service::messaging::event::carries_task_event(conn, t)?)
    }
}

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
