//! Users, roles, permissions and API keys.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::support::{assert_same, id_of, ids, TestServer};

const PERMISSIONS: [&str; 19] = [
    "accounts.read",
    "accounts.write",
    "users.read",
    "users.write",
    "roles.read",
    "roles.write",
    "api_keys.read",
    "api_keys.write",
    "events.read",
    "webhooks.read",
    "webhooks.write",
    "tasks.read",
    "tasks.write",
    "notifications.read",
    "notifications.write",
    "catalog.read",
    "catalog.write",
    "orders.read",
    "orders.write",
];

fn strings(v: &Value, out: &mut HashSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| strings(i, out)),
        _ => {}
    }
}

fn perm_set(v: &Value) -> HashSet<String> {
    let mut all = HashSet::new();
    strings(v, &mut all);
    all.into_iter().filter(|s| s.ends_with(".read") || s.ends_with(".write")).collect()
}

fn events_of_types(srv: &TestServer, tok: &str, id: &str) -> Vec<(String, u64)> {
    srv.events_of(tok, id)
        .iter()
        .map(|e| (e["type"].as_str().unwrap_or("").to_string(), e["sequence"].as_u64().unwrap_or(0)))
        .collect()
}

#[test]
fn permissions_and_built_in_roles() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let all: HashSet<String> = PERMISSIONS.iter().map(|p| p.to_string()).collect();
    assert_eq!(perm_set(srv.get("/api/v1/permissions", &tok).expect(200)), all);

    let roles = srv.list_all("/api/v1/roles", &tok);
    let role =
        |id: &str| roles.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("built-in {id} missing: {roles:?}"));
    for id in ["admin", "billing", "technical", "read_only"] {
        assert_eq!(role(id)["built_in"], true, "{}", role(id));
    }
    assert_eq!(perm_set(&role("admin")["permissions"]), all);
    let reads: HashSet<String> = all.iter().filter(|p| p.ends_with(".read")).cloned().collect();
    assert_eq!(perm_set(&role("read_only")["permissions"]), reads);
    srv.get("/api/v1/roles/read_only", &tok).expect(200);
    // Built-in roles cannot be changed, not even by the provider's admin.
    srv.delete("/api/v1/roles/admin", &tok).problem(403, "permission_denied");
    srv.patch("/api/v1/roles/read_only", &tok, &json!({"permissions": ["accounts.read"]}))
        .problem(403, "permission_denied");
    assert_eq!(srv.get("/api/v1/roles/admin", &tok).expect(200)["built_in"], true);
    let ro = srv.get("/api/v1/roles/read_only", &tok).expect(200).clone();
    assert_eq!(perm_set(&ro["permissions"]), reads);
}

#[test]
fn custom_role_lifecycle() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider_id = srv.provider_id(&tok);
    let events = srv.event_ids(&tok);
    let body = json!({"name": "support", "description": "first line", "permissions": ["accounts.read", "users.read"]});
    let role = srv.post("/api/v1/roles", &tok, &body).expect(201).clone();
    assert_eq!(role["account_id"], provider_id.as_str());
    assert_eq!(
        (role["name"].clone(), role["description"].clone()),
        (body["name"].clone(), body["description"].clone())
    );
    assert_eq!(perm_set(&role["permissions"]), perm_set(&body["permissions"]));
    assert_eq!((role["built_in"].clone(), role["version"].clone()), (json!(false), json!(1)));
    let id = id_of(&role);
    let path = format!("/api/v1/roles/{id}");
    assert_same(&role, srv.get(&path, &tok).expect(200), "the 201 answer and a later GET");
    assert!(ids(&srv.list_all("/api/v1/roles", &tok)).contains(&id));
    let twin = json!({"name": "support", "permissions": ["accounts.read"]});
    srv.post("/api/v1/roles", &tok, &twin).problem(409, "conflict");
    // A role that a user holds cannot be deleted.
    let holder = json!({"email": "h@h.example", "name": "H", "role": id});
    let holder = id_of(srv.post("/api/v1/users", &tok, &holder).expect(201));
    srv.delete(&path, &tok).problem(409, "conflict");
    srv.delete(&format!("/api/v1/users/{holder}"), &tok).expect(204);
    let patched = srv.patch(&path, &tok, &json!({"description": "second line"})).expect(200).clone();
    assert_eq!((patched["description"].clone(), patched["version"].clone()), (json!("second line"), json!(2)));
    srv.delete(&path, &tok).expect(204);
    srv.get(&path, &tok).problem(404, "not_found");
    assert!(!ids(&srv.list_all("/api/v1/roles", &tok)).contains(&id));
    let role_events: Vec<String> = srv
        .list_all("/api/v1/events?limit=500", &tok)
        .iter()
        .filter(|e| e["object"]["id"] == id.as_str())
        .map(id_of)
        .collect();
    assert!(role_events.is_empty(), "role changes raise no event in this release: {role_events:?}");
    assert_eq!(srv.event_ids(&tok).len(), events.len() + 2, "only the holder's user.created and user.removed");
}

