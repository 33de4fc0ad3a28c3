//! `/api/v1/deliveries` and `POST /api/v1/events/{id}/replay`.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use stratum_api::messaging::delivery::{DeliveryAttemptPage, DeliveryOut, DeliveryPage};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::OptionalJsonBody;
use crate::rest::problem::ApiError;
use crate::rest::{outcome, AppState, IdempotencyKeyHeader, PageQuery};
use crate::service::messaging::delivery as svc;
use stratum_api::messaging::delivery::DeliveryListQuery;
use stratum_api::EmptyIn;

/// List the webhook deliveries of the caller's subtree.
#[utoipa::path(
    operation_id = "DeliveryList",
    tag = "Webhooks",
    params(PageQuery, DeliveryListQuery),
    responses((status = 200, description = "One page of deliveries", body = DeliveryPage))
)]
#[get("/deliveries")]
async fn delivery_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<DeliveryListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a delivery.
#[utoipa::path(
    operation_id = "DeliveryGet",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Delivery id")),
    responses((status = 200, description = "The delivery", body = DeliveryOut))
)]
#[get("/deliveries/{id}")]
async fn delivery_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// List the attempts of a delivery: status code, latency, the start of the answer.
#[utoipa::path(
    operation_id = "DeliveryAttemptList",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Delivery id"), PageQuery),
    responses((status = 200, description = "One page of attempts", body = DeliveryAttemptPage))
)]
#[get("/deliveries/{id}/attempts")]
async fn delivery_attempt_list(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::attempts(cx, &caller, &id, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Send a delivery again now, whatever became of it.
#[utoipa::path(
    operation_id = "DeliveryRetry",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Delivery id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "The delivery, due now", body = DeliveryOut))
)]
#[post("/deliveries/{id}/retry")]
async fn delivery_retry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::retry(cx, &caller, &id, idem.as_ref())).await?;
    state.wake.workers.notify_one();
    Ok(outcome(out, StatusCode::OK))
}

/// Deliver an event again to every endpoint of the caller's subtree that takes it now.
#[utoipa::path(
    operation_id = "EventReplay",
    tag = "Events",
    params(("id" = String, Path, description = "Event id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "The deliveries made due", body = DeliveryPage))
)]
#[post("/events/{id}/replay")]
async fn event_replay(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::replay(cx, &caller, &id, idem.as_ref())).await?;
    state.wake.workers.notify_one();
    Ok(outcome(out, StatusCode::OK))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(delivery_list)
        .service(delivery_get)
        .service(delivery_attempt_list)
        .service(delivery_retry)
        .service(event_replay);
}
