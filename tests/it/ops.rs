//! Operational endpoints, the served contract and request ids.

use std::collections::HashSet;

use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{fake_id_like, first_difference, Resp, TestServer};

#[test]
fn health_and_readiness() {
    let srv = TestServer::start();
    assert_eq!(srv.get("/healthz", "").expect(200), &json!({"status": "ok"}));
    assert_eq!(srv.get("/readyz", "").expect(200), &json!({"status": "ready"}));
}

#[test]
fn metrics_count_http_requests() {
    let srv = TestServer::start();
    srv.get("/healthz", "").expect(200);
    srv.get("/api/v1/accounts", "").expect(401);
    let r = srv.get("/metrics", "");
    r.expect(200);
    let ct = r.header("content-type").unwrap_or("");
    assert!(ct.starts_with("text/plain"), "content-type {ct}");
    assert!(r.text.contains("stratum_http_requests_total"), "{}", r.text);
}

fn normalize(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

fn served_spec(srv: &TestServer) -> Value {
    let r = srv.get("/openapi.json", "");
    let spec = r.expect(200).clone();
    let version = spec["openapi"].as_str().unwrap_or("");
    assert!(version.starts_with("3.1"), "openapi {version:?}");
    spec
}

#[test]
fn the_openapi_document_lists_every_operation() {
    let srv = TestServer::start();
    let spec = served_spec(&srv);
    let paths: HashSet<String> = spec["paths"].as_object().expect("paths").keys().map(|p| normalize(p)).collect();
    let ops: HashSet<String> = spec["paths"]
        .as_object()
        .expect("paths")
        .values()
        .filter_map(Value::as_object)
        .flat_map(|item| item.values())
        .filter_map(|op| op["operationId"].as_str().map(str::to_string))
        .collect();
    for p in [
        "/api/v1/auth/token",
        "/api/v1/accounts",
        "/api/v1/accounts/{}",
        "/api/v1/accounts/{}/hold",
        "/api/v1/accounts/{}/release-hold",
        "/api/v1/accounts/{}/suspend",
        "/api/v1/accounts/{}/reactivate",
        "/api/v1/accounts/{}/cancel",
        "/api/v1/users",
        "/api/v1/users/{}",
        "/api/v1/roles",
        "/api/v1/roles/{}",
        "/api/v1/permissions",
        "/api/v1/api-keys",
        "/api/v1/api-keys/{}",
        "/api/v1/api-keys/{}/revoke",
        "/api/v1/event-types",
        "/api/v1/events",
        "/api/v1/events/{}",
    ] {
        assert!(paths.contains(p), "{p} missing from the spec: {paths:?}");
    }
    for op in [
        "AuthTokenCreate",
        "AccountCreate",
        "AccountList",
        "AccountGet",
        "AccountUpdate",
        "AccountHoldPlace",
        "AccountHoldRelease",
        "AccountSuspend",
        "AccountReactivate",
        "AccountCancel",
        "UserCreate",
        "UserList",
        "UserGet",
        "UserUpdate",
        "UserRemove",
        "RoleCreate",
        "RoleList",
        "RoleGet",
        "RoleUpdate",
        "RoleDelete",
        "PermissionList",
        "ApiKeyCreate",
        "ApiKeyList",
        "ApiKeyGet",
        "ApiKeyRevoke",
        "EventTypeList",
        "EventList",
        "EventGet",
    ] {
        assert!(ops.contains(op), "operationId {op} missing from the spec: {ops:?}");
    }
}

#[test]
fn the_served_spec_is_the_committed_contract() {
    let srv = TestServer::start();
    let spec = served_spec(&srv);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json");
    let committed =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("the committed contract {path} is missing: {e}"));
    let committed: Value = serde_json::from_str(&committed).expect("openapi.json is JSON");
    let diff = first_difference(&committed, &spec, String::new());
    assert!(diff.is_none(), "{path} differs from the served /openapi.json at (committed vs served) {diff:?}");
}

#[test]
fn the_reference_page_is_html() {
    let srv = TestServer::start();
    let r = srv.get("/docs", "");
    r.expect(200);
    let ct = r.header("content-type").unwrap_or("");
    assert!(ct.starts_with("text/html"), "content-type {ct}");
    assert!(r.text.to_lowercase().contains("<html"), "{}", r.text);
}

#[test]
fn every_response_carries_a_request_id() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider_id = srv.provider_id(&tok);
    let missing = format!("/api/v1/accounts/{}", fake_id_like(&provider_id));
    let responses: Vec<Resp> = vec![
        srv.get("/healthz", ""),
        srv.get("/readyz", ""),
        srv.get("/metrics", ""),
        srv.get("/openapi.json", ""),
        srv.get("/docs", ""),
        srv.get("/api/v1/accounts", &tok),
        srv.post("/api/v1/accounts", &tok, &json!({"kind": "customer", "name": "Rid"})),
        srv.get("/api/v1/accounts", ""),
        srv.get(&missing, &tok),
        srv.post("/api/v1/accounts", &tok, &json!({"kind": "customer", "name": ""})),
        srv.post("/api/v1/auth/token", "", &json!({"api_key": "stk_wrong"})),
        srv.get("/api/v1/no-such-route", &tok),
        srv.call(Method::POST, "/api/v1/accounts").bearer(&tok).raw(None, "{").send(),
    ];
    let mut seen = HashSet::new();
    for r in &responses {
        let rid = r.header("x-request-id").unwrap_or("");
        assert!(!rid.is_empty(), "{} ({}) has no x-request-id", r.desc, r.status);
        assert!(seen.insert(rid.to_string()), "{}: request id {rid} reused", r.desc);
        if r.status >= 400 {
            r.assert_problem_shape();
            assert_eq!(r.body["request_id"], rid, "{}: problem request_id", r.desc);
        }
    }
    let expected = [200, 200, 200, 200, 200, 200, 201, 401, 404, 422, 401, 404, 400];
    let got: Vec<u16> = responses.iter().map(|r| r.status).collect();
    assert_eq!(got, expected, "{responses:#?}");
    responses[11].problem(404, "route_not_found");
    srv.get("/no-such-page", "").problem(404, "route_not_found");
}

/// Logs written to a pipe (a file, journald, a log shipper) carry no terminal colour codes.
#[test]
fn logs_to_a_pipe_have_no_colour_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stratum"))
        .arg("migrate")
        .env("STRATUM_DATABASE_URL", dir.path().join("logs.db"))
        .env("STRATUM_LOG_LEVEL", "info")
        .env("STRATUM_LOG_FORMAT", "text")
        .output()
        .expect("stratum migrate runs");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("migrations applied"), "an info line is logged: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "no ANSI escape in piped logs: {stderr:?}");
}
