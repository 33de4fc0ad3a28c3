//! `/api/v1/api-keys`.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use stratum_api::identity::api_key::{ApiKeyCreatedOut, ApiKeyIn, ApiKeyOut, ApiKeyPage};
use stratum_api::EmptyIn;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{JsonBody, OptionalJsonBody};
use crate::rest::identity::user::AccountIdQuery;
use crate::rest::problem::ApiError;
use crate::rest::{outcome, AppState, IdempotencyKeyHeader, PageQuery};
use crate::service::identity::api_key as svc;

/// Issue an API key for an account and role. The secret `key` is in this answer only.
/// Raises `api_key.created`.
#[utoipa::path(
    operation_id = "ApiKeyCreate",
    tag = "API keys",
    params(IdempotencyKeyHeader),
    request_body = ApiKeyIn,
    responses((status = 201, description = "The new key, with its secret", body = ApiKeyCreatedOut))
)]
#[post("/api-keys")]
async fn api_key_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<ApiKeyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the API keys of the caller's subtree (never their secrets).
#[utoipa::path(
    operation_id = "ApiKeyList",
    tag = "API keys",
    params(PageQuery, AccountIdQuery),
    responses((status = 200, description = "One page of keys", body = ApiKeyPage))
)]
#[get("/api-keys")]
async fn api_key_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<AccountIdQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, q.account_id.as_deref(), &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get an API key (without its secret).
#[utoipa::path(
    operation_id = "ApiKeyGet",
    tag = "API keys",
    params(("id" = String, Path, description = "API key id")),
    responses((status = 200, description = "The key", body = ApiKeyOut))
)]
#[get("/api-keys/{id}")]
async fn api_key_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Revoke an API key: it can no longer get tokens; tokens it already got run out within
/// their lifetime. Raises `api_key.revoked`.
#[utoipa::path(
    operation_id = "ApiKeyRevoke",
    tag = "API keys",
    params(("id" = String, Path, description = "API key id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "The revoked key", body = ApiKeyOut))
)]
#[post("/api-keys/{id}/revoke")]
async fn api_key_revoke(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::revoke(cx, &caller, &id, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(api_key_create).service(api_key_list).service(api_key_get).service(api_key_revoke);
}
