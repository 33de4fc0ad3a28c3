//! Fraud rules: per account, inherited down the tree; each matching rule adds its score to
//! an order's fraud score with a reason.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FraudRuleKind {
    /// The order's total is above `amount` in `currency`.
    TotalAbove,
    /// The customer placed more than `count` orders (this one included) in `hours`.
    OrderVelocity,
    /// The customer's e-mail address is at one of `domains`.
    EmailDomain,
    /// The customer account is younger than `days`.
    CustomerAge,
    /// The country the storefront passes as `ip_country` differs from the customer's.
    IpCountryMismatch,
    /// An external screening service scores the order: the script action
    /// `script_action_id` is called, signed, and its answer `{"score": 0..1000, "reason": "…"}`
    /// is added; when it cannot answer, the rule adds its own `score`.
    ExternalScreening,
}

/// A fraud rule; the fields its `kind` needs, and no others matter.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FraudRuleIn {
    /// Defaults to the caller's account; the rule applies to orders of its whole subtree.
    #[serde(default)]
    pub account_id: Option<String>,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    pub kind: FraudRuleKind,
    /// What a match adds to the order's fraud score (`external_screening`: what it adds when
    /// the service gives no score).
    #[schema(minimum = 1, maximum = 1000)]
    pub score: i32,
    #[serde(default = "yes")]
    pub enabled: bool,
    /// `total_above`: the amount.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub amount: Option<Decimal>,
    /// `total_above`: the currency of `amount`.
    #[serde(default)]
    #[schema(value_type = Option<crate::catalog::currency_code::CurrencyCode>)]
    pub currency: Option<String>,
    /// `order_velocity`: more orders than this…
    #[serde(default)]
    #[schema(minimum = 1)]
    pub count: Option<i32>,
    /// `order_velocity`: …in this many hours.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 8760)]
    pub hours: Option<i32>,
    #[serde(default)]
    #[schema(schema_with = email_domains)]
    pub domains: Vec<String>,
    /// `customer_age`: accounts younger than this many days.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 36500)]
    pub days: Option<i32>,
    /// `external_screening`: the script action that calls the screening service, one of the
    /// rule's own account.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 64)]
    pub script_action_id: Option<String>,
}

crate::described!(
    email_domains = domain_names,
    "`email_domain`: up to 100 domains in lower case (`mailinator.com`); an address matches whatever its case."
);

fn yes() -> bool {
    true
}

/// Change a rule's name, score or whether it is enabled (its kind and terms stay; delete
/// and create a rule to change those).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FraudRulePatch {
    #[serde(default)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000)]
    pub score: Option<i32>,
    #[serde(default)]
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FraudRuleOut {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub kind: FraudRuleKind,
    pub score: i32,
    pub enabled: bool,
    #[schema(format = "decimal")]
    pub amount: Option<Decimal>,
    pub currency: Option<String>,
    pub count: Option<i32>,
    pub hours: Option<i32>,
    pub domains: Vec<String>,
    pub days: Option<i32>,
    pub script_action_id: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(FraudRulePage, FraudRuleOut, "A page of fraud rules.");
