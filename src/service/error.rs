//! The one error type of the service layer; each variant names its stable `ErrorCode`,
//! which REST maps to a problem document and SOAP to a fault.

use stratum_api::{ErrorCode, FieldError};

use crate::store::DbError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The object does not exist or lies outside the caller's subtree; both answer alike.
    #[error("no {0} with this id exists")]
    NotFound(&'static str),
    #[error("{} field(s) are invalid", .0.len())]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    PermissionDenied(String),
    #[error("{0}")]
    PermissionEscalation(String),
    #[error("{0}")]
    Conflict(String),
    #[error("the object is at version {current}; fetch it again and retry")]
    VersionMismatch { current: i64 },
    #[error("{0}")]
    InvalidStateTransition(String),
    #[error("{0}")]
    ParentCannotHaveChildren(String),
    #[error("this Idempotency-Key was used with another request")]
    IdempotencyKeyReused,
    #[error("the API key is unknown or revoked")]
    InvalidApiKey,
    #[error("the server runs on the real clock; start it with `stratum serve --test-clock` to move time")]
    TestClockDisabled,
    /// SQLite's write lock was held elsewhere for longer than the busy timeout.
    #[error("the database is busy with another writer; nothing was changed, retry shortly")]
    Busy(String),
    #[error("the database is unavailable")]
    Unavailable(String),
    #[error("internal error")]
    Internal(String),
}

impl ServiceError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ServiceError::NotFound(_) => ErrorCode::NotFound,
            ServiceError::Validation(_) => ErrorCode::ValidationFailed,
            ServiceError::PermissionDenied(_) => ErrorCode::PermissionDenied,
            ServiceError::PermissionEscalation(_) => ErrorCode::PermissionEscalation,
            ServiceError::Conflict(_) => ErrorCode::Conflict,
            ServiceError::VersionMismatch { .. } => ErrorCode::VersionMismatch,
            ServiceError::InvalidStateTransition(_) => ErrorCode::InvalidStateTransition,
            ServiceError::ParentCannotHaveChildren(_) => ErrorCode::ParentCannotHaveChildren,
            ServiceError::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            ServiceError::InvalidApiKey => ErrorCode::InvalidApiKey,
            ServiceError::TestClockDisabled => ErrorCode::TestClockDisabled,
            ServiceError::Busy(_) => ErrorCode::DatabaseBusy,
            ServiceError::Unavailable(_) => ErrorCode::ServiceUnavailable,
            ServiceError::Internal(_) => ErrorCode::InternalError,
        }
    }

    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ServiceError::Validation(errors) => errors,
            _ => &[],
        }
    }

    pub fn validation(field: &str, code: &str, message: impl Into<String>) -> ServiceError {
        ServiceError::Validation(vec![FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }])
    }
}

impl From<diesel::result::Error> for ServiceError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        if crate::store::is_busy(&e) {
            return ServiceError::Busy(e.to_string());
        }
        match e {
            Error::NotFound => ServiceError::NotFound("object"),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                ServiceError::Conflict(format!("an object with these values exists already ({})", info.message()))
            }
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => {
                ServiceError::Unavailable("a concurrent change won; retry".into())
            }
            other => ServiceError::Internal(other.to_string()),
        }
    }
}

impl From<DbError> for ServiceError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(m) => ServiceError::Unavailable(m),
            DbError::Query(q) => q.into(),
            DbError::Migration(m) => ServiceError::Internal(m),
            DbError::Busy(m) => ServiceError::Busy(m),
            held @ DbError::Held { .. } => ServiceError::Internal(held.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use diesel::connection::SimpleConnection;
    use diesel::Connection;

    use super::*;

    /// A writer that finds SQLite's write lock taken by another connection, beyond its busy
    /// timeout (0 here), is told the database is busy, not that the server failed.
    #[test]
    fn a_write_lock_held_elsewhere_is_database_busy() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let path = dir.path().join("busy.db").display().to_string();
        let mut holder = diesel::SqliteConnection::establish(&path).expect("open");
        holder.batch_execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER); BEGIN IMMEDIATE;").expect("lock");
        let mut writer = diesel::SqliteConnection::establish(&path).expect("open");
        let refused = writer.batch_execute("PRAGMA busy_timeout = 0; BEGIN IMMEDIATE;").expect_err("the lock is held");
        let e = ServiceError::from(refused);
        assert_eq!(e.code(), ErrorCode::DatabaseBusy, "{e:?}");
        assert_eq!(e.code().status(), 503);
        assert_eq!(ServiceError::from(DbError::Busy("held".into())).code(), ErrorCode::DatabaseBusy);
    }
}
