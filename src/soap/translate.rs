//! The middleware that turns a SOAP call into the REST call it names, runs it through the
//! very same routes (auth, tenancy, validation, idempotency included), and turns the
//! answer back into a SOAP response or fault.

use actix_web::body::{self, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode, Uri};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};
use serde::Deserialize;
use serde_json::Value;

use super::convert::{response_xml, to_rest, to_xml, ConvertErrorKind};
use super::envelope::{self, EnvelopeError, QName, Side, Version};
use super::security::{credential, has_timestamp, response_timestamp, Credential};
use super::{wsdl, xml, Soap};
use crate::clock::{Clock, SystemClock};
use crate::rest::platform::metrics::{RequestId, SoapOperation};
use crate::rest::AppState;
use crate::service::identity::auth::{exchange, exchange_digest, DigestToken};
use stratum_api::ErrorCode;

/// A SOAP fault about to be sent.
struct Fault {
    side: Side,
    code: ErrorCode,
    message: String,
    /// The header blocks a MustUnderstand fault names.
    not_understood: Vec<QName>,
    /// Whether the fault carries a `wsu:Timestamp` (the request's Security header had one).
    timestamp: bool,
}

impl Fault {
    fn new(side: Side, code: ErrorCode, message: impl Into<String>) -> Fault {
        Fault { side, code, message: message.into(), not_understood: Vec::new(), timestamp: false }
    }

    fn client(code: ErrorCode, message: impl Into<String>) -> Fault {
        Fault::new(Side::Client, code, message)
    }

    /// A fault on the side the code's HTTP status names (5xx: the server's).
    fn of(code: ErrorCode, message: impl Into<String>) -> Fault {
        let side = if code.status() >= 500 { Side::Server } else { Side::Client };
        Fault::new(side, code, message)
    }
}

/// What a valid envelope asks for.
struct Call {
    version: Version,
    operation: String,
    method: Method,
    uri: Uri,
    body: Option<Vec<u8>>,
    headers: Vec<(HeaderName, HeaderValue)>,
    /// Whether the response carries a `wsu:Timestamp` (the request's Security header had one).
    timestamp: bool,
}

pub async fn translate<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, BoxBody>>, actix_web::Error> {
    if req.path() != "/soap" || req.method() != Method::POST {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    }
    let (Some(soap), Some(state)) =
        (req.app_data::<web::Data<Soap>>().cloned(), req.app_data::<web::Data<AppState>>().cloned())
    else {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    };
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let hinted = version_hint(&content_type);
    let bytes = match req.extract::<web::Bytes>().await {
        Ok(b) => b,
        Err(e) => {
            let code = if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                ErrorCode::PayloadTooLarge
            } else {
                ErrorCode::InvalidBody
            };
            return Ok(respond_fault(
                req,
                hinted,
                Fault::client(code, format!("the request body could not be read: {e}")),
                &soap,
            ));
        }
    };
    let call = match prepare(&soap, &state, &req, &content_type, &bytes).await {
        Ok(c) => c,
        Err((version, fault)) => return Ok(respond_fault(req, version, fault, &soap)),
    };
    let version = call.version;
    let operation = call.operation.clone();
    let soap_header = security_header(call.timestamp);
    req.extensions_mut().insert(SoapOperation(operation.clone()));
    rewrite(&mut req, call);
    let res = next.call(req).await?;
    Ok(answer(res, version, &soap_header, &operation, &soap).await)
}

