//! Connections and the pool, for both backends, and the embedded migrations.

use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use parking_lot::Mutex;

/// One connection to either backend; queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

/// Which backend a database URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// The file a SQLite database URL names.
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").unwrap_or(url)
}

/// How long a SQLite writer waits for the write lock (another process's writer, a backup)
/// before its request answers `database_busy`: SQLite's `busy_timeout`, and the longest
/// wait for this process's own writers' lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Whether a query failed because SQLite could not take a lock (`SQLITE_BUSY`,
/// `SQLITE_LOCKED`) within the busy timeout: a transient refusal, not a fault.
pub fn is_busy(e: &diesel::result::Error) -> bool {
    match e {
        diesel::result::Error::DatabaseError(_, info) => {
            let m = info.message();
            m.starts_with("database is locked") || m.starts_with("database table is locked")
        }
        _ => false,
    }
}

/// Opens connections of the backend its URL names (never guessing from a failed attempt,
/// so a PostgreSQL outage cannot silently create a SQLite file named like a URL).
#[derive(Debug, Clone)]
pub struct Manager {
    url: String,
    backend: Backend,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match self.backend {
            Backend::Postgres => {
                diesel::PgConnection::establish(&self.url).map(DbConn::Postgres).map_err(r2d2::Error::ConnectionError)
            }
            Backend::Sqlite => {
                let mut conn = diesel::SqliteConnection::establish(sqlite_path(&self.url))
                    .map_err(r2d2::Error::ConnectionError)?;
                // WAL lets readers run beside the writer; NORMAL is durable in WAL mode
                // except for the last transactions on power loss; mmap saves read syscalls.
                // No connection checkpoints on commit: the checkpointer thread does, so a
                // request never waits for one.
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16000; PRAGMA wal_autocheckpoint = 0;",
                    BUSY_TIMEOUT.as_millis()
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = PooledConnection<Manager>;

/// The database: a pool plus, for SQLite, the lock that serialises write transactions.
///
/// SQLite allows one writer. Its write transactions begin with `BEGIN IMMEDIATE`, taking
/// the file's write lock before they read: a deferred transaction that reads and then
/// writes fails with `SQLITE_BUSY` at once, without waiting, when another connection wrote
/// in between, while `BEGIN IMMEDIATE` waits up to the busy timeout for a writer of
/// another process (a CLI command, a backup tool). The writers of this process take this
/// lock first and hand the file over in turn, instead of polling SQLite's busy handler,
/// which sleeps between attempts. PostgreSQL needs neither.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: Backend,
    write_lock: Arc<Mutex<()>>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error("migration failed: {0}")]
    Migration(String),
    /// The write lock could not be taken within the busy timeout.
    #[error("{0}")]
    Busy(String),
    /// Another server holds the SQLite file (see `server_lock`).
    #[error("{database} is in use by another `stratum serve` ({holder}; lock file {lock_file}). One server per SQLite file: stop the other one first, or run several nodes on PostgreSQL")]
    Held { database: String, lock_file: String, holder: String },
}

/// How often the checkpointer copies the write-ahead log back into the database.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);
/// A log longer than this many pages (64 MiB) is restarted from its beginning.
const RESTART_AFTER_PAGES: i32 = 16_384;

#[derive(QueryableByName)]
struct CheckpointResult {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    log: i32,
}

/// Checkpoints the WAL from a connection of its own, beside the writers. SQLite's automatic
/// checkpoint would run inside whichever commit crosses the threshold, stalling that request
/// (and every writer queued behind it) for the whole copy; a passive checkpoint here never
/// blocks a writer. Under constant load some reader always holds the log, so it would only
/// grow: past 64 MiB a restart checkpoint (most of it copied already by then) starts the log
/// over, holding the writers' lock meanwhile (a writer of this process must not find the
/// log restarted under its open transaction).
fn start_checkpointer(mut conn: diesel::SqliteConnection, write_lock: Arc<Mutex<()>>) {
    let spawned = std::thread::Builder::new().name("sqlite-checkpoint".into()).spawn(move || loop {
        std::thread::sleep(CHECKPOINT_EVERY);
        let passive = diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").load::<CheckpointResult>(&mut conn);
        let restart = match passive {
            Ok(rows) => rows.first().is_some_and(|r| r.log > RESTART_AFTER_PAGES),
            Err(e) => {
                tracing::warn!(error = %e, "checkpointing the write-ahead log failed");
                false
            }
        };
        if restart {
            let _writers = write_lock.lock();
            if let Err(e) = conn.batch_execute("PRAGMA wal_checkpoint(RESTART);") {
                tracing::warn!(error = %e, "restarting the write-ahead log failed");
            }
        }
    });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "no checkpointer thread; the write-ahead log grows until restart");
    }
}

