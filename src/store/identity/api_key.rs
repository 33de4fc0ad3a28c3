//! The `api_keys` table. Secrets are stored only as digests.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::api_keys::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys, treat_none_as_default_value = false)]
pub struct ApiKeyRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub role_id: String,
    pub name: Option<String>,
    pub prefix: String,
    pub secret_hash: String,
    pub created_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
    pub expires_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, row: &ApiKeyRow) -> QueryResult<()> {
    diesel::insert_into(dsl::api_keys).values(row).execute(conn).map(drop)
}

/// Reads that ignore tenancy: authentication, which finds the key before any caller exists.
pub mod unscoped {
    use super::*;

    /// The live (not revoked) key with this digest.
    pub fn find_live_by_digest(conn: &mut DbConn, digest: &str) -> QueryResult<Option<ApiKeyRow>> {
        dsl::api_keys
            .filter(dsl::secret_hash.eq(digest))
            .filter(dsl::revoked_at.is_null())
            .select(ApiKeyRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_live_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<ApiKeyRow>> {
        dsl::api_keys
            .filter(dsl::id.eq(id))
            .filter(dsl::revoked_at.is_null())
            .select(ApiKeyRow::as_select())
            .first(conn)
            .optional()
    }
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<ApiKeyRow>> {
    let (lo, hi) = scope.range();
    dsl::api_keys
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    dsl::api_keys.count().get_result(conn)
}

pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    account_id: Option<&str>,
    page: &PageRequest,
) -> QueryResult<Vec<ApiKeyRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::api_keys
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(ApiKeyRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    if let Some(a) = account_id {
        q = q.filter(dsl::account_id.eq(a.to_owned()));
    }
    q.load(conn)
}

/// Marks the key revoked unless it already is; returns whether it changed.
pub fn revoke(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(dsl::api_keys.filter(dsl::id.eq(id)).filter(dsl::revoked_at.is_null()))
        .set(dsl::revoked_at.eq(Some(at)))
        .execute(conn)?;
    Ok(n == 1)
}

crate::owned!(ApiKeyRow);
