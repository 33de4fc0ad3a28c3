//! The `coupons` table: coupons (with a code) and promotions (without).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::coupons;
use crate::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = coupons, treat_none_as_null = true)]
pub struct CouponRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub code: Option<String>,
    pub name: String,
    /// JSON `CouponSpec`: the discount's terms and its plans.
    pub spec: String,
    pub valid_from: Option<NaiveDateTime>,
    pub valid_until: Option<NaiveDateTime>,
    pub max_redemptions: Option<i32>,
    pub times_redeemed: i32,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(coupons, CouponRow);

/// The active coupons and promotions of the accounts at `paths` (a caller's lineage).
pub fn active_of(conn: &mut DbConn, paths: &[String]) -> QueryResult<Vec<CouponRow>> {
    coupons::table
        .filter(coupons::account_path.eq_any(paths))
        .filter(coupons::status.eq("active"))
        .select(CouponRow::as_select())
        .load(conn)
}

pub fn find_code(conn: &mut DbConn, account_id: &str, code: &str) -> QueryResult<Option<CouponRow>> {
    coupons::table
        .filter(coupons::account_id.eq(account_id))
        .filter(coupons::code.eq(code))
        .select(CouponRow::as_select())
        .first(conn)
        .optional()
}

crate::versioned!(coupons, CouponRow, "coupon");
crate::owned!(CouponRow);
