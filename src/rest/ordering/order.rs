//! `/api/v1/orders`.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use stratum_api::ordering::order::{
    OrderApproveIn, OrderCancelIn, OrderIn, OrderListQuery, OrderOut, OrderPage, OrderRejectIn,
};
use stratum_api::EmptyIn;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::extract::{JsonBody, OptionalJsonBody};
use crate::rest::problem::ApiError;
use crate::rest::{outcome, versioned, AppState, IdempotencyKeyHeader, PageQuery};
use crate::service::ordering::order as svc;
use crate::service::ordering::workflow;

/// Place an order for a customer: one or more plans, each with its period, resources
/// beyond the included amounts and the order parameters its template asks for, plus a
/// coupon code and the brand it was sold on. Each line is priced exactly as `QuoteCreate`
/// prices it and the price is kept: the order never changes price after it is placed. A
/// customer orders for itself the plans published on its seller's brands; a reseller or
/// the provider may order any plan the customer's parent sells, for a customer of its
/// subtree. Raises `order.placed`; the order then runs through its workflow (fraud
/// screening, approval when flagged, activation, notification). See docs/orders.md.
#[utoipa::path(
    operation_id = "OrderCreate",
    tag = "Orders",
    params(IdempotencyKeyHeader),
    request_body = OrderIn,
    responses((status = 201, description = "Placed", body = OrderOut))
)]
#[post("/orders")]
async fn order_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<OrderIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(201);
    let out = state.run(move |cx| svc::create(cx, &caller, body.value, idem.as_ref())).await?;
    state.wake.actions.notify_one();
    Ok(outcome(out, StatusCode::CREATED))
}

/// List the orders of the caller's subtree (a customer's key: its own orders), oldest
/// first, by customer, type, status and the time they were placed.
#[utoipa::path(
    operation_id = "OrderList",
    tag = "Orders",
    params(PageQuery, OrderListQuery),
    responses((status = 200, description = "One page", body = OrderPage))
)]
#[get("/orders")]
async fn order_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<OrderListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get an order with its priced lines.
#[utoipa::path(
    operation_id = "OrderGet",
    tag = "Orders",
    params(("id" = String, Path, description = "Order id")),
    responses((status = 200, description = "Found", body = OrderOut))
)]
#[get("/orders/{id}")]
async fn order_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(versioned(&out, out.version))
}

/// Cancel an order that has not completed, with an optional reason (`order.cancelled`);
/// a completed, rejected or cancelled order answers 409 `invalid_state_transition`.
#[utoipa::path(
    operation_id = "OrderCancel",
    tag = "Orders",
    params(("id" = String, Path, description = "Order id"), IdempotencyKeyHeader),
    request_body(content = Option<OrderCancelIn>, description = "No body, `{}`, or a reason"),
    responses((status = 200, description = "Cancelled", body = OrderOut))
)]
#[post("/orders/{id}/cancel")]
async fn order_cancel(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<OrderCancelIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| svc::cancel(cx, &caller, &id, body.0.value, idem.as_ref())).await?;
    Ok(outcome(out, StatusCode::OK))
}

/// Approve an order that waits for approval (`waiting_approval`), with an optional
/// comment: `order.approved`, and the order runs on. Any other order answers 409
/// `invalid_state_transition`; the customer itself may not approve (403).
#[utoipa::path(
    operation_id = "OrderApprove",
    tag = "Orders",
    params(("id" = String, Path, description = "Order id"), IdempotencyKeyHeader),
    request_body(content = Option<OrderApproveIn>, description = "No body, `{}`, or a comment"),
    responses((status = 200, description = "Approved; the order runs on", body = OrderOut))
)]
#[post("/orders/{id}/approve")]
async fn order_approve(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<OrderApproveIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| workflow::approve(cx, &caller, &id, body.0.value, idem.as_ref())).await?;
    state.wake.actions.notify_one();
    Ok(outcome(out, StatusCode::OK))
}

/// Reject an order that waits for approval, saying why: the order takes its workflow's
/// rejection path and ends `rejected` (`order.rejected`, the comment as `status_reason`).
/// Any other order answers 409 `invalid_state_transition`; the customer itself may not
/// reject (403).
#[utoipa::path(
    operation_id = "OrderReject",
    tag = "Orders",
    params(("id" = String, Path, description = "Order id"), IdempotencyKeyHeader),
    request_body = OrderRejectIn,
    responses((status = 200, description = "Rejected; the order runs its rejection path", body = OrderOut))
)]
#[post("/orders/{id}/reject")]
async fn order_reject(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<OrderRejectIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.idempotency(200);
    let out = state.run(move |cx| workflow::reject(cx, &caller, &id, body.value, idem.as_ref())).await?;
    state.wake.actions.notify_one();
    Ok(outcome(out, StatusCode::OK))
}

/// Run the order's failed automatic step again (the step's `error` says why it failed).
/// An order without a failed step answers 409 `invalid_state_transition`.
#[utoipa::path(
    operation_id = "OrderRetry",
    tag = "Orders",
    params(("id" = String, Path, description = "Order id"), IdempotencyKeyHeader),
    request_body(content = Option<EmptyIn>, description = "No body, or `{}`"),
    responses((status = 200, description = "The step is queued again", body = OrderOut))
)]
#[post("/orders/{id}/retry")]
async fn order_retry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: OptionalJsonBody<EmptyIn>,
) -> Result<HttpResponse, ApiError> {
    let idem = body.0.idempotency(200);
    let out = state.run(move |cx| workflow::retry(cx, &caller, &id, idem.as_ref())).await?;
    state.wake.actions.notify_one();
    Ok(outcome(out, StatusCode::OK))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(order_create)
        .service(order_list)
        .service(order_get)
        .service(order_cancel)
        .service(order_approve)
        .service(order_reject)
        .service(order_retry);
}
