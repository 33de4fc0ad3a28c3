//! Signed outbound calls (Standard Webhooks headers): webhook deliveries, endpoint tests
//! and script calls all go out through here.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use crate::domain::messaging::webhook::{host_of, is_private, sign};
use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::Context;

/// How long a webhook receiver has to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The client outbound calls go out with: no redirects (a receiver must answer itself),
/// TLS by rustls.
pub fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().timeout(TIMEOUT).redirect(reqwest::redirect::Policy::none()).build().unwrap_or_else(
        |e| {
            tracing::error!(error = %e, "the outbound HTTP client has no TLS configuration; using the defaults");
            reqwest::Client::new()
        },
    )
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
