//! Subscriptions: what a completed order leaves behind, one per order line.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::catalog::quote::QuoteResource;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionStatus {
    /// In its free trial.
    Trial,
    Active,
    /// The period ended unpaid.
    Grace,
    Suspended,
    Expired,
    Cancelled,
    Terminated,
}

/// A subscription to a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SubscriptionOut {
    pub id: String,
    /// The customer.
    pub account_id: String,
    /// The account that sold it (the order's seller).
    pub seller_id: String,
    pub plan_id: String,
    /// The order it came from, and its line there (from 0).
    pub order_id: String,
    pub order_line: i32,
    pub status: SubscriptionStatus,
    /// The billing period's length: `months` or `days`.
    pub months: Option<i32>,
    pub days: Option<i32>,
    /// When the trial ends, for a subscription that started with one.
    pub trial_ends_at: Option<DateTime<Utc>>,
    /// The current period: the trial while it lasts, else the first paid period.
    pub current_period_start: DateTime<Utc>,
    pub current_period_end: DateTime<Utc>,
    /// The resources bought beyond the plan's included amounts, as the order line had them.
    pub resources: Vec<QuoteResource>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(SubscriptionPage, SubscriptionOut, "A page of subscriptions.");

/// Filters of `SubscriptionList`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubscriptionListQuery {
    /// Only subscriptions of this customer.
    pub account_id: Option<String>,
    pub status: Option<SubscriptionStatus>,
    pub plan_id: Option<String>,
}
