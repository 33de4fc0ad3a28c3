//! `/api/v1/accounts`: the reseller tree and its customers.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpResponse};
use stratum_api::identity::account::{
    AccountActionIn, AccountHoldIn, AccountIn, AccountOut, AccountPage, AccountPatch,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::domain::identity::account::StatusAction;
use crate::rest::extract::{IfMatch, JsonBody, OptionalJsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::identity::account as svc;
use stratum_api::identity::account::AccountListQuery;

/// Create a reseller or customer account.
///
/// The account is created under `parent_id` (default: the caller's account), which must
/// be the provider or a reseller in the caller's subtree. Raises `account.created`.
#[utoipa::path(
    operation_id = "AccountCreate",
    tag = "Accounts",
    params(IdempotencyKeyHeader),
    request_body = AccountIn,
    responses((status = 201, description = "The new account", body = AccountOut))
)]
#[post("/accounts")]
async fn account_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<AccountIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the accounts of the caller's subtree (the caller's own included), oldest first.
#[utoipa::path(
    operation_id = "AccountList",
    tag = "Accounts",
    params(PageQuery, AccountListQuery),
    responses((status = 200, description = "One page of accounts", body = AccountPage))
)]
#[get("/accounts")]
async fn account_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    filter: web::Query<AccountListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let filter = filter.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &filter, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get an account. Answers 404 for accounts outside the caller's subtree.
#[utoipa::path(
    operation_id = "AccountGet",
    tag = "Accounts",
    params(("id" = String, Path, description = "Account id")),
    responses((status = 200, description = "The account; `ETag` carries its version", body = AccountOut))
)]
#[get("/accounts/{id}")]
async fn account_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change an account's name, contact, address, tax id, tier or metadata.
///
/// Send `If-Match` with the ETag of the version you read to refuse a lost update (412).
/// Raises `account.updated` with the previous values of the changed fields.
#[utoipa::path(
    operation_id = "AccountUpdate",
    tag = "Accounts",
    params(("id" = String, Path, description = "Account id"), IfMatchHeader),
    request_body = AccountPatch,
    responses((status = 200, description = "The changed account", body = AccountOut))
)]
#[patch("/accounts/{id}")]
async fn account_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<AccountPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

async fn status_action(
    state: web::Data<AppState>,
    caller: Caller,
    id: String,
    action: StatusAction,
    body: JsonBody<AccountActionIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(200);
    let out = state.run(move |cx| svc::change_status(cx, &caller, &id, action, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

/// Place a credit or administrative hold on an account (status `credit_hold`).
/// Raises `account.hold.placed`.
#[utoipa::path(
    operation_id = "AccountHoldPlace",
    tag = "Accounts",
    params(("id" = String, Path, description = "Account id"), IdempotencyKeyHeader),
    request_body = AccountHoldIn,
    responses((status = 200, description = "The account on hold", body = AccountOut))
)]
#[post("/accounts/{id}/hold")]
async fn account_hold_place(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<AccountHoldIn>,
) -> Result<HttpResponse, ApiError> {
    let action = StatusAction::PlaceHold(body.value.hold_type);
    let idem = body.idempotency(200);
    let out = state
        .run(move |cx| svc::change_status(cx, &caller, &id, action, AccountActionIn::default(), idem.as_ref()))
        .await?;
    Ok(outcome(out, StatusCode::OK))
}

/// Lift the hold of an account. Raises `account.hold.released`.
#[utoipa::path(
    operation_id = "AccountHoldRelease",
    tag = "Accounts",
    params(("id" = String, Path, description = "Account id"), IdempotencyKeyHeader),
    request_body(content = Option<AccountActionIn>, description = "Optional; no body is `{}`"),
    responses((status = 200, description = "The active account", body = AccountOut))
)]
#[post("/accounts/{id}/release-hold")]
async fn account_hold_release(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<AccountActionIn>,
) -> Result<HttpResponse, ApiError> {
    status_action(state, caller, id.into_inner(), StatusAction::ReleaseHold, body.0).await
}

/// Suspend an account: all its services stop. Raises `account.suspended`.
#[utoipa::path(
    operation_id = "AccountSuspend",
    tag = "Accounts",
    params(("id" = String, Path, description = "Account id"), IdempotencyKeyHeader),
    request_body(content = Option<AccountActionIn>, description = "Optional; no body is `{}`"),
    responses((status = 200, description = "The suspended account", body = AccountOut))
)]
#[post("/accounts/{id}/suspend")]
async fn account_suspend(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<AccountActionIn>,
) -> Result<HttpResponse, ApiError> {
    status_action(state, caller, id.into_inner(), StatusAction::Suspend, body.0).await
}

/// Make a suspended or cancelled account active again. Raises `account.reactivated`.
#[utoipa::path(
    operation_id = "AccountReactivate",
    tag = "Accounts",
    params(("id" = String, Path, description = "Account id"), IdempotencyKeyHeader),
    request_body(content = Option<AccountActionIn>, description = "Optional; no body is `{}`"),
    responses((status = 200, description = "The active account", body = AccountOut))
)]
#[post("/accounts/{id}/reactivate")]
async fn account_reactivate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<AccountActionIn>,
) -> Result<HttpResponse, ApiError> {
    status_action(state, caller, id.into_inner(), StatusAction::Reactivate, body.0).await
}

/// Cancel (close) an account. Raises `account.cancelled`.
#[utoipa::path(
    operation_id = "AccountCancel",
    tag = "Accounts",
    params(("id" = String, Path, description = "Account id"), IdempotencyKeyHeader),
    request_body(content = Option<AccountActionIn>, description = "Optional; no body is `{}`"),
    responses((status = 200, description = "The cancelled account", body = AccountOut))
)]
#[post("/accounts/{id}/cancel")]
async fn account_cancel(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<AccountActionIn>,
) -> Result<HttpResponse, ApiError> {
    status_action(state, caller, id.into_inner(), StatusAction::Cancel, body.0).await
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(account_create)
        .service(account_list)
        .service(account_get)
        .service(account_update)
        .service(account_hold_place)
        .service(account_hold_release)
        .service(account_suspend)
        .service(account_reactivate)
        .service(account_cancel);
}
