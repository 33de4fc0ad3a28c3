//! Optimistic concurrency, once: every row with a `version` column is saved through
//! [`save`], which bumps the version and writes only where nobody changed the row since it
//! was read. A miss reports the version that is stored now, read in the same transaction,
//! so that a 412 carries the ETag a client can retry against.

use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::DbConn;

/// A table row with a `version` counter and an `updated_at` time.
pub trait Versioned {
    /// The object's name in errors ("brand", "user").
    const OBJECT: &'static str;
    fn id(&self) -> &str;
    fn version(&self) -> i64;
    /// Marks the row as changed at `at`: the next version.
    fn stamp(&mut self, at: NaiveDateTime);
    /// Writes the row where its stored version is still `expected`.
    fn update_if(&self, conn: &mut DbConn, expected: i64) -> QueryResult<bool>;
    /// The version stored now for `id`; `None` when the row is gone.
    fn stored_version(conn: &mut DbConn, id: &str) -> QueryResult<Option<i64>>;
}

/// What a versioned write found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// Somebody else changed the row first: its stored version (`None`: it is gone).
    Stale(Option<i64>),
}

/// Bumps `row`'s version and writes it where the stored version is still the one read.
pub fn save<R: Versioned>(conn: &mut DbConn, row: &mut R, at: NaiveDateTime) -> QueryResult<Saved> {
    let expected = row.version();
    row.stamp(at);
    if row.update_if(conn, expected)? {
        Ok(Saved::Written)
    } else {
        Ok(Saved::Stale(R::stored_version(conn, row.id())?))
    }
}

/// Implements [`Versioned`] for `$row` of `$table`, written by its module's
/// `update(conn, row, expected_version)`.
#[macro_export]
macro_rules! versioned {
    ($table:ident, $row:ident, $object:literal) => {
        impl $crate::versioned::Versioned for $row {
            const OBJECT: &'static str = $object;

            fn id(&self) -> &str {
                &self.id
            }

            fn version(&self) -> i64 {
                self.version
            }

            fn stamp(&mut self, at: chrono::NaiveDateTime) {
                self.version += 1;
                self.updated_at = at;
            }

            fn update_if(&self, conn: &mut $crate::DbConn, expected: i64) -> diesel::QueryResult<bool> {
                update(conn, self, expected)
            }

            fn stored_version(conn: &mut $crate::DbConn, id: &str) -> diesel::QueryResult<Option<i64>> {
                use diesel::prelude::*;
                $crate::schema::$table::table
                    .filter($crate::schema::$table::id.eq(id))
                    .select($crate::schema::$table::version)
                    .first(conn)
                    .optional()
            }
        }
    };
}
