//! `/api/v1/tasks`.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use stratum_api::platform::task::{TaskOut, TaskPage};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::OptionalJsonBody;
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, PageQuery};
use crate::service::platform::task as svc;
use stratum_api::platform::task::TaskListQuery;
use stratum_api::EmptyIn;

/// List the tasks of the caller's subtree.
#[utoipa::path(
    operation_id = "TaskList",
    tag = "Tasks",
    params(PageQuery, TaskListQuery),
    responses((status = 200, description = "One page of tasks", body = TaskPage))
)]
#[get("/tasks")]
async fn task_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<TaskListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a task.
#[utoipa::path(
    operation_id = "TaskGet",
    tag = "Tasks",
    params(("id" = String, Path, description = "Task id")),
    responses((status = 200, description = "The task", body = TaskOut))
)]
#[get("/tasks/{id}")]
async fn task_get(state: web::Data<AppState>, caller: Caller, id: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Run a dead, cancelled or waiting task now. Raises `task.rescheduled`.
#[utoipa::path(
    operation_id = "TaskRetry",
    tag = "Tasks",
    params(("id" = String, Path, description = "Task id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "The task, due now", body = TaskOut))
)]
#[post("/tasks/{id}/retry")]
async fn task_retry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::change(cx, &caller, &id, false, idem.as_ref())).await?;
    state.wake.workers.notify_one();
    state.wake.actions.notify_one();
    Ok(outcome(out, StatusCode::OK))
}

/// Cancel a waiting task. Raises `task.cancelled`.
#[utoipa::path(
    operation_id = "TaskCancel",
    tag = "Tasks",
    params(("id" = String, Path, description = "Task id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "The cancelled task", body = TaskOut))
)]
#[post("/tasks/{id}/cancel")]
async fn task_cancel(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::change(cx, &caller, &id, true, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(task_list).service(task_get).service(task_retry).service(task_cancel);
}
