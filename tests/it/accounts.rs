//! Accounts (docs/api.md "Accounts"): create, read, update, lifecycle actions, filters.

use serde_json::{json, Value};

use crate::support::{assert_same, id_of, ids, TestServer};

fn full_reseller() -> Value {
    json!({
        "kind": "reseller", "name": "Northwind Hosting", "reseller_tier": "advanced",
        "email": "ops@northwind.example", "phone": "+1 555 0100", "tax_id": "DE123456789",
        "address": {"line1": "1 Harbour Rd", "line2": "Floor 2", "city": "Hamburg",
                    "region": "HH", "postal_code": "20457", "country": "DE"},
        "metadata": {"crm_id": "42"}
    })
}

fn time(v: &Value, field: &str) -> chrono::DateTime<chrono::FixedOffset> {
    let s = v[field].as_str().unwrap_or_else(|| panic!("{field} missing: {v}"));
    chrono::DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{field} {s}: {e}"))
}

#[test]
fn create_and_read_an_account() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider_id = srv.provider_id(&tok);
    let body = full_reseller();
    let acc = srv.create_account(&tok, &body);
    for field in ["kind", "name", "reseller_tier", "email", "phone", "tax_id", "metadata"] {
        assert_eq!(acc[field], body[field], "{field}: {acc}");
    }
    for (k, v) in body["address"].as_object().expect("address") {
        assert_eq!(&acc["address"][k], v, "address.{k}: {acc}");
    }
    assert_eq!(acc["parent_id"], provider_id.as_str(), "parent defaults to the caller's account");
    assert_eq!(acc["status"], "active");
    assert!(acc["hold_type"].is_null(), "{acc}");
    assert_eq!(acc["version"], 1);
    assert_eq!(time(&acc, "created_at"), time(&acc, "updated_at"));
    let got = srv.get(&format!("/api/v1/accounts/{}", id_of(&acc)), &tok).expect(200).clone();
    assert_same(&acc, &got, "the 201 answer and a later GET");
}

#[test]
fn update_an_account() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = id_of(&srv.create_account(&tok, &full_reseller()));
    let path = format!("/api/v1/accounts/{id}");
    let acc = srv.get(&path, &tok).expect(200).clone();
    let patch = json!({"phone": null, "tax_id": null, "reseller_tier": "basic",
                       "metadata": {"crm_id": "43"}, "email": "billing@northwind.example"});
    let updated = srv.patch(&path, &tok, &patch).expect(200).clone();
    assert!(updated["phone"].is_null() && updated["tax_id"].is_null(), "null clears: {updated}");
    assert_eq!(updated["reseller_tier"], "basic");
    assert_eq!(updated["metadata"], json!({"crm_id": "43"}));
    assert_eq!(updated["email"], "billing@northwind.example");
    assert_eq!(updated["name"], "Northwind Hosting", "untouched fields stay");
    assert_eq!(updated["address"], acc["address"], "untouched fields stay");
    assert_eq!(updated["version"], 2);
    assert!(time(&updated, "updated_at") > time(&acc, "updated_at"));
    assert_eq!(time(&updated, "created_at"), time(&acc, "created_at"));
    let got = srv.get(&path, &tok).expect(200).clone();
    assert_same(&updated, &got, "the PATCH answer and a later GET");

    let cleared = srv.patch(&path, &tok, &json!({"address": null, "metadata": {}})).expect(200).clone();
    assert!(cleared["address"].is_null(), "{cleared}");
    assert_eq!((cleared["metadata"].clone(), cleared["version"].clone()), (json!({}), json!(3)));
}

#[test]
fn patch_refuses_unknown_and_invalid_fields() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = id_of(&srv.create_account(&tok, &full_reseller()));
    let path = format!("/api/v1/accounts/{id}");
    let before = srv.get(&path, &tok).expect(200).clone();
    let events = srv.event_ids(&tok);
    for unknown in
        [json!({"kind": "customer"}), json!({"parent_id": id}), json!({"status": "cancelled"}), json!({"version": 9})]
    {
        srv.patch(&path, &tok, &unknown).problem(400, "invalid_body");
    }
    srv.patch(
        &path,
        &tok,
        &json!({"address": {"line1": "x", "city": "y", "postal_code": "1", "country": "DE", "moon": 1}}),
    )
    .problem(400, "invalid_body");
    srv.patch(&path, &tok, &json!({"name": ""})).validation("name");
    srv.patch(&path, &tok, &json!({"email": "nope"})).validation("email");
    srv.patch(&path, &tok, &json!({"name": null})).problem_one_of(&[(400, "invalid_body"), (422, "validation_failed")]);
    assert_same(&before, srv.get(&path, &tok).expect(200), "the account after refused PATCHes");
    assert_eq!(srv.event_ids(&tok), events, "a refused PATCH raised an event");
}

#[test]
fn defaults_of_a_minimal_account() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let r = srv.create_account(&tok, &json!({"kind": "reseller", "name": "Minimal R"}));
    assert_eq!(r["reseller_tier"], "basic", "{r}");
    let c = srv.create_account(&tok, &json!({"kind": "customer", "name": "Minimal C", "parent_id": r["id"]}));
    assert!(c["reseller_tier"].is_null(), "{c}");
    for field in ["email", "phone", "tax_id", "address", "hold_type"] {
        assert!(c[field].is_null(), "{field}: {c}");
    }
    assert_eq!((c["status"].clone(), c["version"].clone()), (json!("active"), json!(1)));
}

