//! The `tasks` table: the durable queue, claimed with leases.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::tasks::{self, dsl};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tasks, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct TaskRow {
    pub id: String,
    pub kind: String,
    pub account_id: String,
    pub account_path: String,
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub run_at: NaiveDateTime,
    pub lease_owner: Option<String>,
    pub lease_expires_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    /// JSON: what the last attempt produced.
    pub result: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl TaskRow {
    /// A new task of `kind` for the account (`account_id`, `account_path`), queued to run
    /// at `run_at`, not yet attempted.
    pub fn queued(
        id: String,
        kind: &str,
        (account_id, account_path): (&str, &str),
        payload: &serde_json::Value,
        run_at: NaiveDateTime,
        now: NaiveDateTime,
    ) -> TaskRow {
        TaskRow {
            id,
            kind: kind.to_owned(),
            account_id: account_id.to_owned(),
            account_path: account_path.to_owned(),
            payload: payload.to_string(),
            status: "queued".into(),
            attempts: 0,
            run_at,
            lease_owner: None,
            lease_expires_at: None,
            last_error: None,
            result: None,
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }
}

pub fn insert(conn: &mut DbConn, row: &TaskRow) -> QueryResult<()> {
    diesel::insert_into(dsl::tasks).values(row).execute(conn).map(drop)
}

/// Reads that ignore tenancy, for workers and lookups that are not a caller's.
pub mod unscoped {
    use super::*;

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<TaskRow>> {
        dsl::tasks.filter(dsl::id.eq(id)).select(TaskRow::as_select()).first(conn).optional()
    }

    // Due at `now` are the queued tasks whose time has come and the running ones whose
    // worker's lease ran out. Each half is read on its own, as a range of the
    // `(status, run_at)` index whatever the statistics say: their `OR` is planned as a
    // scan of every task ever run while the statistics lag behind a burst of deliveries
    // (5.2 ms against 1.5 ms on 20,000 rows, docs/performance.md).
    macro_rules! queued_due {
        ($kinds:expr, $now:expr) => {
            dsl::tasks.filter(dsl::status.eq("queued")).filter(dsl::run_at.le($now)).filter(dsl::kind.eq_any($kinds))
        };
    }
    macro_rules! lease_expired {
        ($kinds:expr, $now:expr) => {
            dsl::tasks
                .filter(dsl::status.eq("running"))
                .filter(dsl::lease_expires_at.lt($now))
                .filter(dsl::kind.eq_any($kinds))
        };
    }

    /// Whether any task of the given kinds is due: a read, so that idle workers do not take
    /// the write lock.
    pub fn any_due(conn: &mut DbConn, kinds: &[&str], now: NaiveDateTime) -> QueryResult<bool> {
        let queued: Vec<String> = queued_due!(kinds, now).select(dsl::id).limit(1).load(conn)?;
        if !queued.is_empty() {
            return Ok(true);
        }
        let expired: Vec<String> = lease_expired!(kinds, now).select(dsl::id).limit(1).load(conn)?;
        Ok(!expired.is_empty())
    }

    /// Claims up to `limit` due tasks of the given kinds for `owner` until `lease_until`:
    /// queued ones whose time has come, oldest first, then running ones whose worker's
    /// lease ran out. On PostgreSQL the candidates are locked with `FOR UPDATE SKIP
    /// LOCKED`, so concurrent workers of several processes take different tasks; SQLite
    /// has one writer at a time anyway.
    pub fn claim(
        conn: &mut DbConn,
        kinds: &[&str],
        owner: &str,
        now: NaiveDateTime,
        lease_until: NaiveDateTime,
        limit: i64,
    ) -> QueryResult<Vec<TaskRow>> {
        let queued = queued_due!(kinds, now).order(dsl::run_at.asc()).limit(limit).select(dsl::id);
        let mut ids: Vec<String> = match conn {
            DbConn::Postgres(pg) => queued.for_update().skip_locked().load(pg)?,
            DbConn::Sqlite(lite) => queued.load(lite)?,
        };
        let room = limit - i64::try_from(ids.len()).unwrap_or(limit);
        if room > 0 {
            let expired = lease_expired!(kinds, now).order(dsl::run_at.asc()).limit(room).select(dsl::id);
            ids.extend(match conn {
                DbConn::Postgres(pg) => expired.for_update().skip_locked().load::<String>(pg)?,
                DbConn::Sqlite(lite) => expired.load::<String>(lite)?,
            });
        }
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(dsl::tasks.filter(dsl::id.eq_any(&ids)))
            .set((
                dsl::status.eq("running"),
                dsl::lease_owner.eq(owner),
                dsl::lease_expires_at.eq(lease_until),
                dsl::attempts.eq(dsl::attempts + 1),
                dsl::version.eq(dsl::version + 1),
                dsl::updated_at.eq(now),
            ))
            .execute(conn)?;
        dsl::tasks.filter(dsl::id.eq_any(&ids)).select(TaskRow::as_select()).order(dsl::run_at.asc()).load(conn)
    }

    /// Of `ids`, those `owner` holds the lease of. On PostgreSQL they are locked, in id
    /// order, before the recorder touches their deliveries: every writer of a task's
    /// object takes the task first and several tasks in ascending id order, so recorders,
    /// claims and API requeues never wait on each other in a circle.
    pub fn owned_by(conn: &mut DbConn, ids: &[String], owner: &str) -> QueryResult<Vec<String>> {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let mut owned = Vec::with_capacity(ids.len());
        for chunk in sorted.chunks(CHUNK) {
            let q = dsl::tasks
                .filter(dsl::id.eq_any(chunk))
                .filter(dsl::lease_owner.eq(owner))
                .order(dsl::id.asc())
                .select(dsl::id);
            owned.extend(match conn {
                DbConn::Postgres(pg) => q.for_update().load::<String>(pg)?,
                DbConn::Sqlite(lite) => q.load::<String>(lite)?,
            });
        }
        Ok(owned)
    }
}

/// The task, if the scope sees it, locked until the transaction ends on PostgreSQL (SQLite
/// has one writer at a time anyway): taken before the task's object is written, in the
/// order `unscoped::owned_by` explains, and read after the lock so its version is current.
pub fn lock_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<TaskRow>> {
    let (lo, hi) = scope.range();
    let q = dsl::tasks.filter(dsl::id.eq(id)).filter(dsl::account_path.ge(lo)).filter(dsl::account_path.lt(hi));
    // The selection names its backend, so it is made in each arm.
    match conn {
        DbConn::Postgres(pg) => q.select(TaskRow::as_select()).for_update().first(pg).optional(),
        DbConn::Sqlite(lite) => q.select(TaskRow::as_select()).first(lite).optional(),
    }
}

pub fn find_in_scope(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<TaskRow>> {
    let (lo, hi) = scope.range();
    dsl::tasks
        .filter(dsl::id.eq(id))
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(TaskRow::as_select())
        .first(conn)
        .optional()
}

#[derive(Debug, Default, Clone)]
pub struct TaskFilter {
    pub kind: Option<String>,
    pub status: Option<String>,
}

pub fn list_in_scope(
    conn: &mut DbConn,
    scope: &Scope,
    filter: &TaskFilter,
    page: &PageRequest,
) -> QueryResult<Vec<TaskRow>> {
    let (lo, hi) = scope.range();
    let mut q = dsl::tasks
        .filter(dsl::account_path.ge(lo))
        .filter(dsl::account_path.lt(hi))
        .select(TaskRow::as_select())
        .order(dsl::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(dsl::id.gt(after.clone()));
    }
    if let Some(k) = &filter.kind {
        q = q.filter(dsl::kind.eq(k.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(dsl::status.eq(s.clone()));
    }
    q.load(conn)
}

/// Rows per multi-row statement: well inside SQLite's limit of bound variables.
const CHUNK: usize = 200;

pub fn insert_many(conn: &mut DbConn, rows: &[TaskRow]) -> QueryResult<()> {
    for chunk in rows.chunks(CHUNK) {
        let q = diesel::insert_into(dsl::tasks).values(chunk);
        crate::batch_execute(conn, q)?;
    }
    Ok(())
}

/// Completes tasks held by `owner`: succeeded, lease released, version bumped (the
/// batched form of `service::platform::task::transition` for the common case).
pub fn finish_owned(conn: &mut DbConn, ids: &[String], owner: &str, now: NaiveDateTime) -> QueryResult<()> {
    for chunk in ids.chunks(CHUNK) {
        diesel::update(dsl::tasks.filter(dsl::id.eq_any(chunk)).filter(dsl::lease_owner.eq(owner)))
            .set((
                dsl::status.eq("succeeded"),
                dsl::lease_owner.eq(None::<String>),
                dsl::lease_expires_at.eq(None::<NaiveDateTime>),
                dsl::version.eq(dsl::version + 1),
                dsl::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Writes `row` if the stored version is still `expected_version`.
pub fn update(conn: &mut DbConn, row: &TaskRow, expected_version: i64) -> QueryResult<bool> {
    let n = diesel::update(dsl::tasks.filter(dsl::id.eq(&row.id)).filter(dsl::version.eq(expected_version)))
        .set(row)
        .execute(conn)?;
    Ok(n == 1)
}

crate::versioned!(tasks, TaskRow, "task");
crate::owned!(TaskRow);
