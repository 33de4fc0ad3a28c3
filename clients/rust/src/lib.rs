//! The Rust client of the Stratum API.
//!
//! One async method per API operation, named after its operationId in snake_case
//! (`AccountCreate` → [`Client::account_create`]), with the wire types of `stratum-api`.
//! The methods are generated at build time from `openapi/openapi.json`. The client
//! exchanges its API key for access tokens and refreshes them itself, turns problem
//! documents into [`Error::Api`] with the stable `code`, walks every page of a list with
//! the `…_all` methods, and sends every POST with an `Idempotency-Key`, retrying network
//! failures and 503s with the same key so that a retry never creates anything twice.
//!
//! ```no_run
//! # async fn demo() -> Result<(), stratum_client::Error> {
//! let client = stratum_client::Client::new("http://127.0.0.1:8080", "stk_...")?;
//! let accounts = client.account_list_all(&Default::default()).await?;
//! # Ok(()) }
//! ```

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use stratum_api::{ErrorCode, Problem, TokenIn, TokenOut};
use tokio::sync::Mutex;

include!(concat!(env!("OUT_DIR"), "/operations.rs"));

/// Attempts of a call that fails on the network or with 503.
const ATTEMPTS: u32 = 4;
/// Refresh a token this long before it expires.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The API answered with a problem document.
    #[error("{} ({}): {}", .0.code.as_str(), .0.status, .0.detail)]
    Api(Box<Problem>),
    #[error("HTTP: {0}")]
    Http(#[from] reqwest::Error),
    #[error("unexpected answer ({status}): {body}")]
    Unexpected { status: u16, body: String },
}

impl Error {
    /// The stable error code, for API errors.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Error::Api(p) => Some(p.code),
            _ => None,
        }
    }
}

struct Token {
    value: String,
    refresh_at: Instant,
}

/// A client for one server and one API key.
pub struct Client {
    base: String,
    api_key: String,
    http: reqwest::Client,
    token: Mutex<Option<Token>>,
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Client {
    /// A client of the server at `base_url` (`https://billing.example.com`) for `api_key`.
    pub fn new(base_url: &str, api_key: &str) -> Result<Client, Error> {
        // reqwest is built without a bundled crypto provider; ring serves TLS here. A
        // provider installed before (by the application) is kept.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build()?;
        Ok(Client {
            base: base_url.trim_end_matches('/').to_owned(),
            api_key: api_key.to_owned(),
            http,
            token: Mutex::new(None),
        })
    }

    /// A valid access token, fetched or refreshed when needed.
    async fn bearer(&self, force: bool) -> Result<String, Error> {
        let mut slot = self.token.lock().await;
        if let Some(t) = slot.as_ref().filter(|t| !force && Instant::now() < t.refresh_at) {
            return Ok(t.value.clone());
        }
        let body = TokenIn { api_key: Some(self.api_key.clone()), ..TokenIn::default() };
        let answer: TokenOut =
            self.send(Method::POST, "/api/v1/auth/token", None::<&()>, Some(&body), None, None).await?;
        let lifetime = Duration::from_secs(answer.expires_in).saturating_sub(TOKEN_MARGIN);
        *slot = Some(Token { value: answer.access_token.clone(), refresh_at: Instant::now() + lifetime });
        Ok(answer.access_token)
    }

    /// One authenticated call; a rejected token is refreshed once.
    async fn call<Q: Serialize + ?Sized, B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: Option<&Q>,
        body: Option<&B>,
        if_match: Option<i64>,
    ) -> Result<T, Error> {
        let token = self.bearer(false).await?;
        match self.send(method.clone(), path, query, body, if_match, Some(&token)).await {
            Err(Error::Api(p)) if p.code == ErrorCode::InvalidToken => {
                let token = self.bearer(true).await?;
                self.send(method, path, query, body, if_match, Some(&token)).await
            }
            other => other,
        }
    }

    /// Sends a request, retrying network failures and 503s; a POST carries one
    /// `Idempotency-Key` through all its attempts.
    async fn send<Q: Serialize + ?Sized, B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: Option<&Q>,
        body: Option<&B>,
        if_match: Option<i64>,
        token: Option<&str>,
    ) -> Result<T, Error> {
        let idempotency_key = (method == Method::POST).then(|| ulid::Ulid::new().to_string());
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut req = self.http.request(method.clone(), format!("{}{path}", self.base));
            if let Some(q) = query {
                req = req.query(q);
            }
            if let Some(b) = body {
                req = req.json(b);
            }
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if let Some(v) = if_match {
                req = req.header("If-Match", format!("\"{v}\""));
            }
            if let Some(k) = &idempotency_key {
                req = req.header("Idempotency-Key", k);
            }
            let retry = match req.send().await {
                Ok(res) if res.status() == StatusCode::SERVICE_UNAVAILABLE && attempt < ATTEMPTS => true,
                Ok(res) => return decode(res).await,
                Err(e) if attempt < ATTEMPTS && (e.is_connect() || e.is_timeout() || e.is_request()) => true,
                Err(e) => return Err(e.into()),
            };
            if retry {
                tokio::time::sleep(Duration::from_millis(200 * 2u64.pow(attempt - 1))).await;
            }
        }
    }
}

async fn decode<T: DeserializeOwned>(res: reqwest::Response) -> Result<T, Error> {
    let status = res.status();
    let text = res.text().await?;
    if status.is_success() {
        let text = if text.is_empty() { "null" } else { &text };
        return serde_json::from_str(text)
            .map_err(|_| Error::Unexpected { status: status.as_u16(), body: text.to_owned() });
    }
    match serde_json::from_str::<Problem>(&text) {
        Ok(p) => Err(Error::Api(Box::new(p))),
        Err(_) => Err(Error::Unexpected { status: status.as_u16(), body: text }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_method_per_operation_of_the_contract() {
        let spec: serde_json::Value =
            serde_json::from_str(include_str!("../../../openapi/openapi.json")).expect("the committed contract");
        let mut ids: Vec<String> = spec["paths"]
            .as_object()
            .expect("paths")
            .values()
            .flat_map(|item| {
                item.as_object().expect("item").values().filter_map(|op| op["operationId"].as_str().map(str::to_owned))
            })
            .collect();
        ids.sort();
        assert_eq!(ids, OPERATIONS.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(encode("acc 1/x"), "acc%201%2Fx");
    }
}
