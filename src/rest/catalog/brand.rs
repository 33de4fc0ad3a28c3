//! `/api/v1/brands`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use stratum_api::catalog::brand::{
    BrandIn, BrandOut, BrandPage, BrandPatch, PublicationIn, PublicationOut, PublicationPage,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::catalog::brand as svc;

/// Create a brand: a storefront with its host name, languages and currency.
#[utoipa::path(
    operation_id = "BrandCreate",
    tag = "Catalog",
    params(IdempotencyKeyHeader),
    request_body = BrandIn,
    responses((status = 201, description = "Created", body = BrandOut))
)]
#[post("/brands")]
async fn brand_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<BrandIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the brands of the caller's subtree.
#[utoipa::path(
    operation_id = "BrandList",
    tag = "Catalog",
    params(PageQuery),
    responses((status = 200, description = "One page", body = BrandPage))
)]
#[get("/brands")]
async fn brand_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a brand.
#[utoipa::path(
    operation_id = "BrandGet",
    tag = "Catalog",
    params(("id" = String, Path, description = "Brand id")),
    responses((status = 200, description = "Found", body = BrandOut))
)]
#[get("/brands/{id}")]
async fn brand_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a brand's name, host name or languages.
#[utoipa::path(
    operation_id = "BrandUpdate",
    tag = "Catalog",
    params(("id" = String, Path, description = "Brand id"), IfMatchHeader),
    request_body = BrandPatch,
    responses((status = 200, description = "Changed", body = BrandOut))
)]
#[patch("/brands/{id}")]
async fn brand_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<BrandPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Publish a plan to the brand (raises `plan.published`): one the brand's account owns or
/// was given, priced in the brand's currency, under a display name of the brand's own.
#[utoipa::path(
    operation_id = "BrandPlanPublish",
    tag = "Catalog",
    params(("id" = String, Path, description = "Brand id"), IdempotencyKeyHeader),
    request_body = PublicationIn,
    responses((status = 201, description = "Published", body = PublicationOut))
)]
#[post("/brands/{id}/plans")]
async fn brand_plan_publish(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<PublicationIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::publish(cx, &caller, &id, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the plans published to the brand: what its store sells.
#[utoipa::path(
    operation_id = "BrandPlanList",
    tag = "Catalog",
    params(("id" = String, Path, description = "Brand id"), PageQuery),
    responses((status = 200, description = "One page", body = PublicationPage))
)]
#[get("/brands/{id}/plans")]
async fn brand_plan_list(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::publications(cx, &caller, &id, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Take a plan off the brand.
#[utoipa::path(
    operation_id = "BrandPlanUnpublish",
    tag = "Catalog",
    params(("id" = String, Path, description = "Brand id"), ("plan_id" = String, Path, description = "Plan id")),
    responses((status = 204, description = "Unpublished"))
)]
#[delete("/brands/{id}/plans/{plan_id}")]
async fn brand_plan_unpublish(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, plan_id) = path.into_inner();
    state.run(move |cx| svc::unpublish(cx, &caller, &id, &plan_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(brand_create)
        .service(brand_list)
        .service(brand_get)
        .service(brand_update)
        .service(brand_plan_publish)
        .service(brand_plan_list)
        .service(brand_plan_unpublish);
}
