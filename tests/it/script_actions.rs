//! Script actions (docs/notifications.md "Script actions"): CRUD and validation, signed
//! calls to a live receiver, the `script.call` task with its result, retries on the test
//! clock, disabling and deleting, and tenancy.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use reqwest::Method;
use serde_json::{json, Value};
use sha2::Sha256;

use crate::receiver::{Received, Receiver};
use crate::support::{id_of, ids, Resp, TestServer};

const ACTIONS: &str = "/api/v1/script-actions";

/// Verifies a Standard Webhooks signature header against `secret`, by hand.
pub(crate) fn verify(secret: &str, r: &Received) -> bool {
    let key = STANDARD.decode(secret.trim_start_matches("whsec_")).expect("secret is base64");
    let id = &r.headers["webhook-id"];
    let ts = &r.headers["webhook-timestamp"];
    r.headers["webhook-signature"].split(' ').any(|sig| {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("key");
        mac.update(format!("{id}.{ts}.").as_bytes());
        mac.update(&r.body);
        sig == format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
    })
}

fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..750 {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

/// Creates an action; returns (action, secret).
fn action(srv: &TestServer, tok: &str, body: &Value) -> (Value, String) {
    let created = srv.post(ACTIONS, tok, body).expect(201).clone();
    let a = created["script_action"].clone();
    assert!(a["id"].as_str().is_some_and(|id| id.starts_with("scr_")), "{created}");
    let secret = created["secret"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("whsec_"), "{created}");
    (a, secret)
}

fn action_ids(srv: &TestServer, tok: &str) -> Vec<String> {
    ids(&srv.list_all(&format!("{ACTIONS}?limit=500"), tok))
}

/// The `script.call` tasks of one action.
fn calls_of(srv: &TestServer, tok: &str, action_id: &str) -> Vec<Value> {
    srv.list_all("/api/v1/tasks?kind=script.call&limit=500", tok)
        .into_iter()
        .filter(|t| t["payload"]["script_action_id"] == action_id)
        .collect()
}

pub(crate) fn body_of(r: &Received) -> Value {
    serde_json::from_slice(&r.body).expect("the call carries JSON")
}

fn with_if_match(srv: &TestServer, m: Method, path: &str, tok: &str, tag: &str, body: Option<&Value>) -> Resp {
    let call = srv.call(m, path).bearer(tok).header("if-match", tag);
    match body {
        Some(b) => call.json(b).send(),
        None => call.send(),
    }
}

#[test]
fn script_action_crud_validation_and_a_secret_shown_once() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider = srv.provider_id(&tok);
    let body = json!({"url": "https://scripts.example.com/hook", "description": "open a ticket",
        "event_types": ["account.*", "task.dead"], "max_attempts": 3, "timeout_seconds": 20});
    let (a, secret) = action(&srv, &tok, &body);
    for k in ["url", "description", "event_types", "max_attempts", "timeout_seconds"] {
        assert_eq!(a[k], body[k], "{k} echoed: {a}");
    }
    assert_eq!((a["enabled"].clone(), a["version"].clone()), (json!(true), json!(1)));
    assert_eq!(a["account_id"], provider.as_str());
    assert!(STANDARD.decode(secret.trim_start_matches("whsec_")).is_ok_and(|k| k.len() >= 16), "{secret}");
    let (d, secret2) = action(&srv, &tok, &json!({"url": "https://scripts.example.com/other", "event_types": ["*"]}));
    assert_ne!(secret, secret2);
    assert_eq!((d["max_attempts"].clone(), d["timeout_seconds"].clone()), (json!(5), json!(10)), "defaults: {d}");
    assert_eq!((d["enabled"].clone(), d["description"].clone()), (json!(true), Value::Null));

    let path = format!("{ACTIONS}/{}", id_of(&a));
    let got = srv.get(&path, &tok);
    assert_eq!(got.header("etag"), Some("\"1\""));
    assert_eq!(got.expect(200), &a);
    assert!(!got.text.contains(&secret) && got.body.get("secret").is_none(), "GET shows no secret: {}", got.text);
    let list = srv.get(ACTIONS, &tok);
    assert!(!list.text.contains(&secret) && !list.text.contains(&secret2), "the list shows no secret");
    let mut both = vec![id_of(&a), id_of(&d)];
    both.sort();
    assert_eq!(action_ids(&srv, &tok), both);

    // Invalid input is refused and writes nothing.
    let valid = json!({"url": "https://x.example/hook", "event_types": ["account.created"]});
    let with = |k: &str, v: Value| {
        let mut b = valid.clone();
        b[k] = v;
        b
    };
    let cases = [
        (with("url", json!("ftp://x.example/hook")), "url"),
        (with("url", json!("not a url")), "url"),
        (with("max_attempts", json!(0)), "max_attempts"),
        (with("max_attempts", json!(11)), "max_attempts"),
        (with("timeout_seconds", json!(31)), "timeout_seconds"),
        (with("timeout_seconds", json!(0)), "timeout_seconds"),
        (with("event_types", json!(["nothing.*"])), "event_types"),
        // No event types is an action only `external_screening` fraud rules call
        // (tests/it/screening.rs); more than 200 is too many.
        (with("event_types", json!(vec!["account.created"; 201])), "event_types"),
    ];
    for (b, field) in &cases {
        let r = srv.post(ACTIONS, &tok, b);
        assert_eq!(r.status, 422, "{b}: {}", r.text);
        r.validation(field);
        assert_eq!(action_ids(&srv, &tok), both, "{b} wrote something");
    }
    srv.post(ACTIONS, &tok, &with("event_types", json!(["nothing.*"])))
        .validation_code("event_types", "unknown_event_type");
    srv.post(ACTIONS, &tok, &with("max_attempts", json!(11))).validation_code("max_attempts", "out_of_range");
    let mut unknown = valid.clone();
    unknown["secret"] = json!("whsec_mine");
    srv.post(ACTIONS, &tok, &unknown).expect(400);
    // The limits themselves are fine.
    let (edge, _) = action(
        &srv,
        &tok,
        &json!({"url": "https://x.example/hook", "event_types": ["*"],
        "max_attempts": 10, "timeout_seconds": 30, "enabled": false}),
    );
    assert_eq!((edge["max_attempts"].clone(), edge["timeout_seconds"].clone()), (json!(10), json!(30)));
    assert_eq!(edge["enabled"], false);
    srv.delete(&format!("{ACTIONS}/{}", id_of(&edge)), &tok).expect(204);

    // PATCH with If-Match; an invalid or stale one changes nothing.
    for bad in [json!({"max_attempts": 11}), json!({"timeout_seconds": 31}), json!({"url": "ftp://x"})] {
        let r = srv.patch(&path, &tok, &bad);
        assert_eq!(r.status, 422, "{bad}: {}", r.text);
    }
    assert_eq!(srv.get(&path, &tok).expect(200), &a, "refused patches changed nothing");
    let patch = json!({"enabled": false, "max_attempts": 10, "event_types": ["*"], "description": null});
    let r = with_if_match(&srv, Method::PATCH, &path, &tok, "\"1\"", Some(&patch));
    let v2 = r.expect(200).clone();
    assert_eq!(r.header("etag"), Some("\"2\""));
    assert_eq!(v2["version"], 2);
    assert_eq!(v2["enabled"], false);
    assert_eq!(v2["max_attempts"], 10);
    assert_eq!(v2["event_types"], json!(["*"]));
    assert!(v2["description"].is_null(), "{v2}");
    assert_eq!((v2["url"].clone(), v2["timeout_seconds"].clone()), (a["url"].clone(), a["timeout_seconds"].clone()));
    with_if_match(&srv, Method::PATCH, &path, &tok, "\"1\"", Some(&json!({"enabled": true})))
        .problem(412, "version_mismatch");
    with_if_match(&srv, Method::DELETE, &path, &tok, "\"1\"", None).problem(412, "version_mismatch");
    assert_eq!(srv.get(&path, &tok).expect(200), &v2);

    // Permissions: a read-only key reads, but cannot create.
    let ro = srv.token_as(&tok, &provider, "read_only");
    srv.get(&path, &ro).expect(200);
    srv.post(ACTIONS, &ro, &valid).problem(403, "permission_denied");
    srv.delete(&path, &ro).problem(403, "permission_denied");
    assert_eq!(action_ids(&srv, &tok), both);

    // DELETE.
    with_if_match(&srv, Method::DELETE, &path, &tok, "\"2\"", None).expect(204);
    srv.get(&path, &tok).problem(404, "not_found");
    srv.patch(&path, &tok, &json!({"enabled": true})).problem(404, "not_found");
    srv.delete(&path, &tok).problem(404, "not_found");
    assert_eq!(action_ids(&srv, &tok), vec![id_of(&d)]);
}

