//! Where the server meets its contract (tests/contract/run.sh fuzzes the rest): a method a
//! path does not declare answers 405 with `Allow`, an empty cursor is the first page, a
//! number such as `24.0` is an integer, and `If-Match` takes exactly the ETag forms the
//! schema's pattern allows.

use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{id_of, method, TestServer};

#[test]
fn an_undeclared_method_on_a_known_path_is_405_with_allow() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = srv.new_account(&tok, "customer", None, "Allow");
    let cases = [
        ("TRACE", "/api/v1/accounts".to_owned(), "GET, POST"),
        ("DELETE", format!("/api/v1/accounts/{id}"), "GET, PATCH"),
        ("PUT", format!("/api/v1/accounts/{id}/suspend"), "POST"),
        ("GET", "/api/v1/auth/token".to_owned(), "POST"),
        ("TRACE", "/api/v1/test-clock/advance".to_owned(), "POST"),
    ];
    for (m, path, allow) in cases {
        let r = srv.call(method(m), &path).bearer(&tok).send();
        r.problem(405, "method_not_allowed");
        assert_eq!(r.header("allow"), Some(allow), "{m} {path}");
        assert!(r.header("content-type").is_some_and(|ct| ct.starts_with("application/problem+json")), "{m} {path}");
    }
    // Unknown paths stay 404, whatever the method; a declared method is not touched.
    for (m, path) in [("TRACE", "/api/v1/no-such-route"), ("GET", "/api/v1/accounts/x/y/z"), ("POST", "/healthz/x")] {
        let r = srv.call(method(m), path).bearer(&tok).send();
        r.problem(404, "route_not_found");
        assert_eq!(r.header("allow"), None, "{m} {path}");
    }
    srv.get(&format!("/api/v1/accounts/{id}"), &tok).expect(200);
}

#[test]
fn an_empty_cursor_is_the_first_page() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    for name in ["One", "Two", "Three"] {
        srv.new_account(&tok, "customer", None, name);
    }
    let first = srv.get("/api/v1/accounts?limit=2", &tok).expect(200).clone();
    let empty = srv.get("/api/v1/accounts?limit=2&cursor=", &tok).expect(200).clone();
    assert_eq!(empty["data"], first["data"], "the same page");
    assert_eq!(empty["next_cursor"], first["next_cursor"]);
    assert!(first["next_cursor"].is_string(), "{first}");
    // A cursor the API did not issue is still refused.
    srv.get("/api/v1/accounts?cursor=bm9wZQ", &tok).problem(400, "invalid_query");
}

#[test]
fn an_integral_number_with_a_fraction_is_an_integer() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let body = json!({"url": "https://scripts.example.com/hook", "event_types": ["account.*"],
        "max_attempts": 3.0, "timeout_seconds": 20.0});
    let r = srv.post("/api/v1/script-actions", &tok, &body);
    let a = r.expect(201)["script_action"].clone();
    assert_eq!((a["max_attempts"].clone(), a["timeout_seconds"].clone()), (json!(3), json!(20)), "{a}");
    // A fraction is still not an integer, and the range still holds.
    for (field, value) in [("max_attempts", json!(3.5)), ("timeout_seconds", json!(1e300))] {
        let mut b = body.clone();
        b[field] = value;
        srv.post("/api/v1/script-actions", &tok, &b).problem(400, "invalid_body");
    }
    let mut b = body.clone();
    b["max_attempts"] = json!(11.0);
    srv.post("/api/v1/script-actions", &tok, &b).problem(422, "validation_failed");
    let path = format!("/api/v1/script-actions/{}", id_of(&a));
    let r = srv.call(Method::PATCH, &path).bearer(&tok).json(&json!({"max_attempts": 4.0})).send();
    assert_eq!(r.expect(200)["max_attempts"], json!(4));
}

#[test]
fn if_match_takes_exactly_the_forms_of_the_contract() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = srv.new_account(&tok, "customer", None, "Etag");
    let path = format!("/api/v1/accounts/{id}");
    let patch = |tag: &str, name: &str| {
        srv.call(Method::PATCH, &path).bearer(&tok).header("If-Match", tag).json(&json!({"name": name})).send()
    };
    assert_eq!(patch("\"1\"", "v2").expect(200)["version"], 2);
    assert_eq!(patch("W/\"2\"", "v3").expect(200)["version"], 3);
    assert_eq!(patch("*", "v4").expect(200)["version"], 4);
    assert_eq!(patch("4", "v5").expect(200)["version"], 5, "the bare version, as before");
    for bad in ["W/5", "\"-5\"", "\"+5\"", "W/W/\"5\"", "\"\"5\"\"", "\"5", "-5"] {
        patch(bad, "refused").problem(400, "invalid_header");
    }
    let acc: Value = srv.get(&path, &tok).expect(200).clone();
    assert_eq!((acc["version"].clone(), acc["name"].clone()), (json!(5), json!("v5")));
}
