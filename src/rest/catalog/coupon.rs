//! `/api/v1/coupons`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpResponse};
use stratum_api::catalog::coupon::{CouponIn, CouponOut, CouponPage, CouponPatch};
use stratum_api::EmptyIn;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody, OptionalJsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::catalog::coupon as svc;

/// Create a coupon (with a `code` customers enter) or a promotion (without one: it applies
/// by itself): a percentage or fixed discount on setup and/or recurring fees, for some
/// periods or forever, within validity dates and a usage limit, for some plans or all.
#[utoipa::path(
    operation_id = "CouponCreate",
    tag = "Catalog",
    params(IdempotencyKeyHeader),
    request_body = CouponIn,
    responses((status = 201, description = "Created", body = CouponOut))
)]
#[post("/coupons")]
async fn coupon_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CouponIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the coupons and promotions of the caller's subtree.
#[utoipa::path(
    operation_id = "CouponList",
    tag = "Catalog",
    params(PageQuery),
    responses((status = 200, description = "One page", body = CouponPage))
)]
#[get("/coupons")]
async fn coupon_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a coupon or promotion.
#[utoipa::path(
    operation_id = "CouponGet",
    tag = "Catalog",
    params(("id" = String, Path, description = "Coupon id")),
    responses((status = 200, description = "Found", body = CouponOut))
)]
#[get("/coupons/{id}")]
async fn coupon_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a coupon's name, end date, usage limit or plans.
#[utoipa::path(
    operation_id = "CouponUpdate",
    tag = "Catalog",
    params(("id" = String, Path, description = "Coupon id"), IfMatchHeader),
    request_body = CouponPatch,
    responses((status = 200, description = "Changed", body = CouponOut))
)]
#[patch("/coupons/{id}")]
async fn coupon_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<CouponPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// End a coupon or promotion: it applies no more.
#[utoipa::path(
    operation_id = "CouponArchive",
    tag = "Catalog",
    params(("id" = String, Path, description = "Coupon id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "Archived", body = CouponOut))
)]
#[post("/coupons/{id}/archive")]
async fn coupon_archive(
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
    cfg.service(coupon_create).service(coupon_list).service(coupon_get).service(coupon_update).service(coupon_archive);
}
