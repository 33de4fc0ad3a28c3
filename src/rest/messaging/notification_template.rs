//! `/api/v1/notification-templates`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use stratum_api::messaging::notification_template::{
    NotificationPreviewIn, NotificationPreviewOut, NotificationTemplateIn, NotificationTemplateOut,
    NotificationTemplatePage, NotificationTemplatePatch,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::messaging::notification_template as svc;
use stratum_api::messaging::notification_template::NotificationTemplateListQuery;

/// Create a notification template for an event type and a language.
///
/// The template serves the events of its account's subtree, unless a descendant account
/// has its own for the same type and language. Texts are MiniJinja (Jinja2) templates;
/// see docs/notifications.md for the variables.
#[utoipa::path(
    operation_id = "NotificationTemplateCreate",
    tag = "Notifications",
    params(IdempotencyKeyHeader),
    request_body = NotificationTemplateIn,
    responses((status = 201, description = "The new template", body = NotificationTemplateOut))
)]
#[post("/notification-templates")]
async fn notification_template_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<NotificationTemplateIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the notification templates of the caller's subtree.
#[utoipa::path(
    operation_id = "NotificationTemplateList",
    tag = "Notifications",
    params(PageQuery, NotificationTemplateListQuery),
    responses((status = 200, description = "One page of templates", body = NotificationTemplatePage))
)]
#[get("/notification-templates")]
async fn notification_template_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<NotificationTemplateListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a notification template.
#[utoipa::path(
    operation_id = "NotificationTemplateGet",
    tag = "Notifications",
    params(("id" = String, Path, description = "Template id")),
    responses((status = 200, description = "The template", body = NotificationTemplateOut))
)]
#[get("/notification-templates/{id}")]
async fn notification_template_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a template's texts, sender, recipients, schedule or enabled flag.
#[utoipa::path(
    operation_id = "NotificationTemplateUpdate",
    tag = "Notifications",
    params(("id" = String, Path, description = "Template id"), IfMatchHeader),
    request_body = NotificationTemplatePatch,
    responses((status = 200, description = "The changed template", body = NotificationTemplateOut))
)]
#[patch("/notification-templates/{id}")]
async fn notification_template_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<NotificationTemplatePatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Delete a template. Its notifications still scheduled fail when their time comes.
#[utoipa::path(
    operation_id = "NotificationTemplateDelete",
    tag = "Notifications",
    params(("id" = String, Path, description = "Template id"), IfMatchHeader),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/notification-templates/{id}")]
async fn notification_template_delete(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    state.run(move |cx| svc::delete(cx, &caller, &id, if_match.0)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Render a template against a stored event, sending nothing: what its notification would
/// say, and to whom.
#[utoipa::path(
    operation_id = "NotificationTemplatePreview",
    tag = "Notifications",
    params(("id" = String, Path, description = "Template id")),
    request_body = NotificationPreviewIn,
    responses((status = 200, description = "The rendered notification", body = NotificationPreviewOut))
)]
#[post("/notification-templates/{id}/preview")]
async fn notification_template_preview(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<NotificationPreviewIn>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::preview(cx, &caller, &id, body.value)).await?;
    Ok(HttpResponse::Ok().json(out))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(notification_template_create)
        .service(notification_template_list)
        .service(notification_template_get)
        .service(notification_template_update)
        .service(notification_template_delete)
        .service(notification_template_preview);
}
