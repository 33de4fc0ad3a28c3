//! `/api/v1/roles` and `/api/v1/permissions`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use stratum_api::identity::role::{PermissionPage, RoleIn, RoleOut, RolePage, RolePatch};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::identity::role as svc;

/// Create a custom role from named permissions; it can be given to users and keys of the
/// defining account's subtree.
#[utoipa::path(
    operation_id = "RoleCreate",
    tag = "Roles",
    params(IdempotencyKeyHeader),
    request_body = RoleIn,
    responses((status = 201, description = "The new role", body = RoleOut))
)]
#[post("/roles")]
async fn role_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<RoleIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the built-in roles, then the custom roles of the caller's subtree.
#[utoipa::path(
    operation_id = "RoleList",
    tag = "Roles",
    params(PageQuery),
    responses((status = 200, description = "One page of roles", body = RolePage))
)]
#[get("/roles")]
async fn role_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a role (built-in roles by their name).
#[utoipa::path(
    operation_id = "RoleGet",
    tag = "Roles",
    params(("id" = String, Path, description = "Role id")),
    responses((status = 200, description = "The role", body = RoleOut))
)]
#[get("/roles/{id}")]
async fn role_get(state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a custom role. Keys holding it get the new permissions with their next token.
#[utoipa::path(
    operation_id = "RoleUpdate",
    tag = "Roles",
    params(("id" = String, Path, description = "Role id"), IfMatchHeader),
    request_body = RolePatch,
    responses((status = 200, description = "The changed role", body = RoleOut))
)]
#[patch("/roles/{id}")]
async fn role_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<RolePatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Delete a custom role that no user or live key holds.
#[utoipa::path(
    operation_id = "RoleDelete",
    tag = "Roles",
    params(("id" = String, Path, description = "Role id"), IfMatchHeader),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/roles/{id}")]
async fn role_delete(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    state.run(move |cx| svc::delete(cx, &caller, &id, if_match.0)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// List every permission roles can be made of.
#[utoipa::path(
    operation_id = "PermissionList",
    tag = "Roles",
    responses((status = 200, description = "All permissions", body = PermissionPage))
)]
#[get("/permissions")]
async fn permission_list(_caller: Caller) -> HttpResponse {
    HttpResponse::Ok().json(svc::permissions())
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(role_create)
        .service(role_list)
        .service(role_get)
        .service(role_update)
        .service(role_delete)
        .service(permission_list);
}
