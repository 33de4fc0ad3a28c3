//! The `webhook_endpoints` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::webhook_endpoints::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = webhook_endpoints, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct WebhookEndpointRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub url: String,
    pub description: Option<String>,
    /// Filter entries separated by spaces.
    pub event_types: String,
    /// 1 or 0 (the one representation both backends share).
    pub enabled: i32,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<NaiveDateTime>,
    pub failing_since: Option<NaiveDateTime>,
    pub disabled_reason: Option<String>,
    /// Deleted endpoints stay as the target of their deliveries' history.
    pub deleted_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &WebhookEndpointRow) -> QueryResult<()> {
    diesel::insert_into(dsl::webhook_endpoints).values(row).execute(conn).map(drop)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<WebhookEndpointRow>> {
        dsl::webhook_endpoints.filter(dsl::id.eq(id)).select(WebhookEndpointRow::as_select()).first(conn).optional()
    }

    /// The endpoints of `ids` that exist (deleted ones too), in no particular order.
    pub fn find_many(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<WebhookEndpointRow>> {
        dsl::webhook_endpoints.filter(dsl::id.eq_any(ids)).select(WebhookEndpointRow::as_select()).load(conn)
    }

    /// Every enabled endpoint: the dispatcher matches events against them.
    pub fn enabled(conn: &mut DbConn) -> QueryResult<Vec<WebhookEndpointRow>> {
        dsl::webhook_endpoints
            .filter(dsl::enabled.eq(1))
            .filter(dsl::deleted_at.is_null())
            .select(WebhookEndpointRow::as_select())
            .load(conn)
    }
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<WebhookEndpointRow>> {
    let (lo, hi) = scope.range();
    dsl::webhook_endpoints
        .filter(dsl::id.eq(id))
        .filter(dsl::deleted_at.is_null())
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(WebhookEndpointRow::as_select())
        .first(conn)
        .optional()
}

/// The enabled endpoints of the subtree at `scope`.
pub fn enabled_in_scope(conn: &mut DbConn, scope: &Scope) -> QueryResult<Vec<WebhookEndpointRow>> {
    let (lo, hi) = scope.range();
    dsl::webhook_endpoints
        .filter(dsl::enabled.eq(1))
        .filter(dsl::deleted_at.is_null())
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(WebhookEndpointRow::as_select())
        .load(conn)
}

pub fn list_in_scope(conn: &mut DbConn, scope: &Scope, page: &PageRequest) -> QueryResult<Vec<WebhookEndpointRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::webhook_endpoints
        .filter(dsl::deleted_at.is_null())
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(WebhookEndpointRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    q.load(conn)
}

/// Clears the failure record of endpoints that just had a success (most have none).
pub fn clear_failing(conn: &mut DbConn, ids: &[String], now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(dsl::webhook_endpoints.filter(dsl::id.eq_any(ids)).filter(dsl::failing_since.is_not_null()))
        .set((dsl::failing_since.eq(None::<NaiveDateTime>), dsl::version.eq(dsl::version + 1), dsl::updated_at.eq(now)))
        .execute(conn)
        .map(drop)
}

pub fn update(conn: &mut DbConn, row: &WebhookEndpointRow, expected_version: i64) -> QueryResult<bool> {
    let n =
        diesel::update(dsl::webhook_endpoints.filter(dsl::id.eq(&row.id)).filter(dsl::version.eq(expected_version)))
            .set(row)
            .execute(conn)?;
    Ok(n == 1)
}

crate::versioned!(webhook_endpoints, WebhookEndpointRow, "webhook endpoint");
crate::owned!(WebhookEndpointRow);
