//! `Idempotency-Key` on POST (docs/api.md "Idempotency").

use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{id_of, ids, random_alnum, Resp, TestServer};

fn post_with_key(srv: &TestServer, tok: &str, path: &str, key: &str, body: &Value) -> Resp {
    srv.call(Method::POST, path).bearer(tok).header("idempotency-key", key).json(body).send()
}

fn replayed(r: &Resp) -> bool {
    r.header("idempotent-replayed").is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

fn accounts_named(srv: &TestServer, tok: &str, name: &str) -> Vec<String> {
    let all = srv.list_all("/api/v1/accounts?limit=500", tok);
    ids(&all.into_iter().filter(|a| a["name"] == name).collect::<Vec<_>>())
}

fn created_events(srv: &TestServer, tok: &str, id: &str) -> usize {
    let path = format!("/api/v1/events?type=account.created&object_id={id}");
    srv.list_all(&path, tok).len()
}

#[test]
fn same_key_and_body_replay_the_stored_answer() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let key = random_alnum(24);
    let body = json!({"kind": "customer", "name": "Idem A"});
    let first = post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body);
    let created = first.expect(201).clone();
    assert!(!replayed(&first), "the first answer is not a replay");
    let id = id_of(&created);

    for _ in 0..2 {
        let again = post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body);
        assert_eq!(again.expect(201), &created, "replay answers the stored body");
        assert!(replayed(&again), "Idempotent-Replayed: true missing: {:?}", again.headers);
    }
    assert_eq!(accounts_named(&srv, &tok, "Idem A"), vec![id.clone()]);
    assert_eq!(created_events(&srv, &tok, &id), 1);

    // The stored answer is replayed even after the account has changed.
    srv.patch(&format!("/api/v1/accounts/{id}"), &tok, &json!({"name": "Idem A2"})).expect(200);
    let again = post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body);
    assert_eq!(again.expect(201), &created);
    assert!(replayed(&again));
    assert!(accounts_named(&srv, &tok, "Idem A").is_empty());
}

#[test]
fn same_key_with_another_request_is_422_idempotency_key_reused() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let key = random_alnum(24);
    let body = json!({"kind": "customer", "name": "Idem B"});
    post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body).expect(201);
    let accounts = srv.account_ids(&tok);
    let events = srv.event_ids(&tok);

    let other = json!({"kind": "customer", "name": "Idem B other"});
    post_with_key(&srv, &tok, "/api/v1/accounts", &key, &other).problem(422, "idempotency_key_reused");
    let reseller = json!({"kind": "reseller", "name": "Idem B"});
    post_with_key(&srv, &tok, "/api/v1/accounts", &key, &reseller).problem(422, "idempotency_key_reused");
    let user = json!({"email": "idem@b.example", "name": "B", "role": "read_only"});
    post_with_key(&srv, &tok, "/api/v1/users", &key, &user).problem(422, "idempotency_key_reused");

    assert_eq!(srv.account_ids(&tok), accounts);
    assert_eq!(srv.event_ids(&tok), events);
    assert!(srv.list_all("/api/v1/users", &tok).iter().all(|u| u["email"] != "idem@b.example"));
}

#[test]
fn keys_are_scoped_per_api_key() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider_id = srv.provider_id(&tok);
    let other = srv.token_as(&tok, &provider_id, "admin");
    let key = random_alnum(24);
    let body = json!({"kind": "customer", "name": "Idem C"});
    let a = post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body);
    let b = post_with_key(&srv, &other, "/api/v1/accounts", &key, &body);
    assert_ne!(id_of(a.expect(201)), id_of(b.expect(201)), "another API key runs anew");
    assert!(!replayed(&b));
    assert_eq!(accounts_named(&srv, &tok, "Idem C").len(), 2);
}

