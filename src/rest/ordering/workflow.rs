//! `/api/v1/workflows`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpResponse};
use stratum_api::ordering::workflow::{WorkflowIn, WorkflowListQuery, WorkflowOut, WorkflowPage, WorkflowPatch};
use stratum_api::EmptyIn;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody, OptionalJsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::ordering::workflow_def as svc;

/// Create the workflow of the provider or a reseller (`account_id`, default the caller's
/// account) for an order type: the new orders of the account's subtree run it, unless a
/// reseller below has its own. Validated on save (every step reachable, every outcome a
/// transition, no cycle without a manual step, only `notify` steps end the order): 422
/// with the field of each problem. An account has at most one active workflow per order
/// type: a second answers 409 `conflict` (archive the first). A customer account owns
/// none (422 `customer_account`). See docs/orders.md.
#[utoipa::path(
    operation_id = "WorkflowCreate",
    tag = "Orders",
    params(IdempotencyKeyHeader),
    request_body = WorkflowIn,
    responses((status = 201, description = "Created, active", body = WorkflowOut))
)]
#[post("/workflows")]
async fn workflow_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<WorkflowIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the workflows of the caller's subtree, by owner, order type and status.
#[utoipa::path(
    operation_id = "WorkflowList",
    tag = "Orders",
    params(PageQuery, WorkflowListQuery),
    responses((status = 200, description = "One page", body = WorkflowPage))
)]
#[get("/workflows")]
async fn workflow_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<WorkflowListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a workflow.
#[utoipa::path(
    operation_id = "WorkflowGet",
    tag = "Orders",
    params(("id" = String, Path, description = "Workflow id")),
    responses((status = 200, description = "Found", body = WorkflowOut))
)]
#[get("/workflows/{id}")]
async fn workflow_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change an active workflow's name, start or steps, validated whole as on create. Orders
/// placed before keep their copy of the workflow.
#[utoipa::path(
    operation_id = "WorkflowUpdate",
    tag = "Orders",
    params(("id" = String, Path, description = "Workflow id"), IfMatchHeader),
    request_body = WorkflowPatch,
    responses((status = 200, description = "Changed", body = WorkflowOut))
)]
#[patch("/workflows/{id}")]
async fn workflow_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<WorkflowPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Archive a workflow: new orders of its subtree run the next ancestor's workflow (or the
/// built-in default); orders placed on it keep their copy. Archiving again changes nothing.
#[utoipa::path(
    operation_id = "WorkflowArchive",
    tag = "Orders",
    params(("id" = String, Path, description = "Workflow id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "Archived", body = WorkflowOut))
)]
#[post("/workflows/{id}/archive")]
async fn workflow_archive(
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
    cfg.service(workflow_create)
        .service(workflow_list)
        .service(workflow_get)
        .service(workflow_update)
        .service(workflow_archive);
}
