//! The `roles` table: custom roles (built-in roles live in code).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::roles::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = roles, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct RoleRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub name: String,
    pub description: Option<String>,
    pub permissions: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &RoleRow) -> QueryResult<()> {
    diesel::insert_into(dsl::roles).values(row).execute(conn).map(drop)
}

/// The role `id` as seen from the subtree at `scope`: roles of the scope's own subtree.
pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<RoleRow>> {
    let (lo, hi) = scope.range();
    dsl::roles
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(RoleRow::as_select())
        .first(conn)
        .optional()
}

/// The role `id` if the account the scope is for or one of the ancestors it sees defined
/// it: the roles that account's keys and users may have.
pub fn find_on_lineage(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<RoleRow>> {
    dsl::roles
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.eq(scope.path()).or(dsl::account_path.eq_any(scope.above())))
        .select(RoleRow::as_select())
        .first(conn)
        .optional()
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<RoleRow>> {
        dsl::roles.filter(dsl::id.eq(id)).select(RoleRow::as_select()).first(conn).optional()
    }
}

pub fn list_in_scope(conn: &mut DbConn, scope: &Scope, page: &PageRequest) -> QueryResult<Vec<RoleRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::roles
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(RoleRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    q.load(conn)
}

pub fn update(conn: &mut DbConn, row: &RoleRow, expected_version: i64) -> QueryResult<bool> {
    let n = diesel::update(dsl::roles.filter(dsl::id.eq(&row.id)).filter(dsl::version.eq(expected_version)))
        .set(row)
        .execute(conn)?;
    Ok(n == 1)
}

pub fn delete(conn: &mut DbConn, id: &str, expected_version: i64) -> QueryResult<bool> {
    let n =
        diesel::delete(dsl::roles.filter(dsl::id.eq(id)).filter(dsl::version.eq(expected_version))).execute(conn)?;
    Ok(n == 1)
}

/// Whether any user or key still has the role.
pub fn in_use(conn: &mut DbConn, role: &RoleRow) -> QueryResult<bool> {
    use crate::schema::{api_keys, users};
    let users: i64 = users::table.filter(users::role_id.eq(&role.id)).count().get_result(conn)?;
    let keys: i64 = api_keys::table
        .filter(api_keys::role_id.eq(&role.id))
        .filter(api_keys::revoked_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(users + keys > 0)
}

crate::versioned!(roles, RoleRow, "role");
crate::owned!(RoleRow);
