//! `/api/v1/quotes`.

use actix_web::{post, web, HttpResponse};
use stratum_api::catalog::quote::{QuoteIn, QuoteOut};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::JsonBody;
use crate::rest::problem::ApiError;
use crate::rest::AppState;
use crate::service::catalog::quote as svc;

/// Price a plan: one of its periods, resources beyond the included amounts, a coupon code
/// and the promotions in force, itemised exactly as an invoice will compute it (each line
/// rounded to the currency's minor units, half away from zero; totals are sums of lines).
/// Nothing is stored. See docs/pricing.md.
#[utoipa::path(
    operation_id = "QuoteCreate",
    tag = "Catalog",
    request_body = QuoteIn,
    responses((status = 200, description = "The itemised price", body = QuoteOut))
)]
#[post("/quotes")]
async fn quote_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<QuoteIn>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::create(cx, &caller, body.value)).await?;
    Ok(HttpResponse::Ok().json(out))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(quote_create);
}
