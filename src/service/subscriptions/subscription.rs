//! Subscriptions: created by an order's `activate` step, one per order line; read and
//! listed here (their lifecycle comes with billing).

use chrono::{DateTime, Duration, Months, Utc};
use stratum_api::subscriptions::subscription::{
    SubscriptionListQuery, SubscriptionOut, SubscriptionPage, SubscriptionStatus,
};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::events::EventType;
use crate::ids;
use crate::service::ordering::activation::lines;
use crate::service::{raise, require, Context, ServiceError};
use crate::store::ordering::order::OrderRow;
use crate::store::subscriptions::subscription::{self as store, SubscriptionFilter, SubscriptionRow};
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};

pub fn to_out(row: &SubscriptionRow) -> Result<SubscriptionOut, ServiceError> {
    Ok(SubscriptionOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        seller_id: row.seller_id.clone(),
        plan_id: row.plan_id.clone(),
        order_id: row.order_id.clone(),
        order_line: row.order_line,
        status: text_enum(&row.status)?,
        months: row.months,
        days: row.days,
        trial_ends_at: row.trial_ends_at.map(from_db),
        current_period_start: from_db(row.current_period_start),
        current_period_end: from_db(row.current_period_end),
        resources: text_json(&row.resources)?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

/// The end of a period of `months` or `days` that starts at `start` (a month later is the
/// same day of the month, or the month's last day when it is shorter).
pub(crate) fn period_end(start: DateTime<Utc>, months: Option<i32>, days: Option<i32>) -> Option<DateTime<Utc>> {
    match (months, days) {
        (Some(m), _) => start.checked_add_months(Months::new(u32::try_from(m).ok()?)),
        (None, Some(d)) => start.checked_add_signed(Duration::days(i64::from(d))),
        (None, None) => None,
    }
}

/// Creates the subscriptions of an order, one per line, each once: a line that has its
/// subscription already (the step ran before) is skipped. A line priced with a trial
/// starts in `trial` for the trial's days (`subscription.trial.started`), any other
/// `active` for its first period (`subscription.activated`); both raise
/// `subscription.created` first.
pub(crate) fn create_for_order(conn: &mut DbConn, now: DateTime<Utc>, order: &OrderRow) -> Result<(), ServiceError> {
    for (i, line) in lines(order)?.into_iter().enumerate() {
        let index = i32::try_from(i).map_err(|_| ServiceError::Internal("too many lines".into()))?;
        if store::unscoped::of_order_line(conn, &order.id, index)?.is_some() {
            continue;
        }
        let trial = line.price.trial_days.filter(|d| *d > 0);
        let (status, end) = match trial {
            Some(d) => (SubscriptionStatus::Trial, period_end(now, None, Some(d))),
            None => (SubscriptionStatus::Active, period_end(now, line.months, line.days)),
        };
        let end = end.ok_or_else(|| ServiceError::Internal(format!("line {i} of order {} has no period", order.id)))?;
        let row = SubscriptionRow {
            id: ids::new_id(ids::SUBSCRIPTION),
            account_id: order.account_id.clone(),
            account_path: order.account_path.clone(),
            seller_id: order.seller_id.clone(),
            plan_id: line.plan_id.clone(),
            order_id: order.id.clone(),
            order_line: index,
            status: enum_text(&status),
            months: line.months,
            days: line.days,
            trial_ends_at: trial.map(|_| to_db(end)),
            current_period_start: to_db(now),
            current_period_end: to_db(end),
            resources: json_text(&line.resources),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::SubscriptionCreated, &row, &out, None)?;
        let then = if trial.is_some() { EventType::SubscriptionTrialStarted } else { EventType::SubscriptionActivated };
        raise(conn, now, then, &row, &out, None)?;
    }
    Ok(())
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<SubscriptionOut, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    cx.db.read(|conn| {
        to_out(&store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("subscription"))?)
    })
}

/// The subscriptions of the caller's subtree (a customer: its own), filtered.
pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &SubscriptionListQuery,
    page: &PageRequest,
) -> Result<SubscriptionPage, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    let filter = SubscriptionFilter {
        account_id: query.account_id.clone(),
        status: query.status.as_ref().map(enum_text),
        plan_id: query.plan_id.clone(),
    };
    let rows =
        cx.db.read(|conn| store::list_filtered(conn, &caller.scope(), &filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(SubscriptionPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 10, 30, 0).single().expect("a valid time")
    }

    #[test]
    fn a_period_ends_the_same_day_months_later_or_days_later() {
        // 12 months from 2027-03-10 is 2028-03-10; 1 month from 2027-01-31 is the last day
        // of February (2027-02-28), of a leap year 2028-02-29.
        assert_eq!(period_end(at(2027, 3, 10), Some(12), None), Some(at(2028, 3, 10)));
        assert_eq!(period_end(at(2027, 1, 31), Some(1), None), Some(at(2027, 2, 28)));
        assert_eq!(period_end(at(2028, 1, 31), Some(1), None), Some(at(2028, 2, 29)));
        // 30 days from 2027-02-15 is 2027-03-17 (13 days left in February, then 17).
        assert_eq!(period_end(at(2027, 2, 15), None, Some(30)), Some(at(2027, 3, 17)));
        assert_eq!(period_end(at(2027, 2, 15), None, None), None);
        assert_eq!(period_end(at(2027, 2, 15), Some(-1), None), None);
    }
}
