//! The `script_actions` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::script_actions::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = script_actions, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct ScriptActionRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub url: String,
    pub description: Option<String>,
    /// Filter entries separated by spaces.
    pub event_types: String,
    /// 1 or 0 (the one representation both backends share).
    pub enabled: i32,
    pub max_attempts: i32,
    pub timeout_seconds: i32,
    pub secret: String,
    /// Deleted actions stay as the target of their calls' history.
    pub deleted_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &ScriptActionRow) -> QueryResult<()> {
    diesel::insert_into(dsl::script_actions).values(row).execute(conn).map(drop)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ScriptActionRow>> {
        dsl::script_actions.filter(dsl::id.eq(id)).select(ScriptActionRow::as_select()).first(conn).optional()
    }

    /// Every enabled action: the dispatcher matches events against them.
    pub fn enabled_actions(conn: &mut DbConn) -> QueryResult<Vec<ScriptActionRow>> {
        dsl::script_actions
            .filter(dsl::enabled.eq(1))
            .filter(dsl::deleted_at.is_null())
            .select(ScriptActionRow::as_select())
            .load(conn)
    }
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<ScriptActionRow>> {
    let (lo, hi) = scope.range();
    dsl::script_actions
        .filter(dsl::id.eq(id))
        .filter(dsl::deleted_at.is_null())
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(ScriptActionRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_in_scope(conn: &mut DbConn, scope: &Scope, page: &PageRequest) -> QueryResult<Vec<ScriptActionRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::script_actions
        .filter(dsl::deleted_at.is_null())
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(ScriptActionRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    q.load(conn)
}

pub fn update(conn: &mut DbConn, row: &ScriptActionRow, expected_version: i64) -> QueryResult<bool> {
    let n = diesel::update(dsl::script_actions.filter(dsl::id.eq(&row.id)).filter(dsl::version.eq(expected_version)))
        .set(row)
        .execute(conn)?;
    Ok(n == 1)
}

crate::versioned!(script_actions, ScriptActionRow, "script action");
crate::owned!(ScriptActionRow);
