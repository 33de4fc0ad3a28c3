//! `/api/v1/test-clock`.

use actix_web::{get, post, web, HttpResponse};
use stratum_api::platform::test_clock::{TestClockAdvanceIn, TestClockOut};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::JsonBody;
use crate::rest::problem::ApiError;
use crate::rest::{AppState, IdempotencyKeyHeader};
use crate::service::platform::test_clock as svc;

/// Read the server's clock: whether it is a test clock, the time, and how far ahead it is.
#[utoipa::path(
    operation_id = "TestClockGet",
    tag = "Test clock",
    responses((status = 200, description = "The clock", body = TestClockOut))
)]
#[get("/test-clock")]
async fn test_clock_get(state: web::Data<AppState>, _caller: Caller) -> HttpResponse {
    HttpResponse::Ok().json(svc::get(&state.cx))
}

/// Move the test clock forward (servers started with `--test-clock`, provider only).
/// Tasks that become due — retries, reminders, renewals — run at once.
#[utoipa::path(
    operation_id = "TestClockAdvance",
    tag = "Test clock",
    params(IdempotencyKeyHeader),
    request_body = TestClockAdvanceIn,
    responses((status = 200, description = "The clock after the move", body = TestClockOut))
)]
#[post("/test-clock/advance")]
async fn test_clock_advance(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<TestClockAdvanceIn>,
) -> Result<HttpResponse, ApiError> {
    let out = svc::advance(&state.cx, &caller, &body.value).map_err(ApiError::from)?;
    state.wake.dispatcher.notify_one();
    state.wake.workers.notify_one();
    Ok(HttpResponse::Ok().json(out))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(test_clock_get).service(test_clock_advance);
}
