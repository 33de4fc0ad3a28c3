//! Workflows as data: what an order runs through from `placed` to `completed` or
//! `rejected`, per account of the seller's side and order type.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::ordering::order::{OrderType, StepKind};

/// An action of the registry, for an `automatic` step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkflowAction {
    /// Scores the order by the fraud rules of the customer's lineage.
    FraudScreen,
    /// Marks the order suspect (`order.fraud_check.flagged`).
    MarkSuspect,
    /// Records that screening accepted the order (`order.fraud_check.passed`).
    MarkPassed,
    /// Redeems the coupon and creates the subscriptions: outcome `done`, or `refused`.
    Activate,
    /// Ends the order as its transition says (`completed` or `rejected`).
    Notify,
}

/// A fact about an order that a decision reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkflowFact {
    /// The order's fraud score (after a `fraud_screen` step; 0 before).
    FraudScore,
    /// The order's total, in its currency.
    Total,
    /// Whole days since the customer account was created, on the clock.
    CustomerAgeDays,
    /// The order's currency code (`USD`): text, compared with `eq` / `in` `values`.
    Currency,
    /// The seller's account id: text.
    Seller,
    /// The country code of the customer's address (`DE`): text; no address matches none.
    CustomerCountry,
    /// The order type (`sales`): text.
    OrderType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkflowComparison {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    /// A text fact is one of `values`.
    In,
}

/// `fact op value` for a number fact (`fraud_score`, `total`, `customer_age_days`; `ge`,
/// `gt`, `le`, `lt`, `eq`), `fact eq|in values` for a text fact (`currency`, `seller`,
/// `customer_country`, `order_type`): outcome `yes` when it holds, else `no`. What cannot
/// be evaluated is refused on save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowCondition {
    pub fact: WorkflowFact,
    pub op: WorkflowComparison,
    /// A number fact's bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub value: Option<Decimal>,
    /// A text fact's values: one for `eq`, up to 100 for `in`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// One step: `automatic` (with an `action`), `manual` (waits for `OrderApprove` /
/// `OrderReject`) or `decision` (with a `condition`); `on` maps each of its outcomes to
/// the next step's name, or to `completed` / `rejected` (only from a `notify` step).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowStep {
    #[schema(min_length = 1, max_length = 64)]
    pub name: String,
    pub kind: StepKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<WorkflowAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<WorkflowCondition>,
    /// Outcome → the next step, or `completed` / `rejected`. Outcomes: `done` (and
    /// `refused` for `activate`), `approved` / `rejected` for a manual step, `yes` / `no`
    /// for a decision.
    pub on: BTreeMap<String, String>,
    /// A manual step only: after this many hours on the clock without a decision the
    /// order moves on as if decided `timeout_outcome`, with a system comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 8760)]
    pub timeout_hours: Option<i32>,
    /// `approved` or `rejected`, with `timeout_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(pattern = "^(approved|rejected)$")]
    pub timeout_outcome: Option<String>,
}

/// Create a workflow for the provider or a reseller (default: the caller's account).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowIn {
    #[serde(default)]
    pub account_id: Option<String>,
    pub order_type: OrderType,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// The first step's name.
    pub start: String,
    #[schema(min_items = 1, max_items = 100)]
    pub steps: Vec<WorkflowStep>,
}

/// Change a workflow's name or steps; orders already placed keep their copy.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowPatch {
    #[serde(default)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    #[schema(min_items = 1, max_items = 100)]
    pub steps: Option<Vec<WorkflowStep>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkflowStatus {
    /// Runs the new orders of its account's subtree.
    Active,
    /// Runs no new order; orders placed on it keep their copy.
    Archived,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WorkflowOut {
    pub id: String,
    /// The owner: the provider or a reseller; the workflow runs its subtree's new orders
    /// unless a nearer reseller has its own.
    pub account_id: String,
    pub order_type: OrderType,
    pub name: String,
    pub status: WorkflowStatus,
    pub start: String,
    pub steps: Vec<WorkflowStep>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(WorkflowPage, WorkflowOut, "A page of workflows.");

/// Filters of `WorkflowList`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorkflowListQuery {
    /// Only workflows of this account.
    pub account_id: Option<String>,
    pub order_type: Option<OrderType>,
    pub status: Option<WorkflowStatus>,
}
