//! The task events of automatic retries (`task.failed`, `task.rescheduled`, `task.dead`),
//! and the rule that keeps an endpoint subscribed to `*` from feeding on the failures of
//! its own deliveries.

use std::collections::HashSet;
use std::time::Duration;

use serde_json::{json, Value};

use crate::receiver::Receiver;
use crate::support::{id_of, TestServer};

fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..750 {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

fn endpoint(srv: &TestServer, tok: &str, url: &str, types: &[&str]) -> String {
    let body = json!({"url": url, "event_types": types});
    id_of(&srv.post("/api/v1/webhook-endpoints", tok, &body).expect(201)["endpoint"])
}

fn task_events(srv: &TestServer, tok: &str) -> Vec<Value> {
    let all = srv.list_all("/api/v1/events?limit=500", tok);
    all.into_iter().filter(|e| e["type"].as_str().is_some_and(|t| t.starts_with("task."))).collect()
}

fn types_of(events: &[Value]) -> Vec<String> {
    events.iter().map(|e| e["type"].as_str().unwrap_or_default().to_owned()).collect()
}

#[test]
fn automatic_retries_and_deaths_raise_task_events() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let tok = srv.provider_token();
    let ops = Receiver::start();
    endpoint(&srv, &tok, &ops.url, &["task.*"]);
    let script = Receiver::start();
    script.answer_with(500);
    let body = json!({"url": script.url, "event_types": ["account.created"], "max_attempts": 2});
    srv.post("/api/v1/script-actions", &tok, &body).expect(201);
    srv.new_account(&tok, "customer", None, "Scripted");
    wait_until("the first failure's events", || task_events(&srv, &tok).len() == 2);
    let first = task_events(&srv, &tok);
    let task_id = first[0]["object"]["id"].as_str().expect("task id").to_owned();
    let events = srv.events_of(&tok, &task_id);
    assert_eq!(types_of(&events), ["task.failed", "task.rescheduled"], "{events:?}");
    let data = &events[0]["data"];
    assert_eq!((data["kind"].clone(), data["attempts"].clone()), (json!("script.call"), json!(1)), "{data}");
    assert!(data["last_error"].as_str().is_some_and(|e| e.contains("500")), "{data}");
    assert_eq!((events[1]["data"]["status"].clone(), events[1]["sequence"].clone()), (json!("queued"), json!(2)));
    // The retry comes due and fails too; no attempt is left.
    srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 10})).expect(200);
    wait_until("the death's events", || srv.events_of(&tok, &task_id).len() == 4);
    let events = srv.events_of(&tok, &task_id);
    assert_eq!(types_of(&events), ["task.failed", "task.rescheduled", "task.failed", "task.dead"]);
    assert_eq!((events[3]["data"]["status"].clone(), events[3]["data"]["attempts"].clone()), (json!("dead"), json!(2)));
    assert_eq!(srv.get(&format!("/api/v1/tasks/{task_id}"), &tok).expect(200)["status"], "dead");
    // An endpoint subscribed to task events gets them as any other.
    let got = ops.wait_for(4);
    // At least once: deduplicated on the event id, as a receiver does.
    let delivered: HashSet<String> = got
        .iter()
        .map(|r| serde_json::from_slice::<Value>(&r.body).expect("json")["id"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(delivered, events.iter().map(id_of).collect::<HashSet<_>>());
}

#[test]
fn endpoints_on_everything_that_always_fail_do_not_feed_on_their_own_failures() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let tok = srv.provider_token();
    // Two of them, so that neither can feed on the other's failures either.
    let (a, b) = (Receiver::start(), Receiver::start());
    a.answer_with(500);
    b.answer_with(503);
    let endpoints = [endpoint(&srv, &tok, &a.url, &["*"]), endpoint(&srv, &tok, &b.url, &["*"])];
    let account = srv.new_account(&tok, "customer", None, "Unlucky");
    let created = srv.events_of(&tok, &account);
    assert_eq!(types_of(&created), ["account.created"]);
    let event_id = id_of(&created[0]);
    let deliveries = || -> Vec<Value> {
        endpoints
            .iter()
            .flat_map(|ep| srv.list_all(&format!("/api/v1/deliveries?endpoint_id={ep}&limit=500"), &tok))
            .collect()
    };
    // The deliveries of the account's event: their tasks are the only ones task events
    // may be about.
    let originals =
        || -> Vec<Value> { deliveries().into_iter().filter(|d| d["event_id"] == event_id.as_str()).collect() };
    wait_until("the account event's deliveries", || originals().len() == 2);
    let original_tasks: HashSet<String> =
        originals().iter().map(|d| d["task_id"].as_str().unwrap_or_default().to_owned()).collect();
    assert_eq!(original_tasks.len(), 2);
    let originals_after = |rounds: i64| {
        original_tasks.iter().all(|id| {
            let t = srv.get(&format!("/api/v1/tasks/{id}"), &tok).expect(200).clone();
            t["status"] == "queued" && t["attempts"] == rounds
        })
    };
    // Settled: the two original deliveries failed `rounds` times each and wait for their
    // next retry (their task events are raised with that, in one transaction), every
    // delivery was attempted, and each task event was fanned out to both endpoints.
    let settled = |rounds: i64| {
        let all = deliveries();
        originals_after(rounds)
            && all.len() == 2 + 2 * task_events(&srv, &tok).len()
            && all.iter().all(|d| d["last_status_code"].is_number() && d["status"] == "pending")
    };
    for round in 1..=3 {
        wait_until(&format!("round {round} to settle"), || settled(round));
        let events = task_events(&srv, &tok);
        let about: HashSet<String> =
            events.iter().map(|e| e["object"]["id"].as_str().unwrap_or_default().to_owned()).collect();
        assert!(about.is_subset(&original_tasks), "task events only about the account event's deliveries: {about:?}");
        // Each failed attempt of the two original deliveries: task.failed and
        // task.rescheduled; the failures of the deliveries of those add nothing.
        assert_eq!(events.len() as i64, 2 * 2 * round, "{:?}", types_of(&events));
        // The next retries (5 s, then 5 min on) come due.
        srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 400})).expect(200);
    }
}
