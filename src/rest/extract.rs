//! Request extractors: the bearer token, JSON bodies with their idempotency key, `If-Match`
//! and query strings, each failing with a problem document.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::HttpMessage;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use stratum_api::ErrorCode;

use super::problem::ApiError;
use super::AppState;
use crate::auth::jwt::TokenError;
use crate::auth::Caller;
use crate::service::Idempotency;

pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

fn state(req: &HttpRequest) -> Result<&web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::new(ErrorCode::InternalError, "application state missing"))
}

/// The caller, from `Authorization: Bearer <jwt>`.
impl FromRequest for Caller {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(authenticate(req))
    }
}

fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
    // `rest::access::enforce` verified the token already for the operations of its table.
    if let Some(caller) = req.extensions().get::<Caller>() {
        return Ok(caller.clone());
    }
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Unauthenticated,
            "send `Authorization: Bearer <access token>`; get a token from POST /api/v1/auth/token",
        )
    })?;
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::new(ErrorCode::Unauthenticated, "the Authorization header must use the Bearer scheme")
        })?;
    state(req)?.jwt.verify(token).map_err(|e| {
        let detail = match e {
            TokenError::Expired => "the access token has expired; exchange the API key for a new one",
            TokenError::UnknownKey => "the access token was signed with an unknown key",
            TokenError::Malformed => "the access token is malformed",
            TokenError::Invalid => "the access token's signature or claims are not valid",
        };
        ApiError::new(ErrorCode::InvalidToken, detail)
    })
}

/// A JSON request body (unknown fields refused), with the request's idempotency key.
pub struct JsonBody<T> {
    pub value: T,
    key: Option<String>,
    fingerprint: String,
}

impl<T> JsonBody<T> {
    /// The idempotency key of this request, answering `status` when fresh.
    pub fn idempotency(&self, status: u16) -> Option<Idempotency> {
        self.key.as_ref().map(|k| Idempotency { key: k.clone(), fingerprint: self.fingerprint.clone(), status })
    }
}

/// Like [`JsonBody`], but an empty body means `{}`: for actions whose fields are optional.
pub struct OptionalJsonBody<T>(pub JsonBody<T>);

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        Box::pin(read_json(req.clone(), web::Bytes::from_request(req, payload), false))
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for OptionalJsonBody<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_json(req.clone(), web::Bytes::from_request(req, payload), true);
        Box::pin(async move { body.await.map(OptionalJsonBody) })
    }
}

async fn read_json<T: DeserializeOwned>(
    req: HttpRequest,
    bytes: impl Future<Output = Result<web::Bytes, actix_web::Error>>,
    empty_is_object: bool,
) -> Result<JsonBody<T>, ApiError> {
    let key = idempotency_key(&req)?;
    let bytes = bytes.await.map_err(|e| {
        if e.as_response_error().status_code() == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(ErrorCode::PayloadTooLarge, "the request body is larger than the server accepts")
        } else {
            ApiError::new(ErrorCode::InvalidBody, format!("the request body could not be read: {e}"))
        }
    })?;
    let empty = bytes.iter().all(u8::is_ascii_whitespace);
    if !(empty && empty_is_object) {
        check_json_content_type(&req)?;
    }
    let text: &[u8] = if empty && empty_is_object { b"{}" } else { &bytes };
    if empty && !empty_is_object {
        return Err(ApiError::new(ErrorCode::InvalidBody, "the request body is empty; send a JSON object"));
    }
    let value = parse_json(text)?;
    let mut h = Sha256::new();
    h.update(req.method().as_str());
    h.update(b" ");
    h.update(req.path());
    h.update(b"\n");
    h.update(&bytes);
    let fingerprint = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(JsonBody { value, key, fingerprint })
}

