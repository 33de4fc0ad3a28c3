//! The `idempotency_keys` table: stored answers of POST requests.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::idempotency_keys::{self, dsl};
use crate::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys, treat_none_as_default_value = false)]
pub struct IdempotencyRow {
    pub scope: String,
    pub idempotency_key: String,
    pub fingerprint: String,
    pub response_status: i32,
    pub response_body: String,
    pub created_at: NaiveDateTime,
}

/// The stored answer for `key`, if it is younger than `not_before`.
pub fn find(
    conn: &mut DbConn,
    scope: &str,
    key: &str,
    not_before: NaiveDateTime,
) -> QueryResult<Option<IdempotencyRow>> {
    dsl::idempotency_keys
        .filter(dsl::scope.eq(scope))
        .filter(dsl::idempotency_key.eq(key))
        .filter(dsl::created_at.ge(not_before))
        .select(IdempotencyRow::as_select())
        .first(conn)
        .optional()
}

/// Stores an answer, replacing an expired one for the same key.
pub fn store(conn: &mut DbConn, row: &IdempotencyRow) -> QueryResult<()> {
    diesel::delete(
        dsl::idempotency_keys.filter(dsl::scope.eq(&row.scope)).filter(dsl::idempotency_key.eq(&row.idempotency_key)),
    )
    .execute(conn)?;
    diesel::insert_into(dsl::idempotency_keys).values(row).execute(conn).map(drop)
}

/// Deletes the answers stored before `before`; returns how many.
pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(dsl::idempotency_keys.filter(dsl::created_at.lt(before))).execute(conn)
}
