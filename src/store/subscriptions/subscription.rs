//! The `subscriptions` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::subscriptions;
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = subscriptions, treat_none_as_null = true)]
pub struct SubscriptionRow {
    pub id: String,
    /// The customer.
    pub account_id: String,
    pub account_path: String,
    pub seller_id: String,
    pub plan_id: String,
    pub order_id: String,
    pub order_line: i32,
    pub status: String,
    pub months: Option<i32>,
    pub days: Option<i32>,
    pub trial_ends_at: Option<NaiveDateTime>,
    pub current_period_start: NaiveDateTime,
    pub current_period_end: NaiveDateTime,
    /// JSON: the resources of the order line.
    pub resources: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(subscriptions, SubscriptionRow, unscoped {
    /// The subscription made from line `line` of order `order_id`, if any.
    pub fn of_order_line(conn: &mut DbConn, order_id: &str, line: i32) -> QueryResult<Option<SubscriptionRow>> {
        subscriptions::table
            .filter(subscriptions::order_id.eq(order_id))
            .filter(subscriptions::order_line.eq(line))
            .select(SubscriptionRow::as_select())
            .first(conn)
            .optional()
    }
});

/// List filters; `None` matches all.
#[derive(Debug, Default, Clone)]
pub struct SubscriptionFilter {
    pub account_id: Option<String>,
    pub status: Option<String>,
    pub plan_id: Option<String>,
}

/// The subscriptions a scope sees that match the filter, in id (creation) order.
pub fn list_filtered(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &SubscriptionFilter,
    page: &PageRequest,
) -> QueryResult<Vec<SubscriptionRow>> {
    let mut q = subscriptions::table
        .filter(crate::visible_to!(subscriptions, scope))
        .select(SubscriptionRow::as_select())
        .order(subscriptions::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(subscriptions::id.gt(after.clone()));
    }
    if let Some(a) = &filter.account_id {
        q = q.filter(subscriptions::account_id.eq(a.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(subscriptions::status.eq(s.clone()));
    }
    if let Some(p) = &filter.plan_id {
        q = q.filter(subscriptions::plan_id.eq(p.clone()));
    }
    q.load(conn)
}

crate::versioned!(subscriptions, SubscriptionRow, "subscription");
crate::owned!(SubscriptionRow);