async fn prepare(
    soap: &Soap,
    state: &web::Data<AppState>,
    req: &ServiceRequest,
    content_type: &str,
    bytes: &[u8],
) -> Result<Call, (Version, Fault)> {
    let hinted = version_hint(content_type);
    let root = xml::parse(bytes).map_err(|e| (hinted, Fault::client(ErrorCode::InvalidBody, e.to_string())))?;
    let request = envelope::read(&root).map_err(|EnvelopeError { side, message, not_understood }| {
        (hinted, Fault { side, code: ErrorCode::InvalidBody, message, not_understood, timestamp: false })
    })?;
    let version = request.version;
    let timestamp = has_timestamp(&request.headers);
    let fail = |f: Fault| (version, Fault { timestamp, ..f });
    let expected_type = match version {
        Version::V11 => "text/xml",
        Version::V12 => "application/soap+xml",
    };
    if !content_type.to_ascii_lowercase().starts_with(expected_type) {
        return Err(fail(Fault::client(
            ErrorCode::InvalidHeader,
            format!(
                "a SOAP {} envelope needs Content-Type {expected_type}",
                if version == Version::V11 { "1.1" } else { "1.2" }
            ),
        )));
    }
    let op_el = request.operation;
    if op_el.ns.as_deref() != Some(wsdl::NAMESPACE) {
        return Err(fail(Fault::client(
            ErrorCode::InvalidBody,
            format!("the operation element must be in the namespace {}", wsdl::NAMESPACE),
        )));
    }
    let op = soap
        .model
        .operation_named(&op_el.name)
        .ok_or_else(|| fail(Fault::client(ErrorCode::RouteNotFound, format!("no operation `{}`", op_el.name))))?;
    if let Some(action) = requested_action(req, content_type, version) {
        if !action.is_empty() && action != wsdl::soap_action(&op.name) {
            return Err(fail(Fault::client(
                ErrorCode::InvalidHeader,
                format!("the SOAP action `{action}` does not name the operation `{}` in the Body", op.name),
            )));
        }
    }
    let rest = to_rest(&soap.model, op, op_el).map_err(|e| {
        let code = match e.kind {
            ConvertErrorKind::Structure => ErrorCode::InvalidBody,
            ConvertErrorKind::Value => ErrorCode::ValidationFailed,
        };
        fail(Fault::client(code, e.to_string()))
    })?;
    let mut headers = Vec::new();
    for h in &request.headers {
        if h.ns.as_deref() == Some(wsdl::NAMESPACE) {
            if let Some((http, _)) = wsdl::HEADERS.iter().find(|(_, el)| *el == h.name) {
                let value = HeaderValue::from_str(h.text.trim()).map_err(|_| {
                    fail(Fault::client(ErrorCode::InvalidHeader, format!("the {} header is not valid", h.name)))
                })?;
                headers.push((HeaderName::from_static(lower(http)), value));
            }
        }
    }
    let cred = credential(&request.headers).map_err(|m| fail(Fault::client(ErrorCode::Unauthenticated, m)))?;
    if cred.is_none() && op.secured && !req.headers().contains_key(header::AUTHORIZATION) {
        return Err(fail(Fault::client(
            ErrorCode::Unauthenticated,
            "send a WS-Security UsernameToken with the API key as password, or an `Authorization: Bearer <access token>` header",
        )));
    }
    if let Some(cred) = cred {
        let jwt = state.jwt.clone();
        let token = state
            .run(move |cx| match &cred {
                Credential::Key(key) => exchange(cx, &jwt, key),
                Credential::Digest { key_id, nonce, created, digest } => {
                    exchange_digest(cx, &jwt, &DigestToken { key_id, nonce, created, digest })
                }
            })
            .await
            .map_err(|e| fail(Fault::of(e.code, e.detail)))?;
        let bearer = HeaderValue::from_str(&format!("Bearer {}", token.access_token))
            .map_err(|_| fail(Fault::new(Side::Server, ErrorCode::InternalError, "token")))?;
        headers.push((header::AUTHORIZATION, bearer));
    }
    let method = Method::from_bytes(rest.method.as_bytes()).unwrap_or(Method::POST);
    let uri = Uri::try_from(rest.uri.as_str())
        .map_err(|_| fail(Fault::client(ErrorCode::InvalidBody, "a parameter cannot form a valid path")))?;
    let body = rest.body.map(|b| serde_json::to_vec(&b).unwrap_or_default());
    Ok(Call { version, operation: op.name.clone(), method, uri, body, headers, timestamp })
}

/// The answer's header blocks: a `wsu:Timestamp` when the request had one. The wall clock,
/// not a test clock: the client checks the timestamp against its own.
fn security_header(timestamp: bool) -> String {
    if timestamp {
        response_timestamp(SystemClock.now())
    } else {
        String::new()
    }
}

/// The SOAP version the content type suggests, for faults raised before the envelope is read.
fn version_hint(content_type: &str) -> Version {
    if content_type.to_ascii_lowercase().starts_with("application/soap+xml") {
        Version::V12
    } else {
        Version::V11
    }
}

fn lower(http: &'static str) -> &'static str {
    match http {
        "Idempotency-Key" => "idempotency-key",
        "If-Match" => "if-match",
        other => other,
    }
}

/// The action the client named: the SOAPAction header (1.1) or the `action` parameter of
/// the content type (1.2).
fn requested_action(req: &ServiceRequest, content_type: &str, version: Version) -> Option<String> {
    match version {
        Version::V11 => {
            req.headers().get("soapaction").and_then(|v| v.to_str().ok()).map(|v| v.trim().trim_matches('"').to_owned())
        }
        Version::V12 => content_type
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("action="))
            .map(|a| a.trim_matches('"').to_owned())
            .next(),
    }
}

