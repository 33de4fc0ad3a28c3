//! The REST layer's error: every failure becomes one RFC 9457 problem document, mapped
//! here once.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use stratum_api::{ErrorCode, FieldError, Problem};

use crate::service::ServiceError;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// Seconds a client is asked to wait before retrying after `database_busy`: the writer
/// that held the lock past the busy timeout is usually done by then.
pub const BUSY_RETRY_AFTER_SECONDS: &str = "1";

#[derive(Debug)]
pub struct ApiError {
    pub code: ErrorCode,
    pub detail: String,
    pub errors: Vec<FieldError>,
    /// The version to report in `ETag` with a 412.
    pub current_version: Option<i64>,
    /// The methods to report in `Allow` with a 405.
    pub allow: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> ApiError {
        ApiError { code, detail: detail.into(), errors: Vec::new(), current_version: None, allow: None }
    }

    pub fn problem(&self) -> Problem {
        let mut p = Problem::new(self.code, self.detail.clone());
        p.errors = self.errors.clone();
        p
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.detail)
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        let code = e.code();
        let detail = match &e {
            // Internal details go to the log, never to the client.
            ServiceError::Internal(m) | ServiceError::Unavailable(m) => {
                tracing::error!(error = %m, code = code.as_str(), "request failed");
                e.to_string()
            }
            ServiceError::Busy(m) => {
                tracing::warn!(error = %m, code = code.as_str(), "request refused: the database is busy");
                e.to_string()
            }
            _ => e.to_string(),
        };
        let current_version = match &e {
            ServiceError::VersionMismatch { current } => Some(*current),
            _ => None,
        };
        ApiError { code, detail, errors: e.field_errors().to_vec(), current_version, allow: None }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code());
        res.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        if let Some(v) = self.current_version {
            res.insert_header((header::ETAG, super::etag(v)));
        }
        if let Some(methods) = &self.allow {
            res.insert_header((header::ALLOW, methods.as_str()));
        }
        if self.code == ErrorCode::DatabaseBusy {
            res.insert_header((header::RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS));
        }
        if self.code == ErrorCode::Unauthenticated || self.code == ErrorCode::InvalidToken {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}
