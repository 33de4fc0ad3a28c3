//! The REST API: thin actix-web handlers (parse → service → respond), documented with
//! utoipa on the handlers themselves and registered in the same statement.

pub mod access;
pub mod catalog;
pub mod extract;
pub mod identity;
pub mod messaging;
pub mod openapi;
pub mod ordering;
pub mod platform;
pub mod problem;
pub mod subscriptions;

use std::sync::Arc;

use tokio::sync::Semaphore;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use stratum_api::ErrorCode;
use utoipa::IntoParams;

use crate::auth::jwt::JwtKeys;
use crate::domain::pagination::{PageError, PageRequest};
use crate::service::{self, Outcome, ServiceError};
use problem::ApiError;

/// Shared by every handler.
pub struct AppState {
    pub cx: service::Context,
    pub jwt: Arc<JwtKeys>,
    pub metrics: platform::metrics::Metrics,
    /// Admits as many blocking database calls as the pool has connections: more would
    /// only queue on the pool inside threads, costing context switches and memory.
    pub db_gate: Arc<Semaphore>,
    /// Wakes the dispatcher after requests that may have written events.
    pub wake: crate::tasks::Wake,
}

impl AppState {
    pub fn new(
        cx: service::Context,
        jwt: JwtKeys,
        metrics: platform::metrics::Metrics,
        pool_size: u32,
        wake: crate::tasks::Wake,
    ) -> AppState {
        let permits = usize::try_from(pool_size).unwrap_or(1).max(1);
        AppState { cx, jwt: Arc::new(jwt), metrics, db_gate: Arc::new(Semaphore::new(permits)), wake }
    }

    /// Runs a service call. On SQLite it runs right here on the worker: its queries take
    /// microseconds, far less than handing them to another thread and back. PostgreSQL
    /// calls wait on the network, so they go to the blocking pool, at most one per pooled
    /// connection at a time.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&service::Context) -> Result<T, ServiceError> + Send + 'static,
        T: Send + 'static,
    {
        if self.cx.calls_are_local() {
            return f(&self.cx).map_err(ApiError::from);
        }
        let _permit = self
            .db_gate
            .acquire()
            .await
            .map_err(|_| ApiError::new(ErrorCode::ServiceUnavailable, "the server is shutting down"))?;
        let cx = self.cx.clone();
        web::block(move || f(&cx))
            .await
            .map_err(|_| ApiError::new(ErrorCode::InternalError, "the request was cancelled"))?
            .map_err(ApiError::from)
    }
}

/// Every `/api/v1` operation, in one place: the spec is built from exactly these.
pub fn api_routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/api/v1")
            .configure(identity::auth::routes)
            .configure(identity::account::routes)
            .configure(identity::user::routes)
            .configure(identity::role::routes)
            .configure(identity::api_key::routes)
            .configure(messaging::event::routes)
            .configure(messaging::webhook_endpoint::routes)
            .configure(messaging::delivery::routes)
            .configure(messaging::script_action::routes)
            .configure(messaging::notification_template::routes)
            .configure(messaging::notification::routes)
            .configure(catalog::resource_type::routes)
            .configure(catalog::service_template::routes)
            .configure(catalog::plan::routes)
            .configure(catalog::brand::routes)
            .configure(catalog::coupon::routes)
            .configure(catalog::quote::routes)
            .configure(ordering::order::routes)
            .configure(ordering::fraud_rule::routes)
            .configure(ordering::workflow::routes)
            .configure(subscriptions::subscription::routes)
            .configure(platform::task::routes)
            .configure(platform::test_clock::routes),
    );
}

pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// 200 with the object and its `ETag`.
pub fn versioned<T: Serialize>(body: &T, version: i64) -> HttpResponse {
    HttpResponse::Ok().insert_header(("ETag", etag(version))).json(body)
}

/// A fresh answer with `status`, or the replay of a stored one.
pub fn outcome<T: Serialize>(o: Outcome<T>, status: StatusCode) -> HttpResponse {
    match o {
        Outcome::Fresh(body) => HttpResponse::build(status).json(body),
        Outcome::Replayed { status, body } => {
            HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::OK))
                .insert_header(("Idempotent-Replayed", "true"))
                .content_type("application/json")
                .body(body)
        }
    }
}

/// The `Idempotency-Key` header of POST operations (documentation only: the body
/// extractor reads it).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IdempotencyKeyHeader {
    /// Makes a retry safe: the same key with the same request replays the first answer;
    /// with another request it is refused (422). 1 to 255 printable ASCII characters
    /// without spaces.
    #[param(
        rename = "Idempotency-Key",
        required = false,
        min_length = 1,
        max_length = 255,
        pattern = "^[!-~]{1,255}$"
    )]
    pub idempotency_key: String,
}

/// The `If-Match` header of changes (documentation only: `IfMatch` reads it).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IfMatchHeader {
    /// The ETag (`"3"`, weak `W/"3"`, or the bare version `3`) of the version the change is
    /// based on, or `*` for any version; a stale one answers 412.
    #[param(rename = "If-Match", required = false, pattern = r#"^(\*|(W/)?"[0-9]{1,18}"|[0-9]{1,18})$"#)]
    pub if_match: String,
}

/// `?limit=&cursor=`, shared by every list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Objects per page, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageQuery {
    pub fn page(&self) -> Result<PageRequest, ApiError> {
        PageRequest::new(self.limit, self.cursor.as_deref()).map_err(|e| match e {
            PageError::Limit => ApiError::new(ErrorCode::InvalidQuery, "limit must be between 1 and 500"),
            PageError::Cursor => ApiError::new(ErrorCode::InvalidQuery, "cursor is not one this API issued"),
        })
    }
}
