//! Coupons (entered by code) and promotions (applied automatically).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalog::service_template::CatalogStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiscountAppliesTo {
    Setup,
    Recurring,
    SetupAndRecurring,
}

/// A coupon (with a `code`) or an automatic promotion (without).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CouponIn {
    /// Defaults to the caller's account.
    #[serde(default)]
    pub account_id: Option<String>,
    /// What customers enter (`WELCOME10`; letters, digits, `-`, `_`), unique per account;
    /// absent for a promotion, which applies by itself.
    #[serde(default)]
    #[schema(pattern = "^[A-Za-z0-9_-]{3,40}$")]
    pub code: Option<String>,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// Give `percent` (0–100) or `amount` (in `currency`), not both.
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^0{0,10}(100(\.0{1,8})?|[0-9]{1,2}(\.[0-9]{1,8})?)$")]
    pub percent: Option<Decimal>,
    #[serde(default)]
    #[schema(format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,8})?$")]
    pub amount: Option<Decimal>,
    #[serde(default)]
    #[schema(value_type = Option<crate::catalog::currency_code::CurrencyCode>)]
    pub currency: Option<String>,
    pub applies_to: DiscountAppliesTo,
    /// Billing periods it reduces; forever when absent.
    #[serde(default)]
    #[schema(minimum = 1)]
    pub duration_periods: Option<i32>,
    #[serde(default)]
    pub valid_from: Option<DateTime<Utc>>,
    #[serde(default)]
    pub valid_until: Option<DateTime<Utc>>,
    /// How many orders may redeem it; unlimited when absent.
    #[serde(default)]
    #[schema(minimum = 1)]
    pub max_redemptions: Option<i32>,
    /// The plans it is for (of the account's catalog); every plan when empty.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub plan_ids: Vec<String>,
}

/// Change a coupon. Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CouponPatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub valid_until: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<i32>)]
    #[schema(minimum = 1)]
    pub max_redemptions: Option<Option<i32>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = Vec<String>)]
    #[schema(max_items = 100)]
    pub plan_ids: Option<Vec<String>>,
}

/// A coupon or promotion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CouponOut {
    pub id: String,
    pub account_id: String,
    pub code: Option<String>,
    pub name: String,
    #[schema(format = "decimal")]
    pub percent: Option<Decimal>,
    #[schema(format = "decimal")]
    pub amount: Option<Decimal>,
    pub currency: Option<String>,
    pub applies_to: DiscountAppliesTo,
    pub duration_periods: Option<i32>,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
    pub max_redemptions: Option<i32>,
    pub times_redeemed: i32,
    pub plan_ids: Vec<String>,
    pub status: CatalogStatus,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(CouponPage, CouponOut, "A page of coupons and promotions.");