#[test]
fn a_failed_request_stores_nothing() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let key = random_alnum(24);
    let path = "/api/v1/accounts";
    post_with_key(&srv, &tok, path, &key, &json!({"kind": "customer", "name": ""})).problem(422, "validation_failed");
    let body = json!({"kind": "customer", "name": "Idem D"});
    let first = post_with_key(&srv, &tok, path, &key, &body);
    let created = first.expect(201).clone();
    assert!(!replayed(&first), "the failed attempt was stored");
    let again = post_with_key(&srv, &tok, path, &key, &body);
    assert_eq!(again.expect(201), &created);
    assert!(replayed(&again));

    // The same with a request refused by the state of the tree.
    let key = random_alnum(24);
    let id = id_of(&created);
    let orphan = json!({"kind": "customer", "name": "Idem E", "parent_id": id});
    post_with_key(&srv, &tok, path, &key, &orphan).problem(422, "parent_cannot_have_children");
    let body = json!({"kind": "customer", "name": "Idem E"});
    let r = post_with_key(&srv, &tok, path, &key, &body);
    r.expect(201);
    assert!(!replayed(&r));
}

#[test]
fn account_actions_replay_too() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = srv.new_account(&tok, "customer", None, "Idem F");
    let key = random_alnum(24);
    let path = format!("/api/v1/accounts/{id}/suspend");
    let body = json!({"reason": "unpaid"});
    let first = post_with_key(&srv, &tok, &path, &key, &body);
    let suspended = first.expect(200).clone();
    assert_eq!(suspended["status"], "suspended", "{suspended}");
    let again = post_with_key(&srv, &tok, &path, &key, &body);
    assert_eq!(again.expect(200), &suspended);
    assert!(replayed(&again));
    let acc = srv.get(&format!("/api/v1/accounts/{id}"), &tok).expect(200).clone();
    assert_eq!(acc["version"], 2, "{acc}");
    let evs = srv.list_all(&format!("/api/v1/events?type=account.suspended&object_id={id}"), &tok);
    assert_eq!(evs.len(), 1, "{evs:?}");
}

#[test]
fn an_invalid_idempotency_key_is_refused() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let accounts = srv.account_ids(&tok);
    let body = json!({"kind": "customer", "name": "Idem G"});
    for key in [String::new(), "k".repeat(256)] {
        let r =
            srv.call(Method::POST, "/api/v1/accounts").bearer(&tok).header("idempotency-key", &key).json(&body).send();
        r.problem(400, "invalid_header");
    }
    assert_eq!(srv.account_ids(&tok), accounts);
    // 255 printable characters are fine.
    let key = "~".repeat(255);
    post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body).expect(201);
}

/// The periodic job forgets stored answers after their 24 hours: its task is visible, runs
/// on the test clock, and reports what it deleted; the key then starts a new request.
#[test]
fn a_periodic_task_purges_answers_older_than_a_day() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let tok = srv.provider_token();
    let kind = "maintenance.idempotency_keys.purge";
    let tasks = srv.list_all(&format!("/api/v1/tasks?kind={kind}"), &tok);
    assert_eq!(tasks.len(), 1, "one task per periodic job: {tasks:?}");
    let task_path = format!("/api/v1/tasks/{}", id_of(&tasks[0]));
    assert_eq!(tasks[0]["payload"]["every_seconds"], 3600);
    let key = random_alnum(24);
    let body = json!({"kind": "customer", "name": "Idem purge"});
    let first = post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body).expect(201).clone();
    // The job already ran at start (nothing old to delete) and waits an hour.
    let waited = |deleted: i64| {
        for _ in 0..250 {
            let t = srv.get(&task_path, &tok).expect(200).clone();
            if t["result"]["deleted"] == deleted && t["status"] == "queued" {
                return t;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("the purge task never reported {deleted} deleted: {:?}", srv.get(&task_path, &tok).expect(200));
    };
    waited(0);
    srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 25 * 3600})).expect(200);
    let tok = srv.provider_token(); // the clock moved past the token's expiry
    let after = waited(1);
    assert!(after["run_at"].as_str() > tasks[0]["run_at"].as_str(), "rescheduled: {after:?}");
    let again = post_with_key(&srv, &tok, "/api/v1/accounts", &key, &body);
    assert!(!replayed(&again), "a purged key starts a new request");
    assert_ne!(id_of(again.expect(201)), id_of(&first));
}
