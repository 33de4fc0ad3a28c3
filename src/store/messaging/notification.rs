//! The `notifications` table: the log of what was, or will be, sent.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::notifications::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = notifications, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct NotificationRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub template_id: String,
    pub event_id: String,
    pub event_type: String,
    pub object_id: String,
    /// JSON array of addresses.
    pub recipients: String,
    pub language: String,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub html_body: Option<String>,
    pub status: String,
    pub send_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub attempts: i32,
    pub error: Option<String>,
    pub task_id: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &NotificationRow) -> QueryResult<()> {
    diesel::insert_into(dsl::notifications).values(row).execute(conn).map(drop)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<NotificationRow>> {
        dsl::notifications.filter(dsl::id.eq(id)).select(NotificationRow::as_select()).first(conn).optional()
    }

    /// The still-scheduled notifications of one template about one object: a later event of
    /// that object supersedes them.
    pub fn scheduled_for(conn: &mut DbConn, template_id: &str, object_id: &str) -> QueryResult<Vec<NotificationRow>> {
        dsl::notifications
            .filter(dsl::template_id.eq(template_id))
            .filter(dsl::object_id.eq(object_id))
            .filter(dsl::status.eq("scheduled"))
            .select(NotificationRow::as_select())
            .load(conn)
    }
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<NotificationRow>> {
    let (lo, hi) = scope.range();
    dsl::notifications
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(NotificationRow::as_select())
        .first(conn)
        .optional()
}

#[derive(Debug, Default, Clone)]
pub struct NotificationFilter {
    pub status: Option<String>,
    pub event_id: Option<String>,
    pub template_id: Option<String>,
}

pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &NotificationFilter,
    page: &PageRequest,
) -> QueryResult<Vec<NotificationRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::notifications
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(NotificationRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(dsl::status.eq(s.clone()));
    }
    if let Some(e) = &filter.event_id {
        q = q.filter(dsl::event_id.eq(e.clone()));
    }
    if let Some(t) = &filter.template_id {
        q = q.filter(dsl::template_id.eq(t.clone()));
    }
    q.load(conn)
}

pub fn update(conn: &mut DbConn, row: &NotificationRow) -> QueryResult<()> {
    diesel::update(dsl::notifications.filter(dsl::id.eq(&row.id))).set(row).execute(conn).map(drop)
}
