//! Orders: what a storefront, a CRM or a reseller's script sends to buy something, priced
//! once when it is placed and kept so.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::catalog::quote::{QuoteOut, QuoteResource};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrderType {
    /// A new subscription to a plan.
    Sales,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Accepted and priced; its workflow has not started yet.
    Placed,
    /// Its workflow runs.
    InProgress,
    /// Its workflow waits for `OrderApprove` or `OrderReject`.
    WaitingApproval,
    /// Done: the subscription exists.
    Completed,
    Rejected,
    /// Cancelled before completion.
    Cancelled,
}

crate::described!(
    parameters_by_name = order_parameters,
    "The order parameters the plan's service template asks for, by name (`{\"domain\": \"example.com\"}`): every required one, each as its definition says."
);

/// One plan bought: the same fields as a quote (`QuoteIn`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderLineIn {
    pub plan_id: String,
    /// The period's length: `months` or `days` as the plan defines it.
    #[serde(default)]
    pub months: Option<i32>,
    #[serde(default)]
    pub days: Option<i32>,
    /// Resources beyond the plan's included amounts; others stay at the included amount.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub resources: Vec<QuoteResource>,
    #[serde(default)]
    #[schema(schema_with = parameters_by_name)]
    pub parameters: BTreeMap<String, String>,
}

/// Place an order for a customer account.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderIn {
    /// The customer that buys; defaults to the caller's account, which must then be a customer.
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(rename = "type")]
    pub order_type: OrderType,
    /// The storefront the order was placed on: a brand of the seller that publishes every
    /// plan of the order. A customer's own call needs the plans published on one of its
    /// seller's brands, with or without naming it.
    #[serde(default)]
    pub brand_id: Option<String>,
    /// A coupon of the customer's account or an account above it.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 40)]
    pub coupon_code: Option<String>,
    /// 1 to 20 plans, all sold by one seller in one currency.
    #[schema(min_items = 1, max_items = 20)]
    pub lines: Vec<OrderLineIn>,
    /// The country of the buyer's IP address as the storefront saw it (ISO 3166-1
    /// alpha-2), for fraud screening.
    #[serde(default)]
    #[schema(pattern = "^[A-Z]{2}$")]
    pub ip_country: Option<String>,
}

/// One line of an order: what was asked for and its price, fixed when the order was placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OrderLineOut {
    pub plan_id: String,
    pub months: Option<i32>,
    pub days: Option<i32>,
    pub resources: Vec<QuoteResource>,
    pub parameters: BTreeMap<String, String>,
    /// Exactly what `QuoteCreate` answered for this line when the order was placed.
    pub price: QuoteOut,
}

/// An order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OrderOut {
    pub id: String,
    /// The customer.
    pub account_id: String,
    /// The account that sells: the owner of the order's plans (the provider, or an
    /// advanced reseller for its own plans).
    pub seller_id: String,
    pub brand_id: Option<String>,
    #[serde(rename = "type")]
    pub order_type: OrderType,
    pub status: OrderStatus,
    pub currency: String,
    pub lines: Vec<OrderLineOut>,
    /// The sum of the lines' totals.
    #[schema(format = "decimal")]
    pub total: Decimal,
    /// For an advanced reseller's own plans: what its parent charges it for the same
    /// order (the sum of the lines' wholesale totals).
    #[schema(format = "decimal")]
    pub wholesale_total: Option<Decimal>,
    pub coupon_code: Option<String>,
    /// Why the order was cancelled or rejected.
    pub status_reason: Option<String>,
    pub ip_country: Option<String>,
    /// The workflow the order was placed on (`null`: the built-in default); the order
    /// keeps its own copy, so editing or archiving the workflow changes nothing here.
    pub workflow_id: Option<String>,
    /// The step of its workflow the order is at (`null` once it ended).
    pub current_step: Option<String>,
    /// The steps the order went through, oldest first.
    pub steps: Vec<OrderStepOut>,
    /// The fraud score, once screened, and the rules that added to it.
    pub fraud_score: Option<i64>,
    pub fraud_reasons: Vec<FraudReason>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// An action of the registry, run as a task (`order.step`).
    Automatic,
    /// Waits for `OrderApprove` or `OrderReject`.
    Manual,
    /// A condition on the order's facts.
    Decision,
}

/// One step an order went through.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OrderStepOut {
    pub name: String,
    pub kind: StepKind,
    /// The outcome (`done`, `refused`, `yes`, `no`, `approved`, `rejected`); `null` while
    /// the step runs, waits or failed.
    pub outcome: Option<String>,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Why its last attempt failed (`OrderRetry` runs it again).
    pub error: Option<String>,
    pub attempts: i32,
    /// The comment of an approval or rejection.
    pub comment: Option<String>,
}

/// A fraud rule that matched the order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FraudReason {
    pub rule_id: String,
    pub score: i64,
    pub reason: String,
}

/// Approve an order waiting for approval.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderApproveIn {
    #[serde(default)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub comment: Option<String>,
}

/// Reject an order waiting for approval, saying why.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderRejectIn {
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub comment: String,
}

crate::page_type!(OrderPage, OrderOut, "A page of orders.");

/// Cancel an order that has not completed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderCancelIn {
    #[serde(default)]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: Option<String>,
}

/// Filters of `OrderList`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrderListQuery {
    /// Only orders of this customer.
    pub account_id: Option<String>,
    /// Only orders of this type.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub order_type: Option<OrderType>,
    pub status: Option<OrderStatus>,
    /// Only orders placed at or after this time.
    pub created_from: Option<DateTime<Utc>>,
    /// Only orders placed before this time.
    pub created_until: Option<DateTime<Utc>>,
}
