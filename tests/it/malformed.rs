//! Malformed requests (docs/api.md "Errors"): 400 `invalid_body` for what cannot be
//! read, 422 `validation_failed` naming the field for broken rules, and nothing written.

use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{fake_id_like, ids, TestServer};

const JSON: Option<&str> = Some("application/json");
const BODY_400: &[(u16, &str)] = &[(400, "invalid_body")];

/// One malformed request: what it is, its content type and bytes, the accepted
/// (status, code) answers and, for a 422, the field the errors must name.
struct Case {
    what: &'static str,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    expect: &'static [(u16, &'static str)],
    field: &'static str,
    err_code: &'static str,
}

fn case(what: &'static str, body: &str, expect: &'static [(u16, &'static str)]) -> Case {
    Case { what, content_type: JSON, body: body.as_bytes().to_vec(), expect, field: "", err_code: "" }
}

fn json_case(what: &'static str, body: Value, expect: &'static [(u16, &'static str)]) -> Case {
    case(what, &body.to_string(), expect)
}

/// 422 naming `field`, or (where the contract allows reading it as a type error) 400.
fn rule(what: &'static str, body: Value, field: &'static str, or_400: bool) -> Case {
    let expect: &'static [(u16, &str)] =
        if or_400 { &[(422, "validation_failed"), (400, "invalid_body")] } else { &[(422, "validation_failed")] };
    Case { field, ..json_case(what, body, expect) }
}

/// 422 with an error of code `err_code` on `field` (docs/errors.md).
fn rule_code(what: &'static str, body: Value, field: &'static str, err_code: &'static str) -> Case {
    Case { err_code, ..rule(what, body, field, false) }
}

fn snapshot(srv: &TestServer, provider: &str) -> Vec<Vec<String>> {
    ["accounts", "users", "roles", "api-keys", "events"]
        .iter()
        .map(|what| ids(&srv.list_all(&format!("/api/v1/{what}?limit=500"), provider)))
        .collect()
}

/// Runs every case and returns the failures (all of them, not only the first).
fn run(srv: &TestServer, tok: &str, path: &str, cases: Vec<Case>) -> Vec<String> {
    let mut failures = Vec::new();
    for c in cases {
        let what = c.what;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(srv, tok, path, c)));
        if let Err(e) = outcome {
            let msg = e.downcast_ref::<String>().cloned().unwrap_or_else(|| format!("{what}: see the panic above"));
            failures.push(msg);
        }
    }
    failures
}

fn check(srv: &TestServer, tok: &str, path: &str, c: Case) {
    {
        let r = srv.call(Method::POST, path).bearer(tok).raw(c.content_type, c.body).send();
        assert!(
            c.expect.iter().any(|(s, code)| *s == r.status && *code == r.code()),
            "POST {path} with {}: expected one of {:?}, got {} {}",
            c.what,
            c.expect,
            r.status,
            r.text
        );
        r.assert_problem_shape();
        if r.status == 422 && !c.field.is_empty() {
            r.validation(c.field);
        }
        if !c.err_code.is_empty() {
            r.validation_code(c.field, c.err_code);
        }
        if r.status == 400 {
            let detail = r.body["detail"].as_str().unwrap_or("");
            assert!(!detail.is_empty(), "{}: 400 without detail: {}", c.what, r.text);
        }
    }
}

fn account_cases(missing_parent: &str) -> Vec<Case> {
    let ok = || json!({"kind": "customer", "name": "Valid"});
    let with = |k: &str, v: Value| {
        let mut b = ok();
        b[k] = v;
        b
    };
    let without = |k: &str| {
        let mut b = ok();
        b.as_object_mut().expect("object").remove(k);
        b
    };
    let addr = |extra: Value| {
        let mut a = json!({"line1": "1 Main St", "city": "Berlin", "postal_code": "10115", "country": "DE"});
        for (k, v) in extra.as_object().expect("object") {
            a[k] = v.clone();
        }
        with("address", a)
    };
    let reseller = |tier: &str| json!({"kind": "reseller", "name": "R", "reseller_tier": tier});
    let either = true;
    vec![
        case("invalid JSON", r#"{"kind": "customer", "name": "#, BODY_400),
        case("an empty body", "", BODY_400),
        case("a JSON array", r#"[{"kind": "customer", "name": "A"}]"#, BODY_400),
        case("JSON null", "null", BODY_400),
        case("a JSON string", r#""customer""#, BODY_400),
        case("trailing garbage", r#"{"kind": "customer", "name": "A"} xyz"#, BODY_400),
        case("a second document", r#"{"kind": "customer", "name": "A"}{}"#, BODY_400),
        Case { content_type: Some("text/plain"), ..json_case("text/plain", ok(), BODY_400) },
        Case { content_type: None, ..json_case("no content type", ok(), BODY_400) },
        Case {
            content_type: Some("application/x-www-form-urlencoded"),
            ..case("a form", "kind=customer&name=A", BODY_400)
        },
        Case {
            body: b"{\"kind\": \"customer\", \"name\": \"\xff\xfe\"}".to_vec(),
            ..case("invalid UTF-8", "", BODY_400)
        },
        json_case("an unknown field", with("colour", json!("red")), BODY_400),
        json_case("an unknown address field", addr(json!({"planet": "Mars"})), BODY_400),
        json_case("name as a number", with("name", json!(42)), BODY_400),
        json_case("phone as an object", with("phone", json!({"n": 1})), BODY_400),
        json_case("address as a string", with("address", json!("1 Main St")), BODY_400),
        json_case("metadata as an array", with("metadata", json!(["a"])), BODY_400),
        rule("name null", with("name", Value::Null), "name", either),
        rule_code("no name", without("name"), "name", "required"),
        rule("an empty name", with("name", json!("")), "name", false),
        rule_code("a 300-character name", with("name", json!("n".repeat(300))), "name", "too_long"),
        rule("no kind", without("kind"), "kind", either),
        rule("kind provider", with("kind", json!("provider")), "kind", either),
        rule("kind bogus", with("kind", json!("bogus")), "kind", either),
        rule_code("a tier on a customer", with("reseller_tier", json!("advanced")), "reseller_tier", "not_allowed"),
        rule("tier platinum", reseller("platinum"), "reseller_tier", either),
        rule_code("an invalid email", with("email", json!("not-an-email")), "email", "invalid_format"),
        rule_code("country Germany", addr(json!({"country": "Germany"})), "address.country", "invalid_format"),
        rule("a metadata value not a string", with("metadata", json!({"crm_id": 42})), "metadata", either),
        json_case("a parent that does not exist", with("parent_id", json!(missing_parent)), &[(404, "not_found")]),
    ]
}

#[test]
fn malformed_account_bodies_are_refused_and_write_nothing() {
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let missing = fake_id_like(&srv.provider_id(&provider));
    let cases = account_cases(&missing);
    assert!(cases.len() >= 20);
    let before = snapshot(&srv, &provider);
    let failures = run(&srv, &provider, "/api/v1/accounts", cases);
    assert_eq!(snapshot(&srv, &provider), before, "a refused request wrote");
    assert!(failures.is_empty(), "{} cases failed:\n{}", failures.len(), failures.join("\n"));
    // Control: the body the cases were derived from is valid.
    srv.create_account(&provider, &json!({"kind": "customer", "name": "Valid"}));
}

#[test]
fn a_body_over_the_size_limit_is_refused() {
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let before = snapshot(&srv, &provider);
    // Valid JSON that would create an account if the size were not checked.
    let body = format!(r#"{{"kind": "customer", "name": "Big"{}}}"#, " ".repeat(2 << 20));
    let r = srv.call(Method::POST, "/api/v1/accounts").bearer(&provider).raw(JSON, body).send();
    r.problem(413, "payload_too_large");
    assert_eq!(snapshot(&srv, &provider), before, "an oversized request wrote");
}

#[test]
fn malformed_user_key_and_role_bodies_are_refused_and_write_nothing() {
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let missing = fake_id_like(&srv.provider_id(&provider));
    let before = snapshot(&srv, &provider);
    let user = || json!({"email": "a@b.example", "name": "A", "role": "read_only"});
    let with = |mut b: Value, k: &str, v: Value| {
        b[k] = v;
        b
    };
    let either = true;
    let mut failures = run(
        &srv,
        &provider,
        "/api/v1/users",
        vec![
            case("an empty body", "", BODY_400),
            case("invalid JSON", "{\"email\":", BODY_400),
            json_case("an unknown field", with(user(), "admin", json!(true)), BODY_400),
            json_case("name as a number", with(user(), "name", json!(7)), BODY_400),
            rule_code("an invalid email", with(user(), "email", json!("nope")), "email", "invalid_format"),
            rule_code("no email", json!({"name": "A", "role": "read_only"}), "email", "required"),
            json_case("a status (not settable on create)", with(user(), "status", json!("active")), BODY_400),
            rule_code("an unknown role", with(user(), "role", json!("no_such_role")), "role", "unknown_role"),
            json_case("an unknown account", with(user(), "account_id", json!(missing)), &[(404, "not_found")]),
        ],
    );
    failures.extend(run(
        &srv,
        &provider,
        "/api/v1/api-keys",
        vec![
            case("an empty body", "", BODY_400),
            case("a JSON array", "[]", BODY_400),
            json_case("an unknown field", json!({"role": "read_only", "scopes": []}), BODY_400),
            json_case("role as a number", json!({"role": 3}), BODY_400),
            rule("no role", json!({"name": "k"}), "role", either),
            rule_code("an unknown role", json!({"role": "no_such_role"}), "role", "unknown_role"),
        ],
    ));
    let role = || json!({"name": "r", "permissions": ["accounts.read"]});
    failures.extend(run(
        &srv,
        &provider,
        "/api/v1/roles",
        vec![
            case("trailing garbage", r#"{"name": "r", "permissions": []} !"#, BODY_400),
            json_case("an unknown field", with(role(), "built_in", json!(true)), BODY_400),
            json_case("permissions as a string", with(role(), "permissions", json!("accounts.read")), BODY_400),
            rule_code(
                "an unknown permission",
                with(role(), "permissions", json!(["accounts.fly"])),
                "permissions",
                "unknown_permission",
            ),
            rule("an empty name", with(role(), "name", json!("")), "name", false),
            rule("no name", json!({"permissions": ["accounts.read"]}), "name", either),
        ],
    ));
    assert_eq!(snapshot(&srv, &provider), before, "a refused request wrote");
    assert!(failures.is_empty(), "{} cases failed:\n{}", failures.len(), failures.join("\n"));
}
