//! Deliveries: one event on its way to one webhook endpoint, and each HTTP attempt.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting for its first or next attempt.
    Pending,
    Succeeded,
    /// Gave up after the last retry, or the endpoint went away.
    Dead,
}

/// One event on its way to one endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DeliveryOut {
    pub id: String,
    pub endpoint_id: String,
    pub event_id: String,
    pub task_id: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

crate::page_type!(DeliveryPage, DeliveryOut, "A page of deliveries.");

/// One HTTP attempt of a delivery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DeliveryAttemptOut {
    pub id: String,
    pub delivery_id: String,
    pub attempted_at: DateTime<Utc>,
    /// The receiver's status code; absent when no answer came.
    pub status_code: Option<i32>,
    pub latency_ms: i64,
    /// The start of the receiver's answer (at most 1,000 characters).
    pub response: Option<String>,
    /// Why the attempt failed without an answer (timeout, refused connection, …).
    pub error: Option<String>,
}

crate::page_type!(DeliveryAttemptPage, DeliveryAttemptOut, "A page of delivery attempts.");

/// Filters of `DeliveryList`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryListQuery {
    pub endpoint_id: Option<String>,
    pub event_id: Option<String>,
    pub status: Option<DeliveryStatus>,
}