/// Turns the request into the REST request it stands for.
fn rewrite(req: &mut ServiceRequest, call: Call) {
    let head = req.head_mut();
    head.method = call.method;
    head.uri = call.uri.clone();
    head.headers.remove("soapaction");
    head.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    head.headers.remove(header::CONTENT_LENGTH);
    for (name, value) in call.headers {
        head.headers.insert(name, value);
    }
    req.match_info_mut().get_mut().update(&call.uri);
    req.set_payload(Payload::from(web::Bytes::from(call.body.unwrap_or_default())));
}

/// The REST answer as a SOAP response or fault.
async fn answer<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
    version: Version,
    soap_header: &str,
    operation: &str,
    soap: &Soap,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    let status = res.status();
    let replayed = res.headers().get("idempotent-replayed").cloned();
    let etag = res.headers().get(header::ETAG).cloned();
    let (req, response) = res.into_parts();
    let bytes = body::to_bytes(response.into_body()).await.unwrap_or_default();
    let mut json: Value =
        if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap_or(Value::Null) };
    if !status.is_success() {
        with_request_id(&mut json, &req);
    }
    let mut out = if status.is_success() {
        let payload = match soap.model.operation_named(operation) {
            Some(op) => response_xml(&soap.model, op, &json),
            None => format!("<{operation}Response xmlns=\"{}\"/>", wsdl::NAMESPACE),
        };
        HttpResponse::Ok().insert_header((header::CONTENT_TYPE, version.content_type())).body(envelope::wrap(
            version,
            soap_header,
            &payload,
        ))
    } else {
        let side = if status.is_server_error() { Side::Server } else { Side::Client };
        let message = json.get("detail").and_then(Value::as_str).unwrap_or("the call failed").to_owned();
        let code = json.get("code").and_then(|c| ErrorCode::deserialize(c).ok()).unwrap_or(ErrorCode::InternalError);
        fault_response(version, Fault::new(side, code, message), soap_header, Some(&problem_xml(soap, &json)))
    };
    if let Some(v) = replayed {
        out.headers_mut().insert(HeaderName::from_static("idempotent-replayed"), v);
    }
    if let Some(v) = etag {
        out.headers_mut().insert(header::ETAG, v);
    }
    ServiceResponse::new(req, out).map_into_right_body()
}

fn problem_xml(soap: &Soap, problem: &Value) -> String {
    to_xml(&soap.model, "StratumFault", soap.model.complex("Problem").unwrap_or(&[]), problem)
}

/// The fault envelope of `fault` (its problem document is `detail`), after the
/// `soap_header` blocks.
fn fault_response(version: Version, fault: Fault, soap_header: &str, detail: Option<&str>) -> HttpResponse {
    let status =
        StatusCode::from_u16(envelope::fault_status(version, fault.side)).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = HttpResponse::build(status);
    res.insert_header((header::CONTENT_TYPE, version.content_type()));
    if fault.code == ErrorCode::DatabaseBusy {
        res.insert_header((header::RETRY_AFTER, crate::rest::problem::BUSY_RETRY_AFTER_SECONDS));
    }
    res.body(envelope::fault(version, soap_header, fault.side, &fault.message, detail, &fault.not_understood))
}

fn respond_fault<B>(
    req: ServiceRequest,
    version: Version,
    fault: Fault,
    soap: &Soap,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    let mut problem =
        serde_json::to_value(stratum_api::Problem::new(fault.code, fault.message.clone())).unwrap_or(Value::Null);
    with_request_id(&mut problem, req.request());
    let detail = problem_xml(soap, &problem);
    let soap_header = security_header(fault.timestamp);
    let res = fault_response(version, fault, &soap_header, Some(&detail));
    req.into_response(res).map_into_right_body()
}

/// Adds the id the request got from the metrics middleware to a problem document.
fn with_request_id(problem: &mut Value, req: &actix_web::HttpRequest) {
    if let (Some(obj), Some(rid)) = (problem.as_object_mut(), req.extensions().get::<RequestId>()) {
        obj.insert("request_id".into(), Value::String(rid.0.clone()));
    }
}
