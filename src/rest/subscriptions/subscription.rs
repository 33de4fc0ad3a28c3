//! `/api/v1/subscriptions`.

use actix_web::{get, web, HttpResponse};
use stratum_api::subscriptions::subscription::{SubscriptionListQuery, SubscriptionOut, SubscriptionPage};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::problem::ApiError;
use crate::rest::{versioned, AppState, PageQuery};
use crate::service::subscriptions::subscription as svc;

/// List the subscriptions of the caller's subtree (a customer's key: its own), oldest
/// first, by customer, status and plan.
#[utoipa::path(
    operation_id = "SubscriptionList",
    tag = "Subscriptions",
    params(PageQuery, SubscriptionListQuery),
    responses((status = 200, description = "One page", body = SubscriptionPage))
)]
#[get("/subscriptions")]
async fn subscription_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<SubscriptionListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get a subscription: its plan, period, status and current period, as the order that
/// created it left it.
#[utoipa::path(
    operation_id = "SubscriptionGet",
    tag = "Subscriptions",
    params(("id" = String, Path, description = "Subscription id")),
    responses((status = 200, description = "Found", body = SubscriptionOut))
)]
#[get("/subscriptions/{id}")]
async fn subscription_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(subscription_list).service(subscription_get);
}
