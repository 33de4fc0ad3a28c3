//! Operational endpoints outside the API: health, readiness, metrics, and the fallback for
//! unknown routes.

use actix_web::{get, web, HttpRequest, HttpResponse};
use serde_json::json;
use stratum_api::ErrorCode;

use crate::rest::platform::known_paths::KnownPaths;
use crate::rest::problem::ApiError;
use crate::rest::AppState;

/// Liveness: the process answers.
#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

/// Readiness: the database answers.
#[get("/readyz")]
async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let ready = web::block(move || state.cx.db.ping()).await;
    match ready {
        Ok(Ok(())) => Ok(HttpResponse::Ok().json(json!({"status": "ready"}))),
        _ => Err(ApiError::new(ErrorCode::ServiceUnavailable, "the database does not answer")),
    }
}

/// Prometheus text exposition.
#[get("/metrics")]
async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(state.metrics.render(state.cx.db.pool_state()))
}

/// Any route that does not exist: 405 with `Allow` for a path of the contract asked with a
/// method it does not declare, 404 otherwise.
pub async fn route_not_found(req: HttpRequest, known: web::Data<KnownPaths>) -> Result<HttpResponse, ApiError> {
    if let Some(methods) = known.allowed(req.path()).filter(|m| !m.contains(&req.method().as_str())) {
        let allow = methods.join(", ");
        let mut err = ApiError::new(
            ErrorCode::MethodNotAllowed,
            format!("{} does not answer {}; it answers {allow}", req.path(), req.method()),
        );
        err.allow = Some(allow);
        return Err(err);
    }
    Err(ApiError::new(ErrorCode::RouteNotFound, format!("no route {} {}", req.method(), req.path())))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(healthz).service(readyz).service(metrics);
}
