//! The `deliveries` and `delivery_attempts` tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::deliveries::{self, dsl};
use crate::schema::delivery_attempts::{self, dsl as attempts_dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = deliveries, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct DeliveryRow {
    pub id: String,
    pub endpoint_id: String,
    pub event_id: String,
    pub account_path: String,
    pub task_id: String,
    pub status: String,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = delivery_attempts, treat_none_as_default_value = false)]
pub struct AttemptRow {
    pub id: String,
    pub delivery_id: String,
    pub attempted_at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub latency_ms: i64,
    pub response: Option<String>,
    pub error: Option<String>,
}

pub fn insert(conn: &mut DbConn, row: &DeliveryRow) -> QueryResult<()> {
    diesel::insert_into(dsl::deliveries).values(row).execute(conn).map(drop)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<DeliveryRow>> {
        dsl::deliveries.filter(dsl::id.eq(id)).select(DeliveryRow::as_select()).first(conn).optional()
    }

    /// The deliveries of `ids` that exist, in no particular order.
    pub fn find_many(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<DeliveryRow>> {
        let mut rows = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            rows.extend(dsl::deliveries.filter(dsl::id.eq_any(chunk)).select(DeliveryRow::as_select()).load(conn)?);
        }
        Ok(rows)
    }
}

/// Counts one more attempt on each of the deliveries `ids`, in one statement per chunk.
pub fn count_attempts(conn: &mut DbConn, ids: &[String]) -> QueryResult<()> {
    for chunk in ids.chunks(CHUNK) {
        diesel::update(dsl::deliveries.filter(dsl::id.eq_any(chunk)))
            .set(dsl::attempts.eq(dsl::attempts + 1))
            .execute(conn)?;
    }
    Ok(())
}

/// The delivery of an event to an endpoint, if the scope sees it.
pub fn find_for(
    conn: &mut DbConn,
    scope: &Scope,
    endpoint_id: &str,
    event_id: &str,
) -> QueryResult<Option<DeliveryRow>> {
    let (lo, hi) = scope.range();
    dsl::deliveries
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .filter(dsl::endpoint_id.eq(endpoint_id))
        .filter(dsl::event_id.eq(event_id))
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<DeliveryRow>> {
    let (lo, hi) = scope.range();
    dsl::deliveries
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

#[derive(Debug, Default, Clone)]
pub struct DeliveryFilter {
    pub endpoint_id: Option<String>,
    pub event_id: Option<String>,
    pub status: Option<String>,
}

pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &DeliveryFilter,
    page: &PageRequest,
) -> QueryResult<Vec<DeliveryRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::deliveries
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(DeliveryRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    if let Some(e) = &filter.endpoint_id {
        q = q.filter(dsl::endpoint_id.eq(e.clone()));
    }
    if let Some(e) = &filter.event_id {
        q = q.filter(dsl::event_id.eq(e.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(dsl::status.eq(s.clone()));
    }
    q.load(conn)
}

pub fn update(conn: &mut DbConn, row: &DeliveryRow) -> QueryResult<()> {
    diesel::update(dsl::deliveries.filter(dsl::id.eq(&row.id))).set(row).execute(conn).map(drop)
}

pub fn insert_attempt(conn: &mut DbConn, row: &AttemptRow) -> QueryResult<()> {
    diesel::insert_into(attempts_dsl::delivery_attempts).values(row).execute(conn).map(drop)
}

/// Rows per multi-row statement: well inside SQLite's limit of bound variables.
const CHUNK: usize = 200;

pub fn insert_many(conn: &mut DbConn, rows: &[DeliveryRow]) -> QueryResult<()> {
    for chunk in rows.chunks(CHUNK) {
        let q = diesel::insert_into(dsl::deliveries).values(chunk);
        crate::batch_execute(conn, q)?;
    }
    Ok(())
}

pub fn insert_attempts(conn: &mut DbConn, rows: &[AttemptRow]) -> QueryResult<()> {
    for chunk in rows.chunks(CHUNK) {
        let q = diesel::insert_into(attempts_dsl::delivery_attempts).values(chunk);
        crate::batch_execute(conn, q)?;
    }
    Ok(())
}

/// Marks deliveries succeeded with the status code their receiver answered.
pub fn mark_succeeded(conn: &mut DbConn, ids: &[String], status_code: i32, at: NaiveDateTime) -> QueryResult<()> {
    for chunk in ids.chunks(CHUNK) {
        diesel::update(dsl::deliveries.filter(dsl::id.eq_any(chunk)))
            .set((dsl::status.eq("succeeded"), dsl::last_status_code.eq(status_code), dsl::last_attempt_at.eq(at)))
            .execute(conn)?;
    }
    Ok(())
}

pub fn attempts(conn: &mut DbConn, delivery: &DeliveryRow, page: &PageRequest) -> QueryResult<Vec<AttemptRow>> {
    let mut q = attempts_dsl::delivery_attempts
        .filter(attempts_dsl::delivery_id.eq(&delivery.id))
        .select(AttemptRow::as_select())
        .order(attempts_dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(attempts_dsl::id.gt(after.clone()));
    }
    q.load(conn)
}
