//! Webhooks over real HTTP: endpoints, signed deliveries to a live receiver, retries,
//! tenancy, and the delivery log.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::receiver::{Received, Receiver};
use crate::support::{id_of, TestServer};

/// Verifies a Standard Webhooks signature header against `secret`, by hand.
fn verify(secret: &str, r: &Received) -> bool {
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

fn endpoint(srv: &TestServer, tok: &str, account: Option<&str>, url: &str, types: &[&str]) -> (String, String) {
    let mut body = json!({"url": url, "event_types": types, "description": "test receiver"});
    if let Some(a) = account {
        body["account_id"] = json!(a);
    }
    let r = srv.post("/api/v1/webhook-endpoints", tok, &body);
    let created = r.expect(201);
    (created["endpoint"]["id"].as_str().expect("id").to_owned(), created["secret"].as_str().expect("secret").to_owned())
}

fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..500 {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn events_arrive_signed_and_identical_to_the_event_log() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let rx = Receiver::start();
    let (ep, secret) = endpoint(&srv, &tok, None, &rx.url, &["account.*"]);
    let acc = srv.new_account(&tok, "customer", None, "Hooked");
    let got = rx.wait_for(1);
    assert_eq!(got.len(), 1, "only the account event");
    let r = &got[0];
    assert!(verify(&secret, r), "signature: {:?}", r.headers);
    assert!(!verify("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", r), "a wrong secret must not verify");
    let body: Value = serde_json::from_slice(&r.body).expect("json");
    assert_eq!(body["type"], "account.created");
    assert_eq!(body["object"]["id"], acc.as_str());
    assert_eq!(r.headers["webhook-id"], body["id"].as_str().expect("id"));
    let logged = srv.get(&format!("/api/v1/events/{}", body["id"].as_str().expect("id")), &tok);
    assert_eq!(logged.expect(200), &body, "the payload is the event as the API shows it");
    // The delivery log.
    wait_until("the delivery to be recorded", || {
        srv.get(&format!("/api/v1/deliveries?endpoint_id={ep}"), &tok).expect(200)["data"][0]["status"] == "succeeded"
    });
    let d = srv.get(&format!("/api/v1/deliveries?endpoint_id={ep}"), &tok).expect(200)["data"][0].clone();
    assert_eq!(d["attempts"], 1);
    assert_eq!(d["last_status_code"], 204);
    let attempts = srv.get(&format!("/api/v1/deliveries/{}/attempts", id_of(&d)), &tok);
    assert_eq!(attempts.expect(200)["data"][0]["status_code"], 204);
    let task = srv.get(&format!("/api/v1/tasks/{}", d["task_id"].as_str().expect("task")), &tok);
    assert_eq!(task.expect(200)["status"], "succeeded");
}

#[test]
fn an_endpoint_gets_only_its_subtree_and_its_types() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let r1 = srv.new_account(&tok, "reseller", None, "R1");
    let r2 = srv.new_account(&tok, "reseller", None, "R2");
    let (rx1, rx2, rx_users) = (Receiver::start(), Receiver::start(), Receiver::start());
    endpoint(&srv, &tok, Some(&r1), &rx1.url, &["*"]);
    endpoint(&srv, &tok, Some(&r2), &rx2.url, &["*"]);
    endpoint(&srv, &tok, None, &rx_users.url, &["user.created"]);
    let c1 = srv.new_account(&tok, "customer", Some(&r1), "C1");
    let user = json!({"account_id": r2, "email": "u@r2.example", "name": "U", "role": "read_only"});
    srv.post("/api/v1/users", &tok, &user).expect(201);
    let got1 = rx1.wait_for(1);
    let got2 = rx2.wait_for(1);
    rx_users.wait_for(1);
    std::thread::sleep(Duration::from_millis(400));
    let objects = |got: &[Received]| -> Vec<String> {
        got.iter()
            .map(|r| {
                serde_json::from_slice::<Value>(&r.body).expect("json")["object"]["id"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(objects(&rx1.received()), vec![c1.clone()], "R1 gets its customer only: {got1:?}");
    assert_eq!(rx2.received().len(), 1, "R2 gets its user only: {got2:?}");
    let types: Vec<Value> = rx_users
        .received()
        .iter()
        .map(|r| serde_json::from_slice::<Value>(&r.body).expect("json")["type"].clone())
        .collect();
    assert_eq!(types, vec![json!("user.created")]);
    // A reseller's key sees only its own endpoints and deliveries.
    let r1_tok = srv.token_as(&tok, &r1, "admin");
    assert_eq!(srv.get("/api/v1/webhook-endpoints", &r1_tok).expect(200)["data"].as_array().map(Vec::len), Some(1));
    let deliveries = srv.get("/api/v1/deliveries", &r1_tok);
    assert!(deliveries.expect(200)["data"].as_array().expect("list").iter().all(|d| d["event_id"].is_string()));
}

#[test]
fn failures_are_recorded_and_retried_and_410_disables_the_endpoint() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let rx = Receiver::start();
    rx.answer_with(500);
    let (ep, _) = endpoint(&srv, &tok, None, &rx.url, &["account.created"]);
    srv.new_account(&tok, "customer", None, "Unlucky");
    rx.wait_for(1);
    let list = format!("/api/v1/deliveries?endpoint_id={ep}");
    wait_until("the failed attempt to be recorded", || {
        srv.get(&list, &tok).expect(200)["data"][0]["last_status_code"] == 500
    });
    let d = srv.get(&list, &tok).expect(200)["data"][0].clone();
    assert_eq!(d["status"], "pending", "a failed delivery waits for its retry");
    let task = srv.get(&format!("/api/v1/tasks/{}", d["task_id"].as_str().expect("task")), &tok).expect(200).clone();
    assert_eq!(task["status"], "queued");
    assert!(task["last_error"].as_str().is_some_and(|e| e.contains("500")), "{task}");
    // The receiver recovers; a manual retry delivers at once.
    rx.answer_with(204);
    srv.post(&format!("/api/v1/deliveries/{}/retry", id_of(&d)), &tok, &json!({})).expect(200);
    wait_until("the retry to succeed", || srv.get(&list, &tok).expect(200)["data"][0]["status"] == "succeeded");
    assert_eq!(
        srv.get(&format!("/api/v1/deliveries/{}/attempts", id_of(&d)), &tok).expect(200)["data"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // 410 Gone disables the endpoint and says so with an event.
    rx.answer_with(410);
    srv.new_account(&tok, "customer", None, "Gone");
    wait_until("the endpoint to be disabled", || {
        srv.get(&format!("/api/v1/webhook-endpoints/{ep}"), &tok).expect(200)["enabled"] == false
    });
    let disabled = srv.get(&format!("/api/v1/events?type=webhook_endpoint.disabled&object_id={ep}"), &tok);
    assert_eq!(disabled.expect(200)["data"].as_array().map(Vec::len), Some(1));
    // Enabling it again raises webhook_endpoint.recovered.
    srv.patch(&format!("/api/v1/webhook-endpoints/{ep}"), &tok, &json!({"enabled": true})).expect(200);
    let recovered = srv.get(&format!("/api/v1/events?type=webhook_endpoint.recovered&object_id={ep}"), &tok);
    assert_eq!(recovered.expect(200)["data"].as_array().map(Vec::len), Some(1));
}

#[test]
fn rotation_signs_with_both_secrets_and_replay_delivers_again() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let rx = Receiver::start();
    let (ep, old) = endpoint(&srv, &tok, None, &rx.url, &["account.updated"]);
    let r = srv.post(&format!("/api/v1/webhook-endpoints/{ep}/rotate-secret"), &tok, &json!({"overlap_seconds": 3600}));
    let new = r.expect(200)["secret"].as_str().expect("secret").to_owned();
    assert_ne!(old, new);
    let acc = srv.new_account(&tok, "customer", None, "Rotating");
    srv.patch(&format!("/api/v1/accounts/{acc}"), &tok, &json!({"name": "Rotated"})).expect(200);
    let got = rx.wait_for(1);
    assert!(verify(&old, &got[0]) && verify(&new, &got[0]), "both secrets sign during the overlap");
    assert_eq!(got[0].headers["webhook-signature"].split(' ').count(), 2);
    let event_id = got[0].headers["webhook-id"].clone();
    srv.post(&format!("/api/v1/events/{event_id}/replay"), &tok, &json!({})).expect(200);
    let again = rx.wait_for(2);
    assert_eq!(again[1].headers["webhook-id"], event_id, "a replay carries the same message id");
}

/// Replays race the workers delivering the same events (on PostgreSQL, row locks taken in
/// a circle would end one side with a deadlock): every replay answers 200, and every event
/// reaches every endpoint.
#[test]
fn replays_racing_live_deliveries_all_succeed() {
    const ENDPOINTS: usize = 3;
    const EVENTS: usize = 12;
    const REPLAYERS: usize = 4;
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let rx = Receiver::start();
    for _ in 0..ENDPOINTS {
        endpoint(&srv, &tok, None, &rx.url, &["account.created"]);
    }
    let events: Vec<String> = (0..EVENTS)
        .map(|i| {
            let acc = srv.new_account(&tok, "customer", None, &format!("Racing {i}"));
            srv.events_of(&tok, &acc).iter().find(|e| e["type"] == "account.created").map(id_of).expect("created")
        })
        .collect();
    let barrier = std::sync::Barrier::new(REPLAYERS);
    let statuses: Vec<(String, u16, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..REPLAYERS)
            .map(|_| {
                let (srv, tok, events, barrier) = (&srv, &tok, &events, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    events
                        .iter()
                        .map(|e| {
                            let r = srv.post(&format!("/api/v1/events/{e}/replay"), tok, &json!({}));
                            (e.clone(), r.status, r.text.clone())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("replayer thread")).collect()
    });
    let failed: Vec<_> = statuses.iter().filter(|(_, status, _)| *status != 200).collect();
    assert!(failed.is_empty(), "{} of {} replays failed: {failed:?}", failed.len(), statuses.len());
    // Each event went to each endpoint once at least; a replay of a delivery still pending
    // may merge with its first send, so only the first sends are counted exactly.
    let got = rx.wait_for(ENDPOINTS * EVENTS);
    for e in &events {
        let n = got.iter().filter(|r| &r.headers["webhook-id"] == e).count();
        assert!(n >= ENDPOINTS, "{e} arrived {n} times, expected at least {ENDPOINTS}");
    }
}

#[test]
fn bad_endpoints_are_refused_and_write_nothing() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let cases = [
        (json!({"url": "ftp://x.example", "event_types": ["*"]}), 422),
        (json!({"url": "https://x.example", "event_types": []}), 422),
        (json!({"url": "https://x.example", "event_types": ["nothing.*"]}), 422),
        (json!({"url": "https://x.example"}), 422),
        (json!({"url": "https://x.example", "event_types": ["*"], "bogus": 1}), 400),
    ];
    for (body, status) in cases {
        let r = srv.post("/api/v1/webhook-endpoints", &tok, &body);
        assert_eq!(r.status, status, "{body}: {}", r.text);
    }
    assert_eq!(srv.get("/api/v1/webhook-endpoints", &tok).expect(200)["data"], json!([]));
    let ro = srv.token_as(&tok, &srv.provider_id(&tok), "read_only");
    srv.post("/api/v1/webhook-endpoints", &ro, &json!({"url": "https://x.example", "event_types": ["*"]}))
        .problem(403, "permission_denied");
}

#[test]
fn a_receiver_down_for_a_test_clock_day_gets_every_event_after_it_recovers() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let tok = srv.provider_token();
    let rx = Receiver::start();
    rx.answer_with(503);
    let (ep, secret) = endpoint(&srv, &tok, None, &rx.url, &["account.created"]);
    let accounts: Vec<String> =
        (0..3).map(|i| srv.new_account(&tok, "customer", None, &format!("Patient {i}"))).collect();
    rx.wait_for(3);
    let list = format!("/api/v1/deliveries?endpoint_id={ep}");
    let all_status = |status: &str| {
        let page = srv.get(&list, &tok);
        let data = page.expect(200)["data"].as_array().cloned().unwrap_or_default();
        data.len() == 3 && data.iter().all(|d| d["status"] == status)
    };
    // A day passes, an hour at a time: the retries come due and fail.
    for _ in 0..24 {
        let r = srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 3600}));
        r.expect(200);
        std::thread::sleep(Duration::from_millis(150));
    }
    wait_until("the retries of the day to be attempted", || rx.received().len() >= 3 * 5);
    assert!(all_status("pending"), "still waiting for the next retry: {}", srv.get(&list, &tok).text);
    // The receiver is back; the next retry (at most 10 h on) delivers everything.
    rx.answer_with(204);
    srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 11 * 3600})).expect(200);
    wait_until("every delivery to succeed", || all_status("succeeded"));
    let delivered: std::collections::HashSet<String> = rx
        .received()
        .iter()
        .filter(|r| verify(&secret, r))
        .map(|r| {
            serde_json::from_slice::<Value>(&r.body).expect("json")["object"]["id"].as_str().unwrap_or("").to_owned()
        })
        .collect();
    for a in &accounts {
        assert!(delivered.contains(a), "{a} was never delivered");
    }
    let clock = srv.get("/api/v1/test-clock", &tok);
    assert!(clock.expect(200)["offset_seconds"].as_i64().is_some_and(|s| s >= 35 * 3600));
}