#[test]
fn a_matching_event_reaches_the_script_signed_and_the_task_succeeds() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let rx = Receiver::start();
    rx.answer_with(202);
    let (a, secret) = action(&srv, &tok, &json!({"url": rx.url, "event_types": ["account.created"]}));
    let acc = srv.new_account(&tok, "customer", None, "Scripted");
    srv.patch(&format!("/api/v1/accounts/{acc}"), &tok, &json!({"name": "Renamed"})).expect(200);
    let got = rx.wait_for(1);
    let r = &got[0];
    assert!(verify(&secret, r), "signature: {:?}", r.headers);
    assert!(!verify("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", r), "a wrong secret must not verify");
    let body = body_of(r);
    assert_eq!(body["type"], "account.created");
    assert_eq!(body["object"]["id"], acc.as_str());
    let event_id = body["id"].as_str().expect("id").to_owned();
    assert_eq!(r.headers["webhook-id"], event_id);
    let logged = srv.get(&format!("/api/v1/events/{event_id}"), &tok);
    assert_eq!(logged.expect(200), &body, "the call carries the event as the API shows it");

    wait_until("the call to succeed", || {
        let calls = calls_of(&srv, &tok, &id_of(&a));
        calls.len() == 1 && calls[0]["status"] == "succeeded"
    });
    let task = calls_of(&srv, &tok, &id_of(&a))[0].clone();
    assert_eq!(task["kind"], "script.call");
    assert_eq!(task["payload"], json!({"script_action_id": id_of(&a), "event_id": event_id}));
    assert_eq!(task["attempts"], 1, "{task}");
    assert_eq!(task["result"]["status_code"], 202, "{task}");
    assert_eq!(task["result"]["response"], "ok", "{task}");
    assert!(task["result"]["latency_ms"].is_u64(), "{task}");
    assert!(task["last_error"].is_null(), "{task}");
    assert_eq!(srv.get(&format!("/api/v1/tasks/{}", id_of(&task)), &tok).expect(200), &task);
    // The update is not of the action's types.
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(rx.received().len(), 1, "only account.created");
    assert_eq!(calls_of(&srv, &tok, &id_of(&a)).len(), 1);
}