impl Db {
    pub fn connect(url: &str, pool_size: u32) -> Result<Db, DbError> {
        let backend = Backend::of_url(url);
        if backend == Backend::Sqlite {
            // WAL is a property of the file: set it once, before the pool opens several
            // connections at the same time (switching the mode needs the file alone).
            let mut first = diesel::SqliteConnection::establish(sqlite_path(url))
                .map_err(|e| DbError::Unavailable(e.to_string()))?;
            first.batch_execute(&format!(
                "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; PRAGMA journal_size_limit = 67108864;",
                BUSY_TIMEOUT.as_millis()
            ))?;
            let write_lock = Arc::new(Mutex::new(()));
            start_checkpointer(first, write_lock.clone());
            return Db::with_pool(url, backend, pool_size, write_lock);
        }
        Db::with_pool(url, backend, pool_size, Arc::new(Mutex::new(())))
    }

    fn with_pool(url: &str, backend: Backend, pool_size: u32, write_lock: Arc<Mutex<()>>) -> Result<Db, DbError> {
        let manager = Manager { url: url.to_owned(), backend };
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            .connection_timeout(Duration::from_secs(10))
            // A broken connection fails its query and is replaced; testing every checkout
            // would add a round trip to every request.
            .test_on_check_out(false)
            .build(manager)
            .map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(Db { pool, backend, write_lock })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn conn(&self) -> Result<PooledConn, DbError> {
        self.pool.get().map_err(|e| DbError::Unavailable(e.to_string()))
    }

    /// Pool figures for `/metrics`: (connections open, connections idle).
    pub fn pool_state(&self) -> (u32, u32) {
        let state = self.pool.state();
        (state.connections, state.idle_connections)
    }

    /// Runs `f` in one read-only transaction-free connection.
    pub fn read<T, E>(&self, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let mut conn = self.conn()?;
        f(&mut conn)
    }

    /// Runs `f` in one write transaction: everything it writes commits together or not
    /// at all. On SQLite the transaction holds the write lock from its start; a lock that
    /// cannot be had within `BUSY_TIMEOUT` fails the write with `DbError::Busy` or a
    /// query error `is_busy` recognises.
    pub fn write<T, E>(&self, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError> + From<diesel::result::Error>,
    {
        let mut conn = self.conn()?;
        let _guard = match self.backend {
            Backend::Sqlite => Some(self.write_lock.try_lock_for(BUSY_TIMEOUT).ok_or_else(|| {
                DbError::Busy(format!("another write transaction held the database for {} s", BUSY_TIMEOUT.as_secs()))
            })?),
            Backend::Postgres => None,
        };
        in_write_transaction(&mut conn, f)
    }

    /// Applies the embedded migrations that have not run yet.
    pub fn migrate(&self) -> Result<usize, DbError> {
        let mut conn = self.conn()?;
        let applied = match &mut *conn {
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
            DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|v| v.len()),
        };
        applied.map_err(|e| DbError::Migration(e.to_string()))
    }

    /// Whether the database answers; for `/readyz`.
    pub fn ping(&self) -> Result<(), DbError> {
        let mut conn = self.conn()?;
        conn.batch_execute("SELECT 1")?;
        Ok(())
    }
}

/// diesel's `TransactionManager::transaction`, beginning with `BEGIN IMMEDIATE` on SQLite.
/// A transaction `f` opens inside becomes a savepoint, as with diesel's own.
fn in_write_transaction<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    type Tm = <DbConn as Connection>::TransactionManager;
    match conn {
        DbConn::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?,
        DbConn::Postgres(_) => Tm::begin_transaction(conn)?,
    }
    match f(conn) {
        Ok(value) => {
            Tm::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => match Tm::rollback_transaction(conn) {
            // The original error is the one worth reporting; it likely broke the transaction.
            Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(rollback.into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_paired_across_backends() {
        let names = |dir: &str| {
            let mut v: Vec<_> =
                std::fs::read_dir(dir).expect("migrations folder").map(|e| e.expect("entry").file_name()).collect();
            v.sort();
            v
        };
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        assert_eq!(names(&format!("{root}/migrations/sqlite")), names(&format!("{root}/migrations/postgres")));
    }

    #[test]
    fn backend_is_chosen_by_url_scheme() {
        assert_eq!(Backend::of_url("postgres://u@h/db"), Backend::Postgres);
        assert_eq!(Backend::of_url("postgresql://u@h/db"), Backend::Postgres);
        assert_eq!(Backend::of_url("stratum.db"), Backend::Sqlite);
        assert_eq!(Backend::of_url("sqlite://x.db"), Backend::Sqlite);
    }
}
