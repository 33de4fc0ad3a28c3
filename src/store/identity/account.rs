//! The `accounts` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::accounts::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = accounts, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct AccountRow {
    pub id: String,
    pub kind: String,
    pub parent_id: Option<String>,
    pub path: String,
    pub name: String,
    pub status: String,
    pub status_reason: Option<String>,
    pub hold_type: Option<String>,
    pub reseller_tier: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub tax_id: Option<String>,
    pub address: Option<String>,
    pub metadata: String,
    pub language: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// List filters; `None` matches all.
#[derive(Debug, Default, Clone)]
pub struct AccountFilter {
    pub kind: Option<String>,
    pub status: Option<String>,
    pub parent_id: Option<String>,
}

pub fn insert(conn: &mut DbConn, row: &AccountRow) -> QueryResult<()> {
    diesel::insert_into(dsl::accounts).values(row).execute(conn).map(drop)
}

/// The account `id` if it lies in the subtree at `scope`.
pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<AccountRow>> {
    let (lo, hi) = scope.range();
    dsl::accounts
        .filter(dsl::id.eq(id))
        .filter(dsl::path.ge(lo))
        .filter(dsl::path.lt(hi))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

/// The account a scope is for and the ancestors it sees (a scope with ancestors: the
/// accounts whose settings, such as the language, it inherits).
pub fn on_lineage(conn: &mut DbConn, scope: &Scope) -> QueryResult<Vec<AccountRow>> {
    dsl::accounts
        .filter(dsl::path.eq(scope.path()).or(dsl::path.eq_any(scope.above())))
        .select(AccountRow::as_select())
        .load(conn)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<AccountRow>> {
        dsl::accounts.filter(dsl::id.eq(id)).select(AccountRow::as_select()).first(conn).optional()
    }

    pub fn find_many(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<AccountRow>> {
        dsl::accounts.filter(dsl::id.eq_any(ids)).select(AccountRow::as_select()).load(conn)
    }

    /// The root of the tree, if it exists yet.
    pub fn provider(conn: &mut DbConn) -> QueryResult<Option<AccountRow>> {
        dsl::accounts.filter(dsl::parent_id.is_null()).select(AccountRow::as_select()).first(conn).optional()
    }
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    dsl::accounts.count().get_result(conn)
}

/// One page (plus one row, to tell whether more follow) of the subtree at `scope`.
pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &AccountFilter,
    page: &PageRequest,
) -> QueryResult<Vec<AccountRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::accounts
        .filter(dsl::path.ge(lo))
        .filter(dsl::path.lt(hi))
        .select(AccountRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    if let Some(kind) = &filter.kind {
        q = q.filter(dsl::kind.eq(kind.clone()));
    }
    if let Some(status) = &filter.status {
        q = q.filter(dsl::status.eq(status.clone()));
    }
    if let Some(parent) = &filter.parent_id {
        q = q.filter(dsl::parent_id.eq(parent.clone()));
    }
    q.load(conn)
}

/// Writes `row` if the stored version is still `expected_version`; returns whether it did.
pub fn update(conn: &mut DbConn, row: &AccountRow, expected_version: i64) -> QueryResult<bool> {
    let n = diesel::update(dsl::accounts.filter(dsl::id.eq(&row.id)).filter(dsl::version.eq(expected_version)))
        .set(row)
        .execute(conn)?;
    Ok(n == 1)
}

crate::versioned!(accounts, AccountRow, "account");

/// An account owns itself: its events are seen from its own subtree and above.
impl crate::owned::Owned for AccountRow {
    fn owner_id(&self) -> &str {
        &self.id
    }

    fn owner_path(&self) -> &str {
        &self.path
    }

    fn object_id(&self) -> &str {
        &self.id
    }
}