#[test]
fn failed_calls_are_retried_on_the_test_clock_until_dead_and_stopped_actions_get_nothing() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let tok = srv.provider_token();
    let advance = |seconds: i64| {
        srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": seconds})).expect(200);
    };
    let rx = Receiver::start();
    rx.answer_with(500);
    let (f, secret) =
        action(&srv, &tok, &json!({"url": rx.url, "event_types": ["account.created"], "max_attempts": 2}));
    let fid = id_of(&f);
    srv.new_account(&tok, "customer", None, "Unlucky");
    rx.wait_for(1);
    wait_until("the failed attempt to be recorded", || {
        calls_of(&srv, &tok, &fid).first().is_some_and(|t| t["result"]["status_code"] == 500)
    });
    let task = calls_of(&srv, &tok, &fid)[0].clone();
    assert_eq!(task["status"], "queued", "a failed call waits for its retry: {task}");
    assert_eq!(task["attempts"], 1, "{task}");
    assert!(task["last_error"].as_str().is_some_and(|e| e.contains("500")), "{task}");
    let task_path = format!("/api/v1/tasks/{}", id_of(&task));

    advance(10);
    let got = rx.wait_for(2);
    assert!(got.iter().all(|r| verify(&secret, r)));
    assert_eq!(got[0].headers["webhook-id"], got[1].headers["webhook-id"], "a retry is the same message");
    wait_until("the task to die", || srv.get(&task_path, &tok).expect(200)["status"] == "dead");
    let dead = srv.get(&task_path, &tok).expect(200).clone();
    assert_eq!(dead["attempts"], 2, "{dead}");
    assert_eq!(dead["result"]["status_code"], 500, "{dead}");
    assert!(dead["last_error"].as_str().is_some_and(|e| e.contains("500")), "{dead}");
    advance(3 * 3600);
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(rx.received().len(), 2, "max_attempts 2: no third call");

    // A deleted and a disabled action get no new calls; a control action does.
    srv.delete(&format!("{ACTIONS}/{fid}"), &tok).expect(204);
    let (rx_off, rx_ctl) = (Receiver::start(), Receiver::start());
    let (off, _) = action(&srv, &tok, &json!({"url": rx_off.url, "event_types": ["account.created"]}));
    srv.patch(&format!("{ACTIONS}/{}", id_of(&off)), &tok, &json!({"enabled": false})).expect(200);
    let (ctl, _) = action(&srv, &tok, &json!({"url": rx_ctl.url, "event_types": ["account.created"]}));
    let acc = srv.new_account(&tok, "customer", None, "Later");
    rx_ctl.wait_for(1);
    assert_eq!(body_of(&rx_ctl.received()[0])["object"]["id"], acc.as_str());
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(rx.received().len(), 2, "the deleted action was called");
    assert_eq!(rx_off.received().len(), 0, "the disabled action was called");
    assert_eq!(calls_of(&srv, &tok, &fid).len(), 1, "no task for the deleted action");
    assert_eq!(calls_of(&srv, &tok, &id_of(&off)).len(), 0, "no task for the disabled action");
    assert_eq!(calls_of(&srv, &tok, &id_of(&ctl)).len(), 1);

    // Disabled while a retry is pending: the retry is not made.
    let rx_p = Receiver::start();
    rx_p.answer_with(503);
    let (p, _) = action(&srv, &tok, &json!({"url": rx_p.url, "event_types": ["account.updated"], "max_attempts": 5}));
    srv.patch(&format!("/api/v1/accounts/{acc}"), &tok, &json!({"name": "Later still"})).expect(200);
    rx_p.wait_for(1);
    wait_until("the failed attempt to be recorded", || {
        calls_of(&srv, &tok, &id_of(&p)).first().is_some_and(|t| t["status"] == "queued" && t["attempts"] == 1)
    });
    srv.patch(&format!("{ACTIONS}/{}", id_of(&p)), &tok, &json!({"enabled": false})).expect(200);
    advance(60);
    wait_until("the pending call to be cancelled", || {
        calls_of(&srv, &tok, &id_of(&p)).first().is_some_and(|t| t["status"] == "cancelled")
    });
    assert_eq!(rx_p.received().len(), 1, "no call after the action was disabled");
}

