//! The `users` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::identity::account::AccountRow;
use crate::schema::users::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct UserRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub email: String,
    pub name: String,
    pub role_id: String,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &UserRow) -> QueryResult<()> {
    diesel::insert_into(dsl::users).values(row).execute(conn).map(drop)
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<UserRow>> {
    let (lo, hi) = scope.range();
    dsl::users
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn email_taken(conn: &mut DbConn, account: &AccountRow, email: &str) -> QueryResult<bool> {
    let n: i64 =
        dsl::users.filter(dsl::account_id.eq(&account.id)).filter(dsl::email.eq(email)).count().get_result(conn)?;
    Ok(n > 0)
}

pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    account_id: Option<&str>,
    page: &PageRequest,
) -> QueryResult<Vec<UserRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::users
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(UserRow::as_select())
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

pub fn update(conn: &mut DbConn, row: &UserRow, expected_version: i64) -> QueryResult<bool> {
    let n = diesel::update(dsl::users.filter(dsl::id.eq(&row.id)).filter(dsl::version.eq(expected_version)))
        .set(row)
        .execute(conn)?;
    Ok(n == 1)
}

pub fn delete(conn: &mut DbConn, id: &str, expected_version: i64) -> QueryResult<bool> {
    let n =
        diesel::delete(dsl::users.filter(dsl::id.eq(id)).filter(dsl::version.eq(expected_version))).execute(conn)?;
    Ok(n == 1)
}

crate::versioned!(users, UserRow, "user");
crate::owned!(UserRow);
