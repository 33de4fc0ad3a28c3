//! The `soap_nonces` table: WS-Security nonces already used.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::soap_nonces::dsl;
use super::DbConn;

/// Records `nonce`; returns false when it was seen before. Forgets nonces older than
/// `forget_before`, which can no longer pass the freshness check anyway.
pub fn record(conn: &mut DbConn, nonce: &str, now: NaiveDateTime, forget_before: NaiveDateTime) -> QueryResult<bool> {
    diesel::delete(dsl::soap_nonces.filter(dsl::seen_at.lt(forget_before))).execute(conn)?;
    let seen: i64 = dsl::soap_nonces.filter(dsl::nonce.eq(nonce)).count().get_result(conn)?;
    if seen > 0 {
        return Ok(false);
    }
    diesel::insert_into(dsl::soap_nonces).values((dsl::nonce.eq(nonce), dsl::seen_at.eq(now))).execute(conn)?;
    Ok(true)
}

/// Deletes the nonces seen before `before`; returns how many.
pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(dsl::soap_nonces.filter(dsl::seen_at.lt(before))).execute(conn)
}
