//! `/api/v1/script-actions`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use stratum_api::messaging::script_action::{
    ScriptActionCreatedOut, ScriptActionIn, ScriptActionOut, ScriptActionPage, ScriptActionPatch,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::messaging::script_action as svc;

/// Call an external script for the events of an account's subtree.
///
/// Each matching event becomes a task (`script.call`): a POST of the event to the URL,
/// signed per Standard Webhooks with the `secret` of this answer (shown once), retried on
/// the webhook schedule up to `max_attempts`. See docs/notifications.md.
#[utoipa::path(
    operation_id = "ScriptActionCreate",
    tag = "Script actions",
    params(IdempotencyKeyHeader),
    request_body = ScriptActionIn,
    responses((status = 201, description = "The new script action and its signing secret", body = ScriptActionCreatedOut))
)]
#[post("/script-actions")]
async fn script_action_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<ScriptActionIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the script actions of the caller's subtree.
#[utoipa::path(
    operation_id = "ScriptActionList",
    tag = "Script actions",
    params(PageQuery),
    responses((status = 200, description = "One page of script actions", body = ScriptActionPage))
)]
#[get("/script-actions")]
async fn script_action_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a script action.
#[utoipa::path(
    operation_id = "ScriptActionGet",
    tag = "Script actions",
    params(("id" = String, Path, description = "Script action id")),
    responses((status = 200, description = "The script action", body = ScriptActionOut))
)]
#[get("/script-actions/{id}")]
async fn script_action_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a script action's URL, description, event types, limits or enabled flag.
#[utoipa::path(
    operation_id = "ScriptActionUpdate",
    tag = "Script actions",
    params(("id" = String, Path, description = "Script action id"), IfMatchHeader),
    request_body = ScriptActionPatch,
    responses((status = 200, description = "The changed script action", body = ScriptActionOut))
)]
#[patch("/script-actions/{id}")]
async fn script_action_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<ScriptActionPatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Delete a script action: no new calls (calls under way finish).
#[utoipa::path(
    operation_id = "ScriptActionDelete",
    tag = "Script actions",
    params(("id" = String, Path, description = "Script action id"), IfMatchHeader),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/script-actions/{id}")]
async fn script_action_delete(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    state.run(move |cx| svc::delete(cx, &caller, &id, if_match.0)).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(script_action_create)
        .service(script_action_list)
        .service(script_action_get)
        .service(script_action_update)
        .service(script_action_delete);
}
