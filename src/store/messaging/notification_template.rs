//! The `notification_templates` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::notification_templates::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::messaging::notification::Candidate;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = notification_templates, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct NotificationTemplateRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub event_type: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub html_body: Option<String>,
    /// The `from` mailbox (a reserved word in SQL, hence the column name).
    pub sender: Option<String>,
    /// JSON array of addresses.
    pub recipients: Option<String>,
    /// JSON `NotificationSchedule`.
    pub schedule: Option<String>,
    pub enabled: i32,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Candidate for NotificationTemplateRow {
    fn owner_path(&self) -> &str {
        &self.account_path
    }
    fn pattern(&self) -> &str {
        &self.event_type
    }
    fn language(&self) -> &str {
        &self.language
    }
}

pub fn insert(conn: &mut DbConn, row: &NotificationTemplateRow) -> QueryResult<()> {
    diesel::insert_into(dsl::notification_templates).values(row).execute(conn).map(drop)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<NotificationTemplateRow>> {
        dsl::notification_templates
            .filter(dsl::id.eq(id))
            .select(NotificationTemplateRow::as_select())
            .first(conn)
            .optional()
    }

    /// Every template: the dispatcher chooses among them per event (few per provider, so one
    /// read per batch of events).
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<NotificationTemplateRow>> {
        dsl::notification_templates.select(NotificationTemplateRow::as_select()).load(conn)
    }
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<NotificationTemplateRow>> {
    let (lo, hi) = scope.range();
    dsl::notification_templates
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(NotificationTemplateRow::as_select())
        .first(conn)
        .optional()
}

/// The template of the account the scope is for, for this pattern and language, if there
/// is one.
pub fn find_key(
    conn: &mut DbConn,
    owner: &Scope,
    event_type: &str,
    language: &str,
) -> QueryResult<Option<NotificationTemplateRow>> {
    dsl::notification_templates
        .filter(dsl::account_id.eq(owner.account_id()))
        .filter(dsl::event_type.eq(event_type))
        .filter(dsl::language.eq(language))
        .select(NotificationTemplateRow::as_select())
        .first(conn)
        .optional()
}

#[derive(Debug, Default, Clone)]
pub struct TemplateFilter {
    pub event_type: Option<String>,
    pub language: Option<String>,
}

pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &TemplateFilter,
    page: &PageRequest,
) -> QueryResult<Vec<NotificationTemplateRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::notification_templates
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(NotificationTemplateRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    if let Some(t) = &filter.event_type {
        q = q.filter(dsl::event_type.eq(t.clone()));
    }
    if let Some(l) = &filter.language {
        q = q.filter(dsl::language.eq(l.clone()));
    }
    q.load(conn)
}

pub fn update(conn: &mut DbConn, row: &NotificationTemplateRow, expected_version: i64) -> QueryResult<bool> {
    let n = diesel::update(
        dsl::notification_templates.filter(dsl::id.eq(&row.id)).filter(dsl::version.eq(expected_version)),
    )
    .set(row)
    .execute(conn)?;
    Ok(n == 1)
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    Ok(diesel::delete(dsl::notification_templates.filter(dsl::id.eq(id))).execute(conn)? == 1)
}

crate::versioned!(notification_templates, NotificationTemplateRow, "notification template");
crate::owned!(NotificationTemplateRow);
