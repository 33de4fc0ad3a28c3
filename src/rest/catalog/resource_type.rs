//! `/api/v1/resource-types`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpResponse};
use stratum_api::catalog::resource_type::{ResourceTypeIn, ResourceTypeOut, ResourceTypePage, ResourceTypePatch};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::catalog::resource_type as svc;

/// Define a resource type (raises `resource_type.created`): a unit of what services are
/// made of, and the provisioning gateway that delivers it.
#[utoipa::path(
    operation_id = "ResourceTypeCreate",
    tag = "Catalog",
    params(IdempotencyKeyHeader),
    request_body = ResourceTypeIn,
    responses((status = 201, description = "Created", body = ResourceTypeOut))
)]
#[post("/resource-types")]
async fn resource_type_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<ResourceTypeIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the resource types of the caller's subtree and of its ancestors (which it builds on).
#[utoipa::path(
    operation_id = "ResourceTypeList",
    tag = "Catalog",
    params(PageQuery),
    responses((status = 200, description = "One page", body = ResourceTypePage))
)]
#[get("/resource-types")]
async fn resource_type_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a resource type.
#[utoipa::path(
    operation_id = "ResourceTypeGet",
    tag = "Catalog",
    params(("id" = String, Path, description = "Resource type id")),
    responses((status = 200, description = "Found", body = ResourceTypeOut))
)]
#[get("/resource-types/{id}")]
async fn resource_type_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a resource type's name, description or gateway.
#[utoipa::path(
    operation_id = "ResourceTypeUpdate",
    tag = "Catalog",
    params(("id" = String, Path, description = "Resource type id"), IfMatchHeader),
    request_body = ResourceTypePatch,
    responses((status = 200, description = "Changed", body = ResourceTypeOut))
)]
#[patch("/resource-types/{id}")]
async fn resource_type_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<ResourceTypePatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(resource_type_create)
        .service(resource_type_list)
        .service(resource_type_get)
        .service(resource_type_update);
}
