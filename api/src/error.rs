//! Problem documents (RFC 9457) and the stable machine codes they carry.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Every error code the API answers with. Each has one HTTP status; the same codes are
/// used by SOAP faults. Documented in `docs/errors.md` (a test keeps the two in step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidBody,
    InvalidQuery,
    InvalidHeader,
    Unauthenticated,
    InvalidToken,
    InvalidApiKey,
    PermissionDenied,
    PermissionEscalation,
    NotFound,
    RouteNotFound,
    MethodNotAllowed,
    Conflict,
    InvalidStateTransition,
    VersionMismatch,
    PayloadTooLarge,
    ValidationFailed,
    ParentCannotHaveChildren,
    IdempotencyKeyReused,
    TestClockDisabled,
    DatabaseBusy,
    ServiceUnavailable,
    InternalError,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 22] = [
        ErrorCode::InvalidBody,
        ErrorCode::InvalidQuery,
        ErrorCode::InvalidHeader,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidToken,
        ErrorCode::InvalidApiKey,
        ErrorCode::PermissionDenied,
        ErrorCode::PermissionEscalation,
        ErrorCode::NotFound,
        ErrorCode::RouteNotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Conflict,
        ErrorCode::InvalidStateTransition,
        ErrorCode::VersionMismatch,
        ErrorCode::PayloadTooLarge,
        ErrorCode::ValidationFailed,
        ErrorCode::ParentCannotHaveChildren,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::TestClockDisabled,
        ErrorCode::DatabaseBusy,
        ErrorCode::ServiceUnavailable,
        ErrorCode::InternalError,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidBody => "invalid_body",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::InvalidHeader => "invalid_header",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::InvalidApiKey => "invalid_api_key",
            ErrorCode::PermissionDenied => "permission_denied",
            ErrorCode::PermissionEscalation => "permission_escalation",
            ErrorCode::NotFound => "not_found",
            ErrorCode::RouteNotFound => "route_not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::InvalidStateTransition => "invalid_state_transition",
            ErrorCode::VersionMismatch => "version_mismatch",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::ParentCannotHaveChildren => "parent_cannot_have_children",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::TestClockDisabled => "test_clock_disabled",
            ErrorCode::DatabaseBusy => "database_busy",
            ErrorCode::ServiceUnavailable => "service_unavailable",
            ErrorCode::InternalError => "internal_error",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            ErrorCode::InvalidBody | ErrorCode::InvalidQuery | ErrorCode::InvalidHeader => 400,
            ErrorCode::Unauthenticated | ErrorCode::InvalidToken | ErrorCode::InvalidApiKey => 401,
            ErrorCode::PermissionDenied | ErrorCode::PermissionEscalation => 403,
            ErrorCode::NotFound | ErrorCode::RouteNotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Conflict | ErrorCode::InvalidStateTransition | ErrorCode::TestClockDisabled => 409,
            ErrorCode::VersionMismatch => 412,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::ValidationFailed | ErrorCode::ParentCannotHaveChildren | ErrorCode::IdempotencyKeyReused => 422,
            ErrorCode::DatabaseBusy | ErrorCode::ServiceUnavailable => 503,
            ErrorCode::InternalError => 500,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ErrorCode::InvalidBody => "The request body is not valid",
            ErrorCode::InvalidQuery => "The query string is not valid",
            ErrorCode::InvalidHeader => "A request header is not valid",
            ErrorCode::Unauthenticated => "Authentication required",
            ErrorCode::InvalidToken => "The access token is not valid",
            ErrorCode::InvalidApiKey => "The API key is not valid",
            ErrorCode::PermissionDenied => "Permission denied",
            ErrorCode::PermissionEscalation => "Cannot grant permissions the caller lacks",
            ErrorCode::NotFound => "Not found",
            ErrorCode::RouteNotFound => "No such route",
            ErrorCode::MethodNotAllowed => "The route does not answer this method",
            ErrorCode::Conflict => "Conflict with an existing object",
            ErrorCode::InvalidStateTransition => "Not possible in the object's current state",
            ErrorCode::VersionMismatch => "The object has changed",
            ErrorCode::PayloadTooLarge => "The request body is too large",
            ErrorCode::ValidationFailed => "Validation failed",
            ErrorCode::ParentCannotHaveChildren => "The parent account cannot have children",
            ErrorCode::IdempotencyKeyReused => "Idempotency key reused with another request",
            ErrorCode::TestClockDisabled => "The server does not run on a test clock",
            ErrorCode::DatabaseBusy => "The database is busy",
            ErrorCode::ServiceUnavailable => "Service unavailable",
            ErrorCode::InternalError => "Internal error",
        }
    }
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    /// The field, as a dotted path (`address.country`).
    pub field: String,
    /// A stable machine code: `required`, `too_long`, `invalid_format`, `not_allowed` …
    pub code: String,
    /// A sentence for the integration engineer.
    pub message: String,
}

/// An RFC 9457 problem document, served as `application/problem+json`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI that identifies the problem type.
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The stable machine code of this error.
    pub code: ErrorCode,
    /// The id of the request, as in the `x-request-id` header; quote it to support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The invalid fields, for `validation_failed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Problem {
        Problem {
            problem_type: format!("https://stratum.dev/problems/{}", code.as_str()),
            title: code.title().to_owned(),
            status: code.status(),
            detail: detail.into(),
            code,
            request_id: None,
            errors: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_serialise_to_their_name() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
            let json = serde_json::to_value(code).expect("serialises");
            assert_eq!(json, code.as_str());
        }
    }
}

#[cfg(test)]
mod docs_tests {
    use super::*;

    #[test]
    fn every_code_is_documented_with_its_status() {
        let docs = include_str!("../../docs/errors.md");
        for code in ErrorCode::ALL {
            let row = format!("| `{}` | {} |", code.as_str(), code.status());
            assert!(docs.contains(&row), "docs/errors.md lacks the row {row}");
        }
    }
}