#[test]
fn the_test_clock_moves_only_on_a_sandbox_and_only_for_the_provider() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 60})).problem(409, "test_clock_disabled");
    assert_eq!(srv.get("/api/v1/test-clock", &tok).expect(200)["enabled"], false);
    let sandbox = TestServer::start_with(&["--test-clock"]);
    let tok = sandbox.provider_token();
    let reseller = sandbox.new_account(&tok, "reseller", None, "R");
    let r_tok = sandbox.token_as(&tok, &reseller, "admin");
    sandbox.post("/api/v1/test-clock/advance", &r_tok, &json!({"seconds": 60})).problem(403, "permission_denied");
    sandbox.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 0})).problem(422, "validation_failed");
    let moved = sandbox.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 86400}));
    assert_eq!(moved.expect(200)["offset_seconds"], 86400);
}

#[test]
fn a_test_message_is_signed_answered_and_not_recorded() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let rx = Receiver::start();
    let (ep, secret) = endpoint(&srv, &tok, None, &rx.url, &["account.*"]);
    let r =
        srv.post(&format!("/api/v1/webhook-endpoints/{ep}/test"), &tok, &json!({"event_type": "account.suspended"}));
    let answer = r.expect(200).clone();
    assert_eq!(answer["succeeded"], true, "{answer}");
    assert_eq!(answer["status_code"], 204);
    let got = rx.wait_for(1);
    assert!(verify(&secret, &got[0]));
    let body: Value = serde_json::from_slice(&got[0].body).expect("json");
    assert_eq!(body["type"], "account.suspended");
    assert_eq!(body["id"], answer["message_id"]);
    assert!(body["id"].as_str().is_some_and(|id| id.starts_with("evt_test_")));
    // A type the endpoint does not take, and one that does not exist, are refused.
    let r = srv.post(&format!("/api/v1/webhook-endpoints/{ep}/test"), &tok, &json!({"event_type": "user.created"}));
    r.validation_code("event_type", "not_subscribed");
    let r = srv.post(&format!("/api/v1/webhook-endpoints/{ep}/test"), &tok, &json!({"event_type": "nope"}));
    r.validation_code("event_type", "unknown_event_type");
    // Nothing was recorded.
    assert_eq!(srv.get(&format!("/api/v1/deliveries?endpoint_id={ep}"), &tok).expect(200)["data"], json!([]));
    // A receiver that is not there is reported, not an error of the call.
    rx.answer_with(500);
    let r = srv.post(&format!("/api/v1/webhook-endpoints/{ep}/test"), &tok, &json!({}));
    assert_eq!(r.expect(200)["succeeded"], false);
}