/// Parses a body; a missing required field is a validation error naming the field (with its
/// path), any other mismatch an `invalid_body` that says where it is.
fn parse_json<T: DeserializeOwned>(text: &[u8]) -> Result<T, ApiError> {
    let mut tree: serde_json::Value = serde_json::from_slice(text)
        .map_err(|e| ApiError::new(ErrorCode::InvalidBody, format!("the request body is not valid: {e}")))?;
    // Every body is an object; serde would also fill a struct from an array, positionally.
    if !tree.is_object() {
        return Err(ApiError::new(ErrorCode::InvalidBody, "the request body is not valid: send a JSON object"));
    }
    integral_floats_to_integers(&mut tree);
    let value = serde_path_to_error::deserialize(tree).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        if let Some(name) = message.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
            let field = if path == "." { name.to_owned() } else { format!("{path}.{name}") };
            let mut err = ApiError::new(ErrorCode::ValidationFailed, format!("`{field}` is required"));
            err.errors.push(stratum_api::FieldError { field, code: "required".into(), message: "is required".into() });
            return err;
        }
        let at = if path == "." { String::new() } else { format!(" at `{path}`") };
        ApiError::new(ErrorCode::InvalidBody, format!("the request body is not valid{at}: {message}"))
    })?;
    Ok(value)
}

/// JSON Schema counts `24.0` as an integer (an integer is any number with a zero
/// fractional part), so a body may carry one wherever the contract says `integer`; serde
/// would refuse it for an integer field. Such numbers become integers before the body is
/// read; others (`24.5`, or beyond the 64-bit range) stay as sent.
fn integral_floats_to_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            // Within ±2^63, where every integral f64 is exactly an i64.
            if f.fract() == 0.0 && f.abs() < 9_223_372_036_854_775_808.0 {
                *n = serde_json::Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_floats_to_integers),
        Value::Object(fields) => fields.values_mut().for_each(integral_floats_to_integers),
        _ => {}
    }
}

fn check_json_content_type(req: &HttpRequest) -> Result<(), ApiError> {
    let ct = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if mime == "application/json" || mime.ends_with("+json") {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::InvalidBody, format!("Content-Type must be application/json, not `{ct}`")))
    }
}

fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(v) = req.headers().get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    v.to_str()
        .ok()
        .filter(|k| (1..=255).contains(&k.len()) && k.bytes().all(|b| (0x21..=0x7e).contains(&b)))
        .map(|k| Some(k.to_owned()))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidHeader,
                "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces",
            )
        })
}

/// The version in `If-Match` (`"3"`, `W/"3"`), or `None` for absent or `*`.
pub struct IfMatch(pub Option<i64>);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = std::future::Ready<Result<IfMatch, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_if_match(req.headers().get(header::IF_MATCH).map(|v| v.to_str().unwrap_or("\u{0}"))))
    }
}

/// Exactly the forms the contract's pattern `^(\*|(W/)?"[0-9]{1,18}"|[0-9]{1,18})$`
/// allows (the bare version, `3`, as before), so the server and the schema agree on every
/// value.
fn parse_if_match(value: Option<&str>) -> Result<IfMatch, ApiError> {
    let Some(v) = value.map(str::trim) else {
        return Ok(IfMatch(None));
    };
    if v == "*" {
        return Ok(IfMatch(None));
    }
    let quoted = v.strip_prefix("W/").unwrap_or(v).strip_prefix('"').and_then(|d| d.strip_suffix('"'));
    let digits = quoted.or(Some(v));
    digits
        .filter(|d| (1..=18).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|d| d.parse::<i64>().ok())
        .map(|n| IfMatch(Some(n)))
        .ok_or_else(|| ApiError::new(ErrorCode::InvalidHeader, "If-Match must be the ETag of the object, e.g. \"3\""))
}

/// Query-string errors answer `invalid_query`.
pub fn query_error(err: actix_web::error::QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::new(ErrorCode::InvalidQuery, format!("the query string is not valid: {err}")).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_forms() {
        assert_eq!(parse_if_match(None).ok().and_then(|m| m.0), None);
        assert_eq!(parse_if_match(Some("\"3\"")).ok().and_then(|m| m.0), Some(3));
        assert_eq!(parse_if_match(Some("W/\"4\"")).ok().and_then(|m| m.0), Some(4));
        assert_eq!(parse_if_match(Some("*")).ok().and_then(|m| m.0), None);
        assert_eq!(parse_if_match(Some("3")).ok().and_then(|m| m.0), Some(3));
        for bad in ["\"abc\"", "", "W/3", "\"-3\"", "\"+3\"", "W/W/\"3\"", "\"\"3\"\"", "\"1234567890123456789\""] {
            assert!(parse_if_match(Some(bad)).is_err(), "{bad}");
        }
    }
}
