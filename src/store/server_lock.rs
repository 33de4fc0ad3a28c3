//! One server per SQLite file: `stratum serve` holds an exclusive advisory lock on
//! `<database>.lock` for its whole life. The kernel releases it when the process ends in
//! any way, kill -9 included, so a crashed server never leaves a stale lock behind. The
//! file holds the holder's pid, for the message a second server gives. The CLI's own
//! commands (`migrate`, `admin create-api-key`) do not take it: they run beside a live
//! server, their writes waiting for the file's write lock like any other writer's.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};

use super::db::{sqlite_path, Backend, DbError};

/// The held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct ServerLock {
    _file: File,
}

/// Takes the server lock of the SQLite database `url` names; `None` for PostgreSQL and
/// in-memory databases, which have no file to guard.
pub fn hold(url: &str) -> Result<Option<ServerLock>, DbError> {
    if Backend::of_url(url) != Backend::Sqlite {
        return Ok(None);
    }
    let database = sqlite_path(url);
    if database == ":memory:" {
        return Ok(None);
    }
    let lock_file = format!("{database}.lock");
    let failed = |what: &str, e: std::io::Error| DbError::Unavailable(format!("{what} the lock file {lock_file}: {e}"));
    // Never truncated on open: the holder's pid must survive a second server's attempt.
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_file)
        .map_err(|e| failed("cannot open", e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let holder = match file.read_to_string(&mut pid).map(|_| pid.trim()) {
                Ok(pid) if !pid.is_empty() => format!("pid {pid}"),
                _ => "pid unknown".to_owned(),
            };
            let database =
                std::fs::canonicalize(database).map_or_else(|_| database.to_owned(), |p| p.display().to_string());
            return Err(DbError::Held { database, lock_file, holder });
        }
        Err(TryLockError::Error(e)) => return Err(failed("cannot lock", e)),
    }
    file.set_len(0).map_err(|e| failed("cannot write", e))?;
    writeln!(file, "{}", std::process::id()).map_err(|e| failed("cannot write", e))?;
    Ok(Some(ServerLock { _file: file }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_pid_until_it_lets_go() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let db = dir.path().join("s.db").display().to_string();
        let first = hold(&db).expect("first lock").expect("a SQLite file is locked");
        let lock_text = std::fs::read_to_string(format!("{db}.lock")).expect("lock file");
        assert_eq!(lock_text.trim(), std::process::id().to_string());
        // flock locks belong to the open file, so a second open in this process conflicts
        // exactly as another process would.
        match hold(&db) {
            Err(DbError::Held { database, lock_file, holder }) => {
                assert!(database.ends_with("s.db"), "{database}");
                assert_eq!(lock_file, format!("{db}.lock"));
                assert_eq!(holder, format!("pid {}", std::process::id()));
            }
            other => panic!("second lock: {other:?}"),
        }
        drop(first);
        assert!(hold(&db).expect("lock after release").is_some());
    }

    #[test]
    fn postgres_and_memory_databases_need_no_lock() {
        assert!(hold("postgres://u@h/db").expect("no lock").is_none());
        assert!(hold(":memory:").expect("no lock").is_none());
    }
}
