//! Persistence: the diesel schema, the embedded migrations and one repository per table.
//! Every query that reads tenant data takes the caller's `Scope` (made only from an
//! authenticated caller), so tenancy is enforced here and not left to handlers. Reads that
//! must ignore tenancy — workers, periodic jobs, authentication — live in each table's
//! `unscoped` module, so that every such use names itself. A read of an object's own
//! children (a brand's publications, a delivery's attempts, whether a role is in use) takes
//! the parent's row rather than its id: the row comes from a scoped read (or an unscoped one
//! that names itself), so the scope carries over to the children.
//!
//! Every insertable row says `treat_none_as_default_value = false`: a `None` is bound as
//! NULL instead of rendered as `DEFAULT`, so an insert's SQL is the same whatever the row
//! holds, and diesel prepares it once per connection instead of on every insert.

pub mod catalog;
pub mod db;
pub mod identity;
pub mod messaging;
pub mod ordering;
pub mod owned;
pub mod platform;
pub mod schema;
pub mod scope;
pub mod server_lock;
pub mod subscriptions;
pub mod versioned;

pub use db::{is_busy, Backend, Db, DbConn, DbError};

/// The rows of `$table` a scope sees: those of its subtree and those of the accounts at its
/// `above` paths.
macro_rules! visible_to {
    ($table:ident, $scope:expr) => {{
        let (lo, hi) = $scope.range();
        $table::account_path.ge(lo).and($table::account_path.lt(hi)).or($table::account_path.eq_any($scope.above()))
    }};
}
pub(crate) use visible_to;

/// The functions every table of account-owned objects has: insert, find and list what a
/// scope sees, a versioned update, and the unscoped find by id. A scope sees its subtree,
/// plus what the accounts at its `above` paths own (its ancestors, for catalog
/// definitions it builds on; none for objects seen only downwards). A table's other reads
/// that ignore tenancy join the same `unscoped` module: `owned_table!(t, Row, unscoped {
/// pub fn ... })`.
macro_rules! owned_table {
    ($table:ident, $row:ident $(, unscoped { $($extra:item)* })?) => {
        pub fn insert(conn: &mut DbConn, row: &$row) -> QueryResult<()> {
            diesel::insert_into($table::table).values(row).execute(conn).map(drop)
        }

        /// Reads that ignore tenancy, for workers and lookups that are not a caller's.
        pub mod unscoped {
            use super::*;

            pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<$row>> {
                $table::table.filter($table::id.eq(id)).select($row::as_select()).first(conn).optional()
            }

            $($($extra)*)?
        }

        pub fn find_visible(conn: &mut DbConn, scope: &$crate::scope::Scope, id: &str) -> QueryResult<Option<$row>> {
            $table::table
                .filter($table::id.eq(id))
                .filter($crate::visible_to!($table, scope))
                .select($row::as_select())
                .first(conn)
                .optional()
        }

        /// Of `ids`, the rows the scope sees (in no particular order).
        pub fn find_many_visible(
            conn: &mut DbConn,
            scope: &$crate::scope::Scope,
            ids: &[String],
        ) -> QueryResult<Vec<$row>> {
            $table::table
                .filter($table::id.eq_any(ids))
                .filter($crate::visible_to!($table, scope))
                .select($row::as_select())
                .load(conn)
        }

        pub fn list_visible(
            conn: &mut DbConn,
            scope: &$crate::scope::Scope,
            page: &stratum_domain::pagination::PageRequest,
        ) -> QueryResult<Vec<$row>> {
            let mut q = $table::table
                .filter($crate::visible_to!($table, scope))
                .select($row::as_select())
                .order($table::id.asc())
                .limit(page.limit + 1)
                .into_boxed();
            if let Some(after) = &page.after {
                q = q.filter($table::id.gt(after.clone()));
            }
            q.load(conn)
        }

        pub fn update(conn: &mut DbConn, row: &$row, expected_version: i64) -> QueryResult<bool> {
            let n = diesel::update(
                $table::table.filter($table::id.eq(&row.id)).filter($table::version.eq(expected_version)),
            )
            .set(row)
            .execute(conn)?;
            Ok(n == 1)
        }
    };
}
pub(crate) use owned_table;

use diesel::result::Error as DieselError;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The text stored for a wire enum (its serde name).
pub fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

/// The wire enum stored as text; a value the code does not know is a corrupt row.
pub fn text_enum<T: DeserializeOwned>(text: &str) -> Result<T, DieselError> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(text)).map_err(|e| DieselError::DeserializationError(Box::new(e)))
}

/// A JSON column.
pub fn json_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

pub fn text_json<T: DeserializeOwned>(text: &str) -> Result<T, DieselError> {
    serde_json::from_str(text).map_err(|e| DieselError::DeserializationError(Box::new(e)))
}

/// Runs a multi-row insert on the backend at hand. diesel's `MultiConnection` cannot
/// express one (the backends render `DEFAULT` and batches differently), so the query is
/// handed to the backend's own connection.
pub fn batch_execute<Q>(conn: &mut DbConn, q: Q) -> diesel::QueryResult<usize>
where
    Q: diesel::query_dsl::methods::ExecuteDsl<diesel::PgConnection>
        + diesel::query_dsl::methods::ExecuteDsl<diesel::SqliteConnection>,
{
    use diesel::query_dsl::methods::ExecuteDsl;
    match conn {
        DbConn::Postgres(c) => <Q as ExecuteDsl<diesel::PgConnection>>::execute(q, c),
        DbConn::Sqlite(c) => <Q as ExecuteDsl<diesel::SqliteConnection>>::execute(q, c),
    }
}
