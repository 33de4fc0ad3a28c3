//! `/api/v1/users`: the staff of accounts.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use serde::Deserialize;
use stratum_api::identity::user::{UserIn, UserOut, UserPage, UserPatch};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::identity::user as svc;

/// Filters of `UserList` and `ApiKeyList`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountIdQuery {
    /// Only the objects of this account.
    pub account_id: Option<String>,
}

/// Create a user of an account with a role. Raises `user.created`.
#[utoipa::path(
    operation_id = "UserCreate",
    tag = "Users",
    params(IdempotencyKeyHeader),
    request_body = UserIn,
    responses((status = 201, description = "The new user", body = UserOut))
)]
#[post("/users")]
async fn user_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<UserIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the users of the caller's subtree.
#[utoipa::path(
    operation_id = "UserList",
    tag = "Users",
    params(PageQuery, AccountIdQuery),
    responses((status = 200, description = "One page of users", body = UserPage))
)]
#[get("/users")]
async fn user_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<AccountIdQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, q.account_id.as_deref(), &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a user.
#[utoipa::path(
    operation_id = "UserGet",
    tag = "Users",
    params(("id" = String, Path, description = "User id")),
    responses((status = 200, description = "The user; `ETag` carries its version", body = UserOut))
)]
#[get("/users/{id}")]
async fn user_get(state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a user's name, role or status. Raises `user.updated`.
#[utoipa::path(
    operation_id = "UserUpdate",
    tag = "Users",
    params(("id" = String, Path, description = "User id"), IfMatchHeader),
    request_body = UserPatch,
    responses((status = 200, description = "The changed user", body = UserOut))
)]
#[patch("/users/{id}")]
async fn user_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<UserPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Remove a user. Raises `user.removed`.
#[utoipa::path(
    operation_id = "UserRemove",
    tag = "Users",
    params(("id" = String, Path, description = "User id"), IfMatchHeader),
    responses((status = 204, description = "Removed"))
)]
#[delete("/users/{id}")]
async fn user_remove(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    state.run(move |cx| svc::remove(cx, &caller, &id, if_match.0)).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(user_create).service(user_list).service(user_get).service(user_update).service(user_remove);
}
