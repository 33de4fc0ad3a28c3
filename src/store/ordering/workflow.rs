//! The `workflows` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::workflows;
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = workflows, treat_none_as_null = true)]
pub struct WorkflowRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub order_type: String,
    pub name: String,
    pub status: String,
    /// JSON: the workflow (name, start, steps) as an order keeps a copy of it.
    pub definition: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(workflows, WorkflowRow, unscoped {
    /// The active workflows for `order_type` of the accounts at `paths` (a lineage).
    pub fn active_on(conn: &mut DbConn, paths: &[String], order_type: &str) -> QueryResult<Vec<WorkflowRow>> {
        workflows::table
            .filter(workflows::account_path.eq_any(paths))
            .filter(workflows::order_type.eq(order_type))
            .filter(workflows::status.eq("active"))
            .select(WorkflowRow::as_select())
            .load(conn)
    }

    /// The active workflow of `account_id` for `order_type`, if any.
    pub fn active_of(conn: &mut DbConn, account_id: &str, order_type: &str) -> QueryResult<Option<WorkflowRow>> {
        workflows::table
            .filter(workflows::account_id.eq(account_id))
            .filter(workflows::order_type.eq(order_type))
            .filter(workflows::status.eq("active"))
            .select(WorkflowRow::as_select())
            .first(conn)
            .optional()
    }
});

/// List filters; `None` matches all.
#[derive(Debug, Default, Clone)]
pub struct WorkflowFilter {
    pub account_id: Option<String>,
    pub order_type: Option<String>,
    pub status: Option<String>,
}

/// The workflows a scope sees that match the filter, in id (creation) order.
pub fn list_filtered(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &WorkflowFilter,
    page: &PageRequest,
) -> QueryResult<Vec<WorkflowRow>> {
    let mut q = workflows::table
        .filter(crate::visible_to!(workflows, scope))
        .select(WorkflowRow::as_select())
        .order(workflows::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(workflows::id.gt(after.clone()));
    }
    if let Some(a) = &filter.account_id {
        q = q.filter(workflows::account_id.eq(a.clone()));
    }
    if let Some(t) = &filter.order_type {
        q = q.filter(workflows::order_type.eq(t.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(workflows::status.eq(s.clone()));
    }
    q.load(conn)
}

crate::versioned!(workflows, WorkflowRow, "workflow");
crate::owned!(WorkflowRow);
