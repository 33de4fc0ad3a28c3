//! `/api/v1/fraud-rules`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use stratum_api::ordering::fraud_rule::{FraudRuleIn, FraudRuleOut, FraudRulePage, FraudRulePatch};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{IfMatch, JsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, IfMatchHeader, PageQuery};
use crate::service::ordering::fraud_rule as svc;

/// Create a fraud rule for the provider or a reseller: it screens every order of the
/// account's subtree, and a match adds its `score` to the order's fraud score with a
/// reason. Kinds: `total_above` (`amount`, `currency`), `order_velocity` (`count`,
/// `hours`), `email_domain` (`domains`), `customer_age` (`days`), `ip_country_mismatch`.
#[utoipa::path(
    operation_id = "FraudRuleCreate",
    tag = "Orders",
    params(IdempotencyKeyHeader),
    request_body = FraudRuleIn,
    responses((status = 201, description = "Created", body = FraudRuleOut))
)]
#[post("/fraud-rules")]
async fn fraud_rule_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<FraudRuleIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the fraud rules of the caller's subtree.
#[utoipa::path(
    operation_id = "FraudRuleList",
    tag = "Orders",
    params(PageQuery),
    responses((status = 200, description = "One page", body = FraudRulePage))
)]
#[get("/fraud-rules")]
async fn fraud_rule_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let out = state.run(move |cx| svc::list(cx, &caller, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a fraud rule.
#[utoipa::path(
    operation_id = "FraudRuleGet",
    tag = "Orders",
    params(("id" = String, Path, description = "Fraud rule id")),
    responses((status = 200, description = "Found", body = FraudRuleOut))
)]
#[get("/fraud-rules/{id}")]
async fn fraud_rule_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Change a fraud rule's name, score or whether it is enabled; orders screened before
/// keep their score.
#[utoipa::path(
    operation_id = "FraudRuleUpdate",
    tag = "Orders",
    params(("id" = String, Path, description = "Fraud rule id"), IfMatchHeader),
    request_body = FraudRulePatch,
    responses((status = 200, description = "Changed", body = FraudRuleOut))
)]
#[patch("/fraud-rules/{id}")]
async fn fraud_rule_update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<FraudRulePatch>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::update(cx, &caller, &id, body.value, if_match.0)).await?;
    Ok(versioned(&out, out.version))
}

/// Delete a fraud rule; orders screened before keep their score.
#[utoipa::path(
    operation_id = "FraudRuleDelete",
    tag = "Orders",
    params(("id" = String, Path, description = "Fraud rule id"), IfMatchHeader),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/fraud-rules/{id}")]
async fn fraud_rule_delete(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    state.run(move |cx| svc::delete(cx, &caller, &id, if_match.0)).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(fraud_rule_create)
        .service(fraud_rule_list)
        .service(fraud_rule_get)
        .service(fraud_rule_update)
        .service(fraud_rule_delete);
}
