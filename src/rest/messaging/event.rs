//! `/api/v1/event-types` and `/api/v1/events`.

use actix_web::{get, web, HttpResponse};
use stratum_api::messaging::event::{EventOut, EventPage, EventTypePage};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::rest::problem::ApiError;
use crate::rest::{AppState, PageQuery};
use crate::service::messaging::event as svc;
use stratum_api::messaging::event::EventListQuery;

/// List every event type of the catalog (71 billing, 47 provisioning).
#[utoipa::path(
    operation_id = "EventTypeList",
    tag = "Events",
    responses((status = 200, description = "The whole catalog", body = EventTypePage))
)]
#[get("/event-types")]
async fn event_type_list(_caller: Caller) -> HttpResponse {
    HttpResponse::Ok().json(svc::types())
}

/// List the events of the caller's subtree, oldest first.
#[utoipa::path(
    operation_id = "EventList",
    tag = "Events",
    params(PageQuery, EventListQuery),
    responses((status = 200, description = "One page of events", body = EventPage))
)]
#[get("/events")]
async fn event_list(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
    q: web::Query<EventListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.page()?;
    let q = q.into_inner();
    let out = state.run(move |cx| svc::list(cx, &caller, &q, &page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Get an event.
#[utoipa::path(
    operation_id = "EventGet",
    tag = "Events",
    params(("id" = String, Path, description = "Event id")),
    responses((status = 200, description = "The event", body = EventOut))
)]
#[get("/events/{id}")]
async fn event_get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let out = state.run(move |cx| svc::get(cx, &caller, &id)).await?;
    Ok(HttpResponse::Ok().json(out))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(event_type_list).service(event_list).service(event_get);
}
