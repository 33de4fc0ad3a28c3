//! The `coupons` table: coupons (with a code) and promotions (without).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::coupons;
use crate::scope::Scope;
use crate::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = coupons, treat_none_as_null = true, treat_none_as_default_value = false)]
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

/// The active coupons and promotions of the account a scope is for and of the ancestors
/// it sees (not of its subtree: a customer's coupon is not its reseller's).
pub fn active_on_lineage(conn: &mut DbConn, scope: &Scope) -> QueryResult<Vec<CouponRow>> {
    coupons::table
        .filter(coupons::account_path.eq(scope.path()).or(coupons::account_path.eq_any(scope.above())))
        .filter(coupons::status.eq("active"))
        .select(CouponRow::as_select())
        .load(conn)
}

/// The coupon with `code` of the account the scope is for (codes are unique per account).
pub fn find_code(conn: &mut DbConn, owner: &Scope, code: &str) -> QueryResult<Option<CouponRow>> {
    coupons::table
        .filter(coupons::account_id.eq(owner.account_id()))
        .filter(coupons::code.eq(code))
        .select(CouponRow::as_select())
        .first(conn)
        .optional()
}

crate::versioned!(coupons, CouponRow, "coupon");
crate::owned!(CouponRow);

/// Counts one redemption of coupon `id` where it has one left (`times_redeemed <
/// max_redemptions`, or no limit), in one conditional statement; false when none is left.
pub fn redeem(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(coupons::table.filter(coupons::id.eq(id)).filter(
        coupons::max_redemptions.is_null().or(coupons::times_redeemed.nullable().lt(coupons::max_redemptions)),
    ))
    .set((
        coupons::times_redeemed.eq(coupons::times_redeemed + 1),
        coupons::version.eq(coupons::version + 1),
        coupons::updated_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}
