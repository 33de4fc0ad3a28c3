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
        }
    }
}
