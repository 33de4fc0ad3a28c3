//! `/api/v1/notifications`: the log of notifications, sent and scheduled.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use stratum_api::messaging::notification::{NotificationOut, NotificationPage};
use stratum_api::EmptyIn;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::OptionalJsonBody;
use crate::rest::problem::ApiError;
use crate::rest::{outcome, AppState, IdempotencyKeyHeader, PageQuery};
use crate::service::messaging::notification as svc;
use stratum_api::messaging::notification::NotificationListQuery;

/// List the notifications about the accounts of the caller's subtree, oldest first.
#[utoipa::path(
    operation_id = "NotificationList",
    tag = "Notifications",
    params(PageQuery, NotificationListQuery),
    responses((status = 200, description = "One page of notifications", body = NotificationPage))
)]
#[get("/notifications")]
async fn notification_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<NotificationListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a notification: to whom, what (once rendered), when, and how it went.
#[utoipa::path(
    operation_id = "NotificationGet",
    tag = "Notifications",
    params(("id" = String, Path, description = "Notification id")),
    responses((status = 200, description = "The notification", body = NotificationOut))
)]
#[get("/notifications/{id}")]
async fn notification_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Cancel a scheduled notification (and its task).
#[utoipa::path(
    operation_id = "NotificationCancel",
    tag = "Notifications",
    params(("id" = String, Path, description = "Notification id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "The cancelled notification", body = NotificationOut))
)]
#[post("/notifications/{id}/cancel")]
async fn notification_cancel(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::cancel(cx, &caller, &id, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(notification_list).service(notification_get).service(notification_cancel);
}
