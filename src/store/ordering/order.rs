//! The `orders` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::orders;
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

/// What an order was placed with (customer, seller, lines and their prices, its workflow
/// copy) never changes: an update writes only its progress (`skip_update` on the rest).
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = orders, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct OrderRow {
    pub id: String,
    /// The customer.
    #[diesel(skip_update)]
    pub account_id: String,
    #[diesel(skip_update)]
    pub account_path: String,
    #[diesel(skip_update)]
    pub seller_id: String,
    #[diesel(skip_update)]
    pub brand_id: Option<String>,
    #[diesel(skip_update)]
    pub order_type: String,
    pub status: String,
    pub status_reason: Option<String>,
    #[diesel(skip_update)]
    pub currency: String,
    /// Decimal text.
    #[diesel(skip_update)]
    pub total: String,
    #[diesel(skip_update)]
    pub wholesale_total: Option<String>,
    #[diesel(skip_update)]
    pub coupon_code: Option<String>,
    /// JSON: the order's lines with their prices, fixed when it was placed.
    #[diesel(skip_update)]
    pub lines: String,
    pub version: i64,
    #[diesel(skip_update)]
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(skip_update)]
    pub ip_country: Option<String>,
    /// JSON: the order's copy of its workflow, taken when it was placed.
    #[diesel(skip_update)]
    pub workflow: String,
    pub current_step: Option<String>,
    /// JSON: the history of its steps.
    pub steps: String,
    pub fraud_score: Option<i64>,
    /// JSON: the fraud rules that matched.
    pub fraud_reasons: String,
    /// The workflow the order was placed on; `None` for the built-in default.
    #[diesel(skip_update)]
    pub workflow_id: Option<String>,
}

crate::owned_table!(orders, OrderRow, unscoped {
    /// The order, locked until the transaction ends on PostgreSQL (SQLite has one writer):
    /// a workflow step and an approval of the same order run one after the other.
    pub fn lock(conn: &mut DbConn, id: &str) -> QueryResult<Option<OrderRow>> {
        let q = orders::table.filter(orders::id.eq(id));
        // The selection names its backend, so it is made in each arm.
        match conn {
            DbConn::Postgres(pg) => q.select(OrderRow::as_select()).for_update().first(pg).optional(),
            DbConn::Sqlite(lite) => q.select(OrderRow::as_select()).first(lite).optional(),
        }
    }

    /// How many orders the customer placed at or after `since`.
    pub fn count_since(conn: &mut DbConn, account_id: &str, since: NaiveDateTime) -> QueryResult<i64> {
        orders::table
            .filter(orders::account_id.eq(account_id))
            .filter(orders::created_at.ge(since))
            .count()
            .get_result(conn)
    }
});

/// List filters; `None` matches all.
#[derive(Debug, Default, Clone)]
pub struct OrderFilter {
    pub account_id: Option<String>,
    pub order_type: Option<String>,
    pub status: Option<String>,
    pub created_from: Option<NaiveDateTime>,
    pub created_until: Option<NaiveDateTime>,
}

/// The orders a scope sees that match the filter, in id (creation) order.
pub fn list_filtered(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &OrderFilter,
    page: &PageRequest,
) -> QueryResult<Vec<OrderRow>> {
    let mut q = orders::table
        .filter(crate::visible_to!(orders, scope))
        .select(OrderRow::as_select())
        .order(orders::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(orders::id.gt(after.clone()));
    }
    if let Some(a) = &filter.account_id {
        q = q.filter(orders::account_id.eq(a.clone()));
    }
    if let Some(t) = &filter.order_type {
        q = q.filter(orders::order_type.eq(t.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(orders::status.eq(s.clone()));
    }
    if let Some(f) = filter.created_from {
        q = q.filter(orders::created_at.ge(f));
    }
    if let Some(u) = filter.created_until {
        q = q.filter(orders::created_at.lt(u));
    }
    q.load(conn)
}

crate::versioned!(orders, OrderRow, "order");
crate::owned!(OrderRow);
