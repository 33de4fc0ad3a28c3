//! Tasks: every asynchronous action, durable and visible.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Waiting for its run time (also after a failed attempt, until the retry).
    Queued,
    /// Claimed by a worker, whose lease ends at `lease_expires_at`.
    Running,
    Succeeded,
    Cancelled,
    /// Gave up after its last attempt.
    Dead,
}

/// A task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskOut {
    pub id: String,
    /// What the task does (`webhook.deliver`).
    pub kind: String,
    pub account_id: String,
    pub status: TaskStatus,
    pub attempts: i32,
    /// When it runs (next).
    pub run_at: DateTime<Utc>,
    pub lease_expires_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    /// What the task works on, e.g. `{"delivery_id": …}`.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// What the last attempt produced, e.g. `{"status_code": 200, "response": "…",
    /// "latency_ms": 12}` for a script call; `null` before the first attempt.
    #[schema(value_type = Option<Object>)]
    pub result: Option<serde_json::Value>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(TaskPage, TaskOut, "A page of tasks.");

/// Filters of `TaskList`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaskListQuery {
    /// `webhook.deliver`, …
    pub kind: Option<String>,
    pub status: Option<TaskStatus>,
}
