//! The `events` table: the outbox.

use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;

use crate::schema::events::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = events, treat_none_as_default_value = false)]
pub struct EventRow {
    pub id: String,
    pub event_type: String,
    pub account_id: String,
    pub account_path: String,
    pub object_kind: String,
    pub object_id: String,
    pub sequence: i64,
    pub data: String,
    pub previous: Option<String>,
    pub occurred_at: NaiveDateTime,
    pub dispatched_at: Option<NaiveDateTime>,
}

/// The next sequence number of the object's events (1 for its first).
pub fn next_sequence(conn: &mut DbConn, object_id: &str) -> QueryResult<i64> {
    let last: Option<i64> = dsl::events.filter(dsl::object_id.eq(object_id)).select(max(dsl::sequence)).first(conn)?;
    Ok(last.unwrap_or(0) + 1)
}

pub fn insert(conn: &mut DbConn, row: &EventRow) -> QueryResult<()> {
    diesel::insert_into(dsl::events).values(row).execute(conn).map(drop)
}

#[derive(Debug, Default, Clone)]
pub struct EventFilter {
    pub event_type: Option<String>,
    pub object_id: Option<String>,
}

pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &EventFilter,
    page: &PageRequest,
) -> QueryResult<Vec<EventRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::events
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(EventRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    if let Some(t) = &filter.event_type {
        q = q.filter(dsl::event_type.eq(t.clone()));
    }
    if let Some(o) = &filter.object_id {
        q = q.filter(dsl::object_id.eq(o.clone()));
    }
    q.load(conn)
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<EventRow>> {
    let (lo, hi) = scope.range();
    dsl::events
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(EventRow::as_select())
        .first(conn)
        .optional()
}

pub fn mark_dispatched(conn: &mut DbConn, ids: &[String], at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(dsl::events.filter(dsl::id.eq_any(ids))).set(dsl::dispatched_at.eq(Some(at))).execute(conn).map(drop)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<EventRow>> {
        dsl::events.filter(dsl::id.eq(id)).select(EventRow::as_select()).first(conn).optional()
    }

    /// The events of `ids` that exist, in no particular order.
    pub fn find_many(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<EventRow>> {
        dsl::events.filter(dsl::id.eq_any(ids)).select(EventRow::as_select()).load(conn)
    }

    /// Up to `limit` events not fanned out yet, oldest first; on PostgreSQL locked with
    /// `FOR UPDATE SKIP LOCKED`, so that dispatchers of several processes split the work and
    /// never fan one event out twice.
    pub fn claim_undispatched(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<EventRow>> {
        let q = dsl::events.filter(dsl::dispatched_at.is_null()).order(dsl::id.asc()).limit(limit);
        match conn {
            DbConn::Postgres(pg) => q.select(EventRow::as_select()).for_update().skip_locked().load(pg),
            DbConn::Sqlite(lite) => q.select(EventRow::as_select()).load(lite),
        }
    }

    /// Whether any event waits to be fanned out: a read, so that an idle dispatcher does not
    /// take the write lock.
    pub fn any_undispatched(conn: &mut DbConn) -> QueryResult<bool> {
        Ok(!dsl::events.filter(dsl::dispatched_at.is_null()).select(dsl::id).limit(1).load::<String>(conn)?.is_empty())
    }
}