#[test]
fn an_action_gets_only_the_events_of_its_subtree() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let a = srv.new_account(&tok, "reseller", None, "A");
    let b = srv.new_account(&tok, "reseller", None, "B");
    let a_tok = srv.token_as(&tok, &a, "admin");
    let b_tok = srv.token_as(&tok, &b, "admin");
    let (rx_a, rx_b, rx_p) = (Receiver::start(), Receiver::start(), Receiver::start());
    let (act_a, _) = action(&srv, &a_tok, &json!({"url": rx_a.url, "event_types": ["*"]}));
    let (act_b, _) = action(&srv, &b_tok, &json!({"url": rx_b.url, "event_types": ["*"]}));
    action(&srv, &tok, &json!({"url": rx_p.url, "event_types": ["account.created"]}));
    assert_eq!(act_a["account_id"], a.as_str());
    let cb = srv.new_account(&b_tok, "customer", None, "Of B");
    let ca = srv.new_account(&a_tok, "customer", None, "Of A");
    rx_a.wait_for(1);
    rx_b.wait_for(1);
    rx_p.wait_for(2);
    std::thread::sleep(Duration::from_millis(500));
    let objects = |rx: &Receiver| -> Vec<String> {
        rx.received().iter().map(|r| body_of(r)["object"]["id"].as_str().unwrap_or("").to_owned()).collect()
    };
    assert_eq!(objects(&rx_a), vec![ca.clone()], "A gets its own customer only");
    assert_eq!(objects(&rx_b), vec![cb.clone()], "B gets its own customer only");
    let mut both = objects(&rx_p);
    both.sort();
    let mut expected = vec![ca, cb];
    expected.sort();
    assert_eq!(both, expected, "the provider's action gets both");

    // A's key sees only A's action and A's calls.
    assert_eq!(action_ids(&srv, &a_tok), vec![id_of(&act_a)]);
    let b_path = format!("{ACTIONS}/{}", id_of(&act_b));
    srv.get(&b_path, &a_tok).problem(404, "not_found");
    srv.patch(&b_path, &a_tok, &json!({"url": rx_a.url})).problem(404, "not_found");
    srv.delete(&b_path, &a_tok).problem(404, "not_found");
    let foreign = json!({"url": rx_a.url, "event_types": ["*"], "account_id": b});
    srv.post(ACTIONS, &a_tok, &foreign).problem_one_of(&[(404, "not_found"), (403, "permission_denied")]);
    assert_eq!(srv.get(&b_path, &b_tok).expect(200), &act_b, "B's action is unchanged");
    assert_eq!(action_ids(&srv, &b_tok), vec![id_of(&act_b)]);
    let a_calls = srv.list_all("/api/v1/tasks?kind=script.call&limit=500", &a_tok);
    assert_eq!(a_calls.len(), 1, "{a_calls:?}");
    assert_eq!(a_calls[0]["payload"]["script_action_id"], act_a["id"]);
    let b_call = calls_of(&srv, &tok, &id_of(&act_b))[0].clone();
    srv.get(&format!("/api/v1/tasks/{}", id_of(&b_call)), &a_tok).problem(404, "not_found");
}
