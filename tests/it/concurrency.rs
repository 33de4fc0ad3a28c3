//! Optimistic concurrency (docs/api.md "Optimistic concurrency"): `ETag` on GET,
//! `If-Match` on PATCH and DELETE, 412 `version_mismatch` changing nothing.

use std::sync::Barrier;

use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{id_of, Resp, TestServer};

fn if_match(srv: &TestServer, m: Method, path: &str, tok: &str, tag: &str, body: Option<&Value>) -> Resp {
    let call = srv.call(m, path).bearer(tok).header("if-match", tag);
    match body {
        Some(b) => call.json(b).send(),
        None => call.send(),
    }
}

/// GET answers `ETag: "<version>"` and returns the object.
fn get_tagged(srv: &TestServer, path: &str, tok: &str) -> Value {
    let r = srv.get(path, tok);
    let obj = r.expect(200).clone();
    let version = obj["version"].as_i64().expect("version is an integer");
    assert_eq!(r.header("etag"), Some(format!("\"{version}\"").as_str()), "{path}");
    obj
}

fn count_events(srv: &TestServer, tok: &str, ty: &str, id: &str) -> usize {
    srv.list_all(&format!("/api/v1/events?type={ty}&object_id={id}"), tok).len()
}

#[test]
fn if_match_on_account_updates() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = srv.new_account(&tok, "customer", None, "Version 1");
    let path = format!("/api/v1/accounts/{id}");
    assert_eq!(get_tagged(&srv, &path, &tok)["version"], 1);

    let r = if_match(&srv, Method::PATCH, &path, &tok, "\"1\"", Some(&json!({"name": "Version 2"})));
    let updated = r.expect(200).clone();
    assert_eq!((updated["version"].clone(), updated["name"].clone()), (json!(2), json!("Version 2")));
    assert_eq!(get_tagged(&srv, &path, &tok)["version"], 2);

    for stale in ["\"1\"", "\"3\"", "\"0\""] {
        let body = json!({"name": "stale", "email": "stale@x.example"});
        let r = if_match(&srv, Method::PATCH, &path, &tok, stale, Some(&body));
        r.problem(412, "version_mismatch");
        assert_eq!(r.header("etag"), Some("\"2\""), "a 412 carries the current ETag");
    }
    for malformed in ["abc", "\"", "1,2"] {
        let body = json!({"name": "malformed"});
        if_match(&srv, Method::PATCH, &path, &tok, malformed, Some(&body))
            .problem_one_of(&[(400, "invalid_header"), (412, "version_mismatch")]);
    }
    let acc = get_tagged(&srv, &path, &tok);
    assert_eq!((acc["version"].clone(), acc["name"].clone()), (json!(2), json!("Version 2")));
    assert!(acc["email"].is_null(), "{acc}");
    assert_eq!(count_events(&srv, &tok, "account.updated", &id), 1);

    // Without If-Match the write applies to the current version.
    let r = srv.patch(&path, &tok, &json!({"name": "Version 3"}));
    assert_eq!(r.expect(200)["version"], 3);
    assert_eq!(get_tagged(&srv, &path, &tok)["version"], 3);
    assert_eq!(count_events(&srv, &tok, "account.updated", &id), 2);
}

#[test]
fn if_match_on_users_and_roles() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let body = json!({"email": "v@v.example", "name": "V", "role": "read_only"});
    let user = id_of(srv.post("/api/v1/users", &tok, &body).expect(201));
    let upath = format!("/api/v1/users/{user}");
    assert_eq!(get_tagged(&srv, &upath, &tok)["version"], 1);
    if_match(&srv, Method::PATCH, &upath, &tok, "\"0\"", Some(&json!({"name": "W"}))).problem(412, "version_mismatch");
    if_match(&srv, Method::DELETE, &upath, &tok, "\"2\"", None).problem(412, "version_mismatch");
    let u = get_tagged(&srv, &upath, &tok);
    assert_eq!((u["version"].clone(), u["name"].clone()), (json!(1), json!("V")));
    let r = if_match(&srv, Method::PATCH, &upath, &tok, "\"1\"", Some(&json!({"name": "W"})));
    assert_eq!(r.expect(200)["version"], 2);
    if_match(&srv, Method::DELETE, &upath, &tok, "\"1\"", None).problem(412, "version_mismatch");
    srv.get(&upath, &tok).expect(200);
    assert_eq!(count_events(&srv, &tok, "user.removed", &user), 0);
    if_match(&srv, Method::DELETE, &upath, &tok, "\"2\"", None).expect(204);
    srv.get(&upath, &tok).problem(404, "not_found");
    assert_eq!(count_events(&srv, &tok, "user.removed", &user), 1);

    let body = json!({"name": "versioned", "permissions": ["accounts.read"]});
    let role = id_of(srv.post("/api/v1/roles", &tok, &body).expect(201));
    let rpath = format!("/api/v1/roles/{role}");
    assert_eq!(get_tagged(&srv, &rpath, &tok)["version"], 1);
    let grow = json!({"permissions": ["accounts.read", "users.read"]});
    if_match(&srv, Method::PATCH, &rpath, &tok, "\"9\"", Some(&grow)).problem(412, "version_mismatch");
    if_match(&srv, Method::DELETE, &rpath, &tok, "\"9\"", None).problem(412, "version_mismatch");
    let r = get_tagged(&srv, &rpath, &tok);
    assert_eq!(r["permissions"], json!(["accounts.read"]), "{r}");
    let r = if_match(&srv, Method::PATCH, &rpath, &tok, "\"1\"", Some(&grow));
    assert_eq!(r.expect(200)["version"], 2);
    if_match(&srv, Method::DELETE, &rpath, &tok, "\"2\"", None).expect(204);
    srv.get(&rpath, &tok).problem(404, "not_found");
}

#[test]
fn concurrent_writers_of_one_version_exactly_one_wins() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = srv.new_account(&tok, "customer", None, "Contended");
    let path = format!("/api/v1/accounts/{id}");
    const WRITERS: usize = 8;
    let barrier = Barrier::new(WRITERS);
    let results: Vec<(usize, Resp)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|i| {
                let (srv, tok, path, barrier) = (&srv, &tok, &path, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    let body = json!({"name": format!("writer {i}")});
                    (i, if_match(srv, Method::PATCH, path, tok, "\"1\"", Some(&body)))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("writer thread")).collect()
    });
    let winners: Vec<usize> = results.iter().filter(|(_, r)| r.status == 200).map(|(i, _)| *i).collect();
    assert_eq!(winners.len(), 1, "exactly one writer wins: {results:?}");
    for (_, r) in results.iter().filter(|(_, r)| r.status != 200) {
        r.problem(412, "version_mismatch");
        // A writer that read version 1 and lost the race is told the version stored now
        // (re-read in its own transaction on PostgreSQL), not its own.
        assert_eq!(r.header("etag"), Some("\"2\""), "a lost race carries the stored ETag: {r:?}");
    }
    let acc = get_tagged(&srv, &path, &tok);
    assert_eq!(acc["version"], 2, "{acc}");
    assert_eq!(acc["name"], format!("writer {}", winners[0]));
    assert_eq!(count_events(&srv, &tok, "account.updated", &id), 1);
}