#[test]
fn user_lifecycle() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider_id = srv.provider_id(&tok);
    let other = srv.new_account(&tok, "customer", None, "Other");
    let body = json!({"email": "ana@example.com", "name": "Ana", "role": "billing"});
    let user = srv.post("/api/v1/users", &tok, &body).expect(201).clone();
    for field in ["email", "name", "role"] {
        assert_eq!(user[field], body[field], "{field}: {user}");
    }
    assert_eq!(user["account_id"], provider_id.as_str());
    assert_eq!((user["status"].clone(), user["version"].clone()), (json!("active"), json!(1)));
    let id = id_of(&user);
    let path = format!("/api/v1/users/{id}");
    assert_same(&user, srv.get(&path, &tok).expect(200), "the 201 answer and a later GET");

    let dup = json!({"email": "ana@example.com", "name": "Ana 2", "role": "read_only"});
    srv.post("/api/v1/users", &tok, &dup).problem(409, "conflict");
    let elsewhere = json!({"account_id": other, "email": "ana@example.com", "name": "Ana", "role": "read_only"});
    let twin = srv.post("/api/v1/users", &tok, &elsewhere).expect(201).clone();
    assert_eq!(twin["account_id"], other.as_str());

    let change = json!({"name": "Ana B", "role": "technical", "status": "disabled"});
    let updated = srv.patch(&path, &tok, &change).expect(200).clone();
    for field in ["name", "role", "status"] {
        assert_eq!(updated[field], change[field], "{field}: {updated}");
    }
    assert_eq!(updated["version"], 2);
    srv.delete(&path, &tok).expect(204);
    srv.get(&path, &tok).problem(404, "not_found");
    srv.delete(&path, &tok).problem(404, "not_found");
    let listed = ids(&srv.list_all("/api/v1/users", &tok));
    assert!(!listed.contains(&id) && listed.contains(&id_of(&twin)), "{listed:?}");
    let expected = [("user.created", 1), ("user.updated", 2), ("user.removed", 3)];
    let expected: Vec<(String, u64)> = expected.iter().map(|(t, s)| (t.to_string(), *s)).collect();
    assert_eq!(events_of_types(&srv, &tok, &id), expected);
    assert!(srv.events_of(&tok, &id).iter().all(|e| e["object"]["kind"] == "user"));
}

#[test]
fn api_key_lifecycle() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let acc = srv.new_account(&tok, "reseller", None, "Keyed");
    let key = srv.create_key_full(&tok, &acc, "read_only");
    let secret = key["key"].as_str().expect("key").to_string();
    assert_eq!((key["account_id"].clone(), key["role"].clone()), (json!(acc), json!("read_only")));
    assert_eq!(key["name"], "it");
    assert!(key["revoked_at"].is_null(), "{key}");
    let prefix = key["prefix"].as_str().expect("prefix");
    assert!(!prefix.is_empty() && secret.starts_with(prefix), "{key}");
    let id = id_of(&key);
    let path = format!("/api/v1/api-keys/{id}");

    let got = srv.get(&path, &tok);
    assert!(got.expect(200).get("key").is_none(), "GET shows the secret: {}", got.text);
    assert!(!got.text.contains(&secret));
    let list = srv.get("/api/v1/api-keys?limit=500", &tok);
    list.expect(200);
    assert!(!list.text.contains(&secret), "the list shows a secret");
    assert!(list.body["data"].as_array().expect("data").iter().all(|k| k.get("key").is_none()));

    let key_tok = srv.token_for(&secret);
    srv.get("/api/v1/accounts", &key_tok).expect(200);
    let revoked = srv.post(&format!("{path}/revoke"), &tok, &json!({})).expect(200).clone();
    assert!(revoked["revoked_at"].is_string(), "{revoked}");
    assert!(revoked.get("key").is_none(), "{revoked}");
    srv.post(&format!("{path}/revoke"), &tok, &json!({})).problem(409, "invalid_state_transition");
    srv.post("/api/v1/auth/token", "", &json!({"api_key": secret})).problem(401, "invalid_api_key");
    // A token already issued stays valid until it expires.
    srv.get("/api/v1/accounts", &key_tok).expect(200);
    assert!(srv.get(&path, &tok).expect(200)["revoked_at"].is_string());
    let expected = vec![("api_key.created".to_string(), 1), ("api_key.revoked".to_string(), 2)];
    assert_eq!(events_of_types(&srv, &tok, &id), expected);
    assert!(srv.events_of(&tok, &id).iter().all(|e| e["object"]["kind"] == "api_key"));
}
