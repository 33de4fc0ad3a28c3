//! What the `activate` step does besides creating the subscriptions: it redeems the
//! order's coupon, once, within the coupon's limit, however many orders race for it.

use chrono::{DateTime, Utc};
use stratum_api::identity::account::AccountStatus;
use stratum_api::ordering::order::OrderLineOut;

use super::persisted as stored;
use crate::clock::to_db;
use crate::events::EventType;
use crate::service::{raise, ServiceError};
use crate::store::catalog::coupon;
use crate::store::identity::account;
use crate::store::ordering::order::OrderRow;
use crate::store::ordering::spec::OrderLineDoc;
use crate::store::{text_enum, text_json, DbConn};

/// The order's lines as it was priced.
pub(crate) fn lines(row: &OrderRow) -> Result<Vec<OrderLineOut>, ServiceError> {
    Ok(text_json::<Vec<OrderLineDoc>>(&row.lines)?.into_iter().map(stored::line).collect())
}

/// Activation needs the customer still `active`: a customer put on hold, suspended or
/// cancelled meanwhile fails the step, which `OrderRetry` runs again once the account is
/// reactivated (or the order is cancelled).
pub(crate) fn check_customer(conn: &mut DbConn, row: &OrderRow) -> Result<(), ServiceError> {
    let customer = account::unscoped::find(conn, &row.account_id)?.ok_or(ServiceError::NotFound("account"))?;
    let status: AccountStatus = text_enum(&customer.status)?;
    if status != AccountStatus::Active {
        return Err(ServiceError::InvalidStateTransition(format!(
            "the customer account is {} and gets no subscription; reactivate it and retry the order",
            customer.status
        )));
    }
    Ok(())
}

/// Redeems the coupon the order's price used (`coupon.redeemed`): one more redemption
/// where the coupon still has one left, by a conditional update, so that concurrent orders
/// never pass `max_redemptions`. `Err(why)` when none is left: the order is refused.
pub(crate) fn redeem_coupon(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    row: &OrderRow,
) -> Result<Result<(), String>, ServiceError> {
    let Some(id) = lines(row)?.into_iter().find_map(|l| l.price.coupon_id) else { return Ok(Ok(())) };
    if !coupon::redeem(conn, &id, to_db(now))? {
        let code = row.coupon_code.as_deref().unwrap_or(&id);
        return Ok(Err(format!("coupon_used_up: coupon {code} has no redemption left")));
    }
    let c = coupon::unscoped::find(conn, &id)?.ok_or(ServiceError::NotFound("coupon"))?;
    let out = crate::service::catalog::coupon::to_out(&c)?;
    raise(conn, now, EventType::CouponRedeemed, &c, &out, None)?;
    Ok(Ok(()))
}
