//! The `soap_nonces` table: WS-Security nonces already used.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::soap_nonces::dsl;
use crate::DbConn;

/// Records `nonce`; returns false when it was seen before. One insert that skips a
/// duplicate, so two concurrent calls with one nonce cannot both pass (nor fail on the
/// key); old nonces are forgotten by the periodic purge.
pub fn record(conn: &mut DbConn, nonce: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let q = diesel::insert_into(dsl::soap_nonces)
        .values((dsl::nonce.eq(nonce), dsl::seen_at.eq(now)))
        .on_conflict_do_nothing();
    Ok(crate::batch_execute(conn, q)? == 1)
}

/// Deletes the nonces seen before `before`; returns how many.
pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(dsl::soap_nonces.filter(dsl::seen_at.lt(before))).execute(conn)
}
