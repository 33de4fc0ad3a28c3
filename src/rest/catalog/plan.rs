//! `/api/v1/plans`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use stratum_api::catalog::plan::{PlanGrantIn, PlanGrantOut, PlanGrantPage, PlanIn, PlanOut, PlanPage, PlanPatch};
use stratum_api::EmptyIn;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody, OptionalJsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::catalog::plan as svc;

/// Create a service plan (raises `plan.created`): the provider prices a service template;
/// an advanced reseller prices a plan its parent gave it (`base_plan_id`), whose prices
/// become its wholesale cost. See docs/catalog.md.
#[utoipa::path(
    operation_id = "PlanCreate",
    tag = "Catalog",
    params(IdempotencyKeyHeader),
    request_body = PlanIn,
    responses((status = 201, description = "Created", body = PlanOut))
)]
#[post("/plans")]
async fn plan_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<PlanIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the plans of the caller's subtree and those given to its account.
#[utoipa::path(
    operation_id = "PlanList",
    tag = "Catalog",
    params(PageQuery),
    responses((status = 200, description = "One page", body = PlanPage))
)]
#[get("/plans")]
async fn plan_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a plan.
#[utoipa::path(
    operation_id = "PlanGet",
    tag = "Catalog",
    params(("id" = String, Path, description = "Plan id")),
    responses((status = 200, description = "Found", body = PlanOut))
)]
#[get("/plans/{id}")]
async fn plan_get(state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a plan (raises `plan.updated` with the previous values).
#[utoipa::path(
    operation_id = "PlanUpdate",
    tag = "Catalog",
    params(("id" = String, Path, description = "Plan id"), IfMatchHeader),
    request_body = PlanPatch,
    responses((status = 200, description = "Changed", body = PlanOut))
)]
#[patch("/plans/{id}")]
async fn plan_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<PlanPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Withdraw a plan from sale (raises `plan.archived`). Plans are never deleted.
#[utoipa::path(
    operation_id = "PlanArchive",
    tag = "Catalog",
    params(("id" = String, Path, description = "Plan id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "Archived", body = PlanOut))
)]
#[post("/plans/{id}/archive")]
async fn plan_archive(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::archive(cx, &caller, &id, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

/// Give the plan to a reseller whose parent owns it (or was given it), to sell.
#[utoipa::path(
    operation_id = "PlanGrantCreate",
    tag = "Catalog",
    params(("id" = String, Path, description = "Plan id"), IdempotencyKeyHeader),
    request_body = PlanGrantIn,
    responses((status = 201, description = "Given", body = PlanGrantOut))
)]
#[post("/plans/{id}/grants")]
async fn plan_grant_create(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<PlanGrantIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::grant(cx, &caller, &id, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the resellers of the caller's subtree the plan was given to.
#[utoipa::path(
    operation_id = "PlanGrantList",
    tag = "Catalog",
    params(("id" = String, Path, description = "Plan id"), PageQuery),
    responses((status = 200, description = "One page", body = PlanGrantPage))
)]
#[get("/plans/{id}/grants")]
async fn plan_grant_list(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::grants(cx, &caller, &id, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Take a plan back from a reseller (refused while the reseller still sells it).
#[utoipa::path(
    operation_id = "PlanGrantDelete",
    tag = "Catalog",
    params(("id" = String, Path, description = "Plan id"), ("account_id" = String, Path, description = "Reseller id")),
    responses((status = 204, description = "Taken back"))
)]
#[delete("/plans/{id}/grants/{account_id}")]
async fn plan_grant_delete(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, account_id) = path.into_inner();
    state.run(move |cx| svc::revoke(cx, &caller, &id, &account_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(plan_create)
        .service(plan_list)
        .service(plan_get)
        .service(plan_update)
        .service(plan_archive)
        .service(plan_grant_create)
        .service(plan_grant_list)
        .service(plan_grant_delete);
}
