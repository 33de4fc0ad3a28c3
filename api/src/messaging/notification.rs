//! Notifications: the log of what was (or will be) sent to whom and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotificationStatus {
    /// Waiting for its send time, or for a retry after a failed attempt.
    Scheduled,
    Sent,
    /// Gave up: the template could not be rendered, or the last retry failed.
    Failed,
    /// Cancelled over the API, or superseded by a later event of the same object.
    Cancelled,
}

/// One notification: what was, or will be, sent to whom and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct NotificationOut {
    pub id: String,
    /// The account the event is about.
    pub account_id: String,
    pub template_id: String,
    pub event_id: String,
    pub event_type: String,
    pub object_id: String,
    pub recipients: Vec<String>,
    pub language: String,
    /// Set once rendered (at the first send attempt).
    pub subject: Option<String>,
    pub body: Option<String>,
    pub html_body: Option<String>,
    pub status: NotificationStatus,
    pub send_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub attempts: i32,
    /// The last attempt's error.
    pub error: Option<String>,
    /// The task that sends it.
    pub task_id: String,
    pub created_at: DateTime<Utc>,
}

crate::page_type!(NotificationPage, NotificationOut, "A page of notifications.");

/// Filters of `NotificationList`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationListQuery {
    pub status: Option<NotificationStatus>,
    pub event_id: Option<String>,
    pub template_id: Option<String>,
}
