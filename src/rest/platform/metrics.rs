//! Prometheus metrics and the middleware that records them and tags every response with
//! its request id.

use std::time::Instant;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::CONTENT_TYPE;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder};

use crate::rest::AppState;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The request's id, for layers below this middleware (in the request's extensions).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Set by the SOAP layer on the requests it translated: the operation, for the route
/// label and the log.
#[derive(Debug, Clone)]
pub struct SoapOperation(pub String);

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: IntGaugeVec,
}

impl Metrics {
    pub fn new() -> Result<Metrics, prometheus::Error> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("stratum_http_requests_total", "HTTP requests by route, method and status"),
            &["method", "route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new("stratum_http_request_duration_seconds", "HTTP request latency by route and method")
                .buckets(vec![0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5]),
            &["method", "route"],
        )?;
        let pool = IntGaugeVec::new(
            Opts::new("stratum_db_pool_connections", "Database pool connections by state"),
            &["state"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(pool.clone()))?;
        Ok(Metrics { registry, requests, latency, pool })
    }

    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests.with_label_values(&[method, route, status_label(status)]).inc();
        self.latency.with_label_values(&[method, route]).observe(seconds);
    }

    /// The text exposition, with the pool figures read now.
    pub fn render(&self, pool: (u32, u32)) -> String {
        let (open, idle) = pool;
        self.pool.with_label_values(&["idle"]).set(i64::from(idle));
        self.pool.with_label_values(&["in_use"]).set(i64::from(open.saturating_sub(idle)));
        let mut buf = Vec::new();
        if TextEncoder::new().encode(&self.registry.gather(), &mut buf).is_err() {
            return String::new();
        }
        String::from_utf8(buf).unwrap_or_default()
    }
}

/// Status labels as static strings, so recording allocates nothing.
fn status_label(status: u16) -> &'static str {
    match status {
        200 => "200",
        201 => "201",
        204 => "204",
        400 => "400",
        401 => "401",
        403 => "403",
        404 => "404",
        409 => "409",
        412 => "412",
        413 => "413",
        422 => "422",
        500 => "500",
        503 => "503",
        s if s < 300 => "2xx",
        s if s < 400 => "3xx",
        s if s < 500 => "4xx",
        _ => "5xx",
    }
}

/// Records the request in the metrics, logs it, and sets `x-request-id` (the caller's own
/// when it sent a sane one).
pub async fn observe<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, BoxBody>>, actix_web::Error> {
    let start = Instant::now();
    let request_id = req
        .headers()
        .get(&REQUEST_ID)
        .filter(|v| v.len() <= 128 && v.to_str().is_ok_and(|s| s.bytes().all(|b| b.is_ascii_graphic())))
        .cloned()
        .unwrap_or_else(|| {
            HeaderValue::from_str(&ulid::Ulid::new().to_string()).unwrap_or(HeaderValue::from_static("-"))
        });
    let state = req.app_data::<web::Data<AppState>>().cloned();
    if let Ok(id) = request_id.to_str() {
        req.extensions_mut().insert(RequestId(id.to_owned()));
    }
    let res = next.call(req).await?;
    let status = res.status().as_u16();
    let soap = res.request().extensions().get::<SoapOperation>().map(|o| format!("/soap#{}", o.0));
    let route = soap.clone().or_else(|| res.request().match_pattern()).unwrap_or_else(|| "unmatched".to_owned());
    let method = res.request().method().as_str().to_owned();
    let elapsed = start.elapsed();
    if let Some(state) = state {
        state.metrics.observe(&method, &route, status, elapsed.as_secs_f64());
        if method != "GET" && status < 400 {
            state.wake.dispatcher.notify_one();
        }
    }
    let rid = request_id.to_str().unwrap_or("-");
    // SOAP 1.1 answers every fault with 500; the failures behind real server faults are
    // logged where they happen.
    if status >= 500 && soap.is_none() && route != "/soap" {
        tracing::error!(request_id = rid, method, route, status, micros = elapsed.as_micros() as u64, "request");
    } else {
        tracing::debug!(request_id = rid, method, route, status, micros = elapsed.as_micros() as u64, "request");
    }
    let is_problem = res.headers().get(CONTENT_TYPE).is_some_and(|v| v == crate::rest::problem::PROBLEM_JSON);
    // Only problem documents are rewritten; every other body passes through unboxed.
    let mut res = if is_problem {
        let rid = rid.to_owned();
        res.map_body(|_, body| match body.try_into_bytes() {
            Ok(bytes) => EitherBody::right(BoxBody::new(with_request_id(&bytes, rid))),
            Err(body) => EitherBody::left(body),
        })
    } else {
        res.map_into_left_body()
    };
    res.headers_mut().insert(REQUEST_ID, request_id);
    Ok(res)
}

/// The problem document with its request id, so a client's error report can be found in
/// the server log. Only error answers pay for this.
fn with_request_id(problem: &[u8], request_id: String) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(problem) {
        Ok(serde_json::Value::Object(mut doc)) => {
            doc.insert("request_id".into(), serde_json::Value::String(request_id));
            serde_json::to_vec(&doc).unwrap_or_else(|_| problem.to_vec())
        }
        _ => problem.to_vec(),
    }
}
