//! `/api/v1/service-templates`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpResponse};
use stratum_api::catalog::service_template::{
    ServiceTemplateIn, ServiceTemplateOut, ServiceTemplatePage, ServiceTemplatePatch,
};
use stratum_api::EmptyIn;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody, OptionalJsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::catalog::service_template as svc;

/// Create a service template (raises `service_template.created`): resource types with
/// included amounts and maximums, and the parameters an order form must collect.
#[utoipa::path(
    operation_id = "ServiceTemplateCreate",
    tag = "Catalog",
    params(IdempotencyKeyHeader),
    request_body = ServiceTemplateIn,
    responses((status = 201, description = "Created", body = ServiceTemplateOut))
)]
#[post("/service-templates")]
async fn service_template_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<ServiceTemplateIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the templates of the caller's subtree and of its ancestors.
#[utoipa::path(
    operation_id = "ServiceTemplateList",
    tag = "Catalog",
    params(PageQuery),
    responses((status = 200, description = "One page", body = ServiceTemplatePage))
)]
#[get("/service-templates")]
async fn service_template_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a service template.
#[utoipa::path(
    operation_id = "ServiceTemplateGet",
    tag = "Catalog",
    params(("id" = String, Path, description = "Service template id")),
    responses((status = 200, description = "Found", body = ServiceTemplateOut))
)]
#[get("/service-templates/{id}")]
async fn service_template_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a template (raises `service_template.updated` with the previous values).
#[utoipa::path(
    operation_id = "ServiceTemplateUpdate",
    tag = "Catalog",
    params(("id" = String, Path, description = "Service template id"), IfMatchHeader),
    request_body = ServiceTemplatePatch,
    responses((status = 200, description = "Changed", body = ServiceTemplateOut))
)]
#[patch("/service-templates/{id}")]
async fn service_template_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<ServiceTemplatePatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Withdraw a template (raises `service_template.archived`): no new plans on it.
#[utoipa::path(
    operation_id = "ServiceTemplateArchive",
    tag = "Catalog",
    params(("id" = String, Path, description = "Service template id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "Archived", body = ServiceTemplateOut))
)]
#[post("/service-templates/{id}/archive")]
async fn service_template_archive(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::archive(cx, &caller, &id, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(service_template_create)
        .service(service_template_list)
        .service(service_template_get)
        .service(service_template_update)
        .service(service_template_archive);
}
