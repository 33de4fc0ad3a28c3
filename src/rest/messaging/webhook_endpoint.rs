//! `/api/v1/webhook-endpoints`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use stratum_api::messaging::webhook_endpoint::{
    WebhookEndpointCreatedOut, WebhookEndpointIn, WebhookEndpointOut, WebhookEndpointPage, WebhookEndpointPatch,
    WebhookSecretOut, WebhookSecretRotateIn, WebhookTestIn, WebhookTestOut,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody, OptionalJsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::messaging::webhook_endpoint as svc;

/// Register a webhook endpoint for the events of an account's subtree.
///
/// Deliveries are signed per Standard Webhooks with the `secret` of this answer (shown
/// once). See docs/webhooks.md.
#[utoipa::path(
    operation_id = "WebhookEndpointCreate",
    tag = "Webhooks",
    params(IdempotencyKeyHeader),
    request_body = WebhookEndpointIn,
    responses((status = 201, description = "The new endpoint and its signing secret", body = WebhookEndpointCreatedOut))
)]
#[post("/webhook-endpoints")]
async fn webhook_endpoint_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<WebhookEndpointIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the webhook endpoints of the caller's subtree.
#[utoipa::path(
    operation_id = "WebhookEndpointList",
    tag = "Webhooks",
    params(PageQuery),
    responses((status = 200, description = "One page of endpoints", body = WebhookEndpointPage))
)]
#[get("/webhook-endpoints")]
async fn webhook_endpoint_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a webhook endpoint.
#[utoipa::path(
    operation_id = "WebhookEndpointGet",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id")),
    responses((status = 200, description = "The endpoint", body = WebhookEndpointOut))
)]
#[get("/webhook-endpoints/{id}")]
async fn webhook_endpoint_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change an endpoint's URL, description, event types or enabled flag. Enabling a
/// disabled endpoint raises `webhook_endpoint.recovered`.
#[utoipa::path(
    operation_id = "WebhookEndpointUpdate",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id"), IfMatchHeader),
    request_body = WebhookEndpointPatch,
    responses((status = 200, description = "The changed endpoint", body = WebhookEndpointOut))
)]
#[patch("/webhook-endpoints/{id}")]
async fn webhook_endpoint_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<WebhookEndpointPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Delete an endpoint: it receives nothing more.
#[utoipa::path(
    operation_id = "WebhookEndpointDelete",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id"), IfMatchHeader),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/webhook-endpoints/{id}")]
async fn webhook_endpoint_delete(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    state.run(move |cx| svc::delete(cx, &caller, &id, if_match.0)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Replace the signing secret. The old secret keeps signing alongside the new one for
/// `overlap_seconds` (default a day), so receivers can switch without losing a message.
#[utoipa::path(
    operation_id = "WebhookEndpointSecretRotate",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id"), IdempotencyKeyHeader),
    request_body(content = Option<WebhookSecretRotateIn>, description = "Optional; no body is `{}`"),
    responses((status = 200, description = "The new secret", body = WebhookSecretOut))
)]
#[post("/webhook-endpoints/{id}/rotate-secret")]
async fn webhook_endpoint_secret_rotate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<WebhookSecretRotateIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::rotate_secret(cx, &caller, &id, body.0.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

/// Send a signed example message of an event type the endpoint takes, now, and answer
/// what the endpoint said. Nothing is recorded; the message id starts with `evt_test_`.
#[utoipa::path(
    operation_id = "WebhookEndpointTest",
    tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id")),
    request_body(content = Option<WebhookTestIn>, description = "Optional; no body sends an `account.updated` example"),
    responses((status = 200, description = "The endpoint's answer", body = WebhookTestOut))
)]
#[post("/webhook-endpoints/{id}/test")]
async fn webhook_endpoint_test(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<WebhookTestIn>,
) -> Result<HttpResponse, ApiError> {
    let event_type = body.0.value.event_type;
    let message = state.run(move |cx| svc::test_message(cx, &caller, &id, event_type.as_deref())).await?;
    let message_id = message.message_id.clone();
    let answer = crate::tasks::outbound::send_test(&state.cx, message).await;
    let out = svc::test_result(message_id, answer);
    Ok(HttpResponse::Ok().json(out))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(webhook_endpoint_create)
        .service(webhook_endpoint_list)
        .service(webhook_endpoint_get)
        .service(webhook_endpoint_update)
        .service(webhook_endpoint_delete)
        .service(webhook_endpoint_secret_rotate)
        .service(webhook_endpoint_test);
}
