//! The outbox (docs/api.md "Events"): exactly one event per change, none for a refusal.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Value};

use crate::support::{fake_id_like, id_of, TestServer};

#[test]
fn the_event_type_catalog_has_118_types() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let body = srv.get("/api/v1/event-types", &tok).expect(200).clone();
    assert!(body["next_cursor"].is_null(), "{}", body["next_cursor"]);
    let data = body["data"].as_array().expect("data");
    assert_eq!(data.len(), 118);
    let mut per_domain: HashMap<String, usize> = HashMap::new();
    let mut types = HashSet::new();
    for t in data {
        for field in ["type", "domain", "object", "description", "legacy_name"] {
            assert!(t.get(field).is_some(), "{field} missing in {t}");
        }
        assert!(t["description"].as_str().is_some_and(|d| !d.is_empty()), "{t}");
        *per_domain.entry(t["domain"].as_str().unwrap_or("?").to_string()).or_default() += 1;
        assert!(types.insert(t["type"].as_str().expect("type").to_string()), "duplicate {t}");
    }
    assert_eq!(per_domain.get("billing"), Some(&71), "{per_domain:?}");
    assert_eq!(per_domain.get("provisioning"), Some(&47), "{per_domain:?}");
    for raised in [
        "account.created",
        "account.updated",
        "account.hold.placed",
        "account.hold.released",
        "account.suspended",
        "account.reactivated",
        "account.cancelled",
        "user.created",
        "user.updated",
        "user.removed",
        "api_key.created",
        "api_key.revoked",
    ] {
        assert!(types.contains(raised), "{raised} is not in the catalog");
    }
    let hold = data.iter().find(|t| t["type"] == "account.hold.placed").expect("hold type");
    assert_eq!((hold["domain"].clone(), hold["object"].clone()), (json!("billing"), json!("account")));
}

fn check_event(e: &Value, ty: &str, kind: &str, id: &str, sequence: u64) {
    assert_eq!(e["type"], ty, "{e}");
    assert_eq!(e["object"]["kind"], kind, "{e}");
    assert_eq!(e["object"]["id"], id, "{e}");
    assert_eq!(e["sequence"].as_u64(), Some(sequence), "per-object sequence: {e}");
    assert_eq!(e["domain"], "billing", "{e}");
    assert!(e["account_id"].is_string(), "{e}");
    let at = e["occurred_at"].as_str().expect("occurred_at");
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "occurred_at {at}");
}

#[test]
fn exactly_one_event_per_change_with_per_object_sequences() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider_id = srv.provider_id(&tok);
    let created: Vec<String> = (0..6).map(|i| srv.new_account(&tok, "customer", None, &format!("E{i} v1"))).collect();
    let updates_per_account = [3usize, 1, 0, 2, 0, 0];
    for (idx, (acc, n)) in created.iter().zip(updates_per_account).enumerate() {
        for v in 2..=n + 1 {
            let body = json!({"name": format!("E{idx} v{v}")});
            srv.patch(&format!("/api/v1/accounts/{acc}"), &tok, &body).expect(200);
        }
    }
    let total_updates: usize = updates_per_account.iter().sum();

    let ours: HashSet<&str> = created.iter().map(String::as_str).collect();
    let of_type = |ty: &str| srv.list_all(&format!("/api/v1/events?limit=500&type={ty}"), &tok);
    let creates = of_type("account.created");
    let updates = of_type("account.updated");
    assert!(creates.iter().all(|e| e["type"] == "account.created"), "type filter");
    assert!(updates.iter().all(|e| e["type"] == "account.updated"), "type filter");
    let created_ids: Vec<&str> = creates.iter().filter_map(|e| e["object"]["id"].as_str()).collect();
    for id in &created_ids {
        assert!(ours.contains(id) || *id == provider_id, "unexpected account.created for {id}");
    }
    assert_eq!(created_ids.iter().filter(|id| ours.contains(*id)).count(), created.len());
    assert_eq!(updates.len(), total_updates, "{updates:?}");

    for (idx, (acc, n)) in created.iter().zip(updates_per_account).enumerate() {
        let evs = srv.events_of(&tok, acc);
        assert_eq!(evs.len(), n + 1, "events of {acc}: {evs:?}");
        let sequences: Vec<u64> = evs.iter().filter_map(|e| e["sequence"].as_u64()).collect();
        let expected: Vec<u64> = (1..=n as u64 + 1).collect();
        assert_eq!(sequences, expected, "events of {acc} listed oldest first, sequences from 1 without gaps");
        check_event(&evs[0], "account.created", "account", acc, 1);
        assert_eq!(evs[0]["data"]["name"], format!("E{idx} v1"), "{}", evs[0]);
        for v in 2..=n + 1 {
            let e = &evs[v - 1];
            check_event(e, "account.updated", "account", acc, v as u64);
            assert_eq!(e["data"]["name"], format!("E{idx} v{v}"), "snapshot after the change: {e}");
            assert_eq!(e["previous"]["name"], format!("E{idx} v{}", v - 1), "previous: {e}");
        }
        let one = srv.get(&format!("/api/v1/events/{}", id_of(&evs[0])), &tok).expect(200).clone();
        assert_eq!(one, evs[0]);
    }
}

#[test]
fn refused_requests_raise_no_event() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let acc = srv.new_account(&tok, "customer", None, "Quiet");
    let path = format!("/api/v1/accounts/{acc}");
    srv.patch(&path, &tok, &json!({"name": "Quiet 2"})).expect(200);
    let ro = srv.token_as(&tok, &acc, "read_only");
    let before = srv.event_ids(&tok);

    let bad = json!({"kind": "customer", "name": ""});
    srv.post("/api/v1/accounts", &tok, &bad).problem(422, "validation_failed");
    srv.call(reqwest::Method::PATCH, &path)
        .bearer(&tok)
        .header("if-match", "\"1\"")
        .json(&json!({"name": "stale"}))
        .send()
        .problem(412, "version_mismatch");
    let missing = format!("/api/v1/accounts/{}", fake_id_like(&acc));
    srv.patch(&missing, &tok, &json!({"name": "x"})).problem(404, "not_found");
    srv.patch(&path, &ro, &json!({"name": "x"})).problem(403, "permission_denied");
    srv.post(&format!("{path}/release-hold"), &tok, &json!({})).problem(409, "invalid_state_transition");
    srv.post("/api/v1/accounts", &tok, &json!({"kind": "customer", "name": "x", "zzz": 1}))
        .problem(400, "invalid_body");
    srv.post("/api/v1/accounts", "", &json!({"kind": "customer", "name": "x"})).problem(401, "unauthenticated");
    let user = json!({"email": "bad", "name": "U", "role": "read_only"});
    srv.post("/api/v1/users", &tok, &user).problem(422, "validation_failed");

    assert_eq!(srv.event_ids(&tok), before, "a refused request raised an event");
    let now = srv.get(&path, &tok).expect(200).clone();
    assert_eq!((now["version"].clone(), now["name"].clone()), (json!(2), json!("Quiet 2")));
}