/// POSTs an action and checks status, version and the one event it raised.
fn act(srv: &TestServer, tok: &str, id: &str, action: &str, body: Value, status: &str, event: &str) -> Value {
    let before = srv.get(&format!("/api/v1/accounts/{id}"), tok).expect(200)["version"].as_u64().expect("version");
    let acc = srv.post(&format!("/api/v1/accounts/{id}/{action}"), tok, &body).expect(200).clone();
    assert_eq!(acc["status"], status, "{action}: {acc}");
    assert_eq!(acc["version"].as_u64(), Some(before + 1), "{action}: {acc}");
    let evs = srv.events_of(tok, id);
    let last = evs.last().expect("an event");
    assert_eq!(last["type"], event, "{action}: {last}");
    assert_eq!(last["sequence"].as_u64(), Some(before + 1), "{action}: {last}");
    assert_eq!(last["data"]["status"], status, "{action}: {last}");
    acc
}

#[test]
fn lifecycle_actions_and_impossible_transitions() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let id = srv.new_account(&tok, "customer", None, "Lifecycle");
    let refuse = |action: &str, body: Value| {
        let events = srv.events_of(&tok, &id).len();
        srv.post(&format!("/api/v1/accounts/{id}/{action}"), &tok, &body).problem(409, "invalid_state_transition");
        assert_eq!(srv.events_of(&tok, &id).len(), events, "{action} raised an event");
    };
    refuse("release-hold", json!({}));
    refuse("reactivate", json!({}));

    let held = act(&srv, &tok, &id, "hold", json!({"hold_type": "credit"}), "credit_hold", "account.hold.placed");
    assert_eq!(held["hold_type"], "credit");
    let released = act(&srv, &tok, &id, "release-hold", json!({}), "active", "account.hold.released");
    assert!(released["hold_type"].is_null(), "{released}");
    let held =
        act(&srv, &tok, &id, "hold", json!({"hold_type": "administrative"}), "credit_hold", "account.hold.placed");
    assert_eq!(held["hold_type"], "administrative");
    act(&srv, &tok, &id, "release-hold", json!({}), "active", "account.hold.released");
    act(&srv, &tok, &id, "suspend", json!({"reason": "abuse report"}), "suspended", "account.suspended");
    refuse("release-hold", json!({}));
    act(&srv, &tok, &id, "reactivate", json!({}), "active", "account.reactivated");
    act(&srv, &tok, &id, "cancel", json!({}), "cancelled", "account.cancelled");
    refuse("cancel", json!({}));
    refuse("suspend", json!({}));
    refuse("hold", json!({"hold_type": "credit"}));
    refuse("release-hold", json!({}));
    act(&srv, &tok, &id, "reactivate", json!({}), "active", "account.reactivated");

    let version = srv.get(&format!("/api/v1/accounts/{id}"), &tok).expect(200)["version"].clone();
    let r = srv.post(&format!("/api/v1/accounts/{id}/hold"), &tok, &json!({"hold_type": "forever"}));
    r.problem_one_of(&[(400, "invalid_body"), (422, "validation_failed")]);
    let acc = srv.get(&format!("/api/v1/accounts/{id}"), &tok).expect(200).clone();
    assert_eq!((acc["status"].clone(), acc["version"].clone()), (json!("active"), version));
}

#[test]
fn nobody_changes_the_status_of_their_own_account() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let r = srv.new_account(&tok, "reseller", None, "Self R");
    let c = srv.new_account(&tok, "customer", Some(&r), "Self C");
    let provider_id = srv.provider_id(&tok);
    for (who_tok, own) in
        [(srv.token_as(&tok, &r, "admin"), &r), (srv.token_as(&tok, &c, "admin"), &c), (tok.clone(), &provider_id)]
    {
        for (action, body) in [("suspend", json!({})), ("cancel", json!({})), ("hold", json!({"hold_type": "credit"}))]
        {
            srv.post(&format!("/api/v1/accounts/{own}/{action}"), &who_tok, &body).problem(403, "permission_denied");
        }
        let acc = srv.get(&format!("/api/v1/accounts/{own}"), &who_tok).expect(200).clone();
        assert_eq!((acc["status"].clone(), acc["version"].clone()), (json!("active"), json!(1)), "{acc}");
    }
    // The parent can: R suspends its customer.
    let r_tok = srv.token_as(&tok, &r, "admin");
    srv.post(&format!("/api/v1/accounts/{c}/suspend"), &r_tok, &json!({})).expect(200);
}

#[test]
fn list_filters() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let r = srv.new_account(&tok, "reseller", None, "Filter R");
    let c1 = srv.new_account(&tok, "customer", Some(&r), "Filter C1");
    let c2 = srv.new_account(&tok, "customer", Some(&r), "Filter C2");
    let c3 = srv.new_account(&tok, "customer", None, "Filter C3");
    srv.post(&format!("/api/v1/accounts/{c2}/suspend"), &tok, &json!({})).expect(200);
    let list = |q: &str| ids(&srv.list_all(&format!("/api/v1/accounts?{q}"), &tok));
    assert_eq!(list("kind=reseller"), vec![r.clone()]);
    assert_eq!(list("kind=customer"), vec![c1.clone(), c2.clone(), c3.clone()]);
    assert_eq!(list(&format!("parent_id={r}")), vec![c1.clone(), c2.clone()]);
    assert_eq!(list("status=suspended"), vec![c2.clone()]);
    assert_eq!(list(&format!("kind=customer&status=active&parent_id={r}")), vec![c1]);
    for bad in ["kind=bogus", "status=sleeping"] {
        srv.get(&format!("/api/v1/accounts?{bad}"), &tok).problem(400, "invalid_query");
    }
}
