//! Permissions and roles (docs/api.md "Permissions and roles"): 403 `permission_denied`
//! without the permission, 403 `permission_escalation` for granting more than one holds.

use serde_json::{json, Value};

use crate::support::{id_of, ids, TestServer};

/// Everything a write could have touched, as seen by the provider.
fn snapshot(srv: &TestServer, provider: &str) -> Vec<Vec<String>> {
    ["accounts", "users", "roles", "api-keys", "events"]
        .iter()
        .map(|what| ids(&srv.list_all(&format!("/api/v1/{what}?limit=500"), provider)))
        .collect()
}

fn role(srv: &TestServer, tok: &str, account: &str, name: &str, perms: &[&str]) -> String {
    let body = json!({"account_id": account, "name": name, "permissions": perms});
    let r = srv.post("/api/v1/roles", tok, &body).expect(201).clone();
    assert_eq!(r["built_in"], false, "{r}");
    id_of(&r)
}

#[test]
fn read_only_key_reads_but_cannot_write() {
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let r = srv.new_account(&provider, "reseller", None, "R");
    let c = srv.new_account(&provider, "customer", Some(&r), "C");
    let user_body = json!({"account_id": c, "email": "c@c.example", "name": "C", "role": "read_only"});
    let user = id_of(srv.post("/api/v1/users", &provider, &user_body).expect(201));
    let key = id_of(&srv.create_key_full(&provider, &c, "read_only"));
    let ro = srv.token_as(&provider, &r, "read_only");
    let before = snapshot(&srv, &provider);

    for path in [
        "/api/v1/accounts".to_string(),
        format!("/api/v1/accounts/{c}"),
        "/api/v1/users".to_string(),
        format!("/api/v1/users/{user}"),
        "/api/v1/roles".to_string(),
        "/api/v1/api-keys".to_string(),
        format!("/api/v1/api-keys/{key}"),
        "/api/v1/events".to_string(),
        "/api/v1/permissions".to_string(),
        "/api/v1/event-types".to_string(),
    ] {
        srv.get(&path, &ro).expect(200);
    }

    let writes: Vec<(&str, String, Value)> = vec![
        ("POST", "/api/v1/accounts".into(), json!({"kind": "customer", "name": "n"})),
        ("PATCH", format!("/api/v1/accounts/{c}"), json!({"name": "n"})),
        ("POST", format!("/api/v1/accounts/{c}/suspend"), json!({})),
        ("POST", format!("/api/v1/accounts/{c}/hold"), json!({"hold_type": "credit"})),
        ("POST", format!("/api/v1/accounts/{c}/cancel"), json!({})),
        ("POST", "/api/v1/users".into(), json!({"email": "n@n.example", "name": "n", "role": "read_only"})),
        ("PATCH", format!("/api/v1/users/{user}"), json!({"name": "n"})),
        ("DELETE", format!("/api/v1/users/{user}"), Value::Null),
        ("POST", "/api/v1/roles".into(), json!({"name": "n", "permissions": ["accounts.read"]})),
        ("POST", "/api/v1/api-keys".into(), json!({"role": "read_only"})),
        ("POST", format!("/api/v1/api-keys/{key}/revoke"), json!({})),
    ];
    for (m, path, body) in writes {
        let call = srv.call(crate::support::method(m), &path).bearer(&ro);
        let call = if body.is_null() { call } else { call.json(&body) };
        call.send().problem(403, "permission_denied");
    }
    assert_eq!(snapshot(&srv, &provider), before, "a denied write changed something");
    let acc = srv.get(&format!("/api/v1/accounts/{c}"), &provider).expect(200).clone();
    assert_eq!((acc["version"].clone(), acc["status"].clone()), (json!(1), json!("active")));
}

#[test]
fn read_only_key_cannot_mint_a_key_at_all() {
    // read_only lacks `api_keys.write`, so the missing permission answers before any escalation check.
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let r = srv.new_account(&provider, "reseller", None, "R");
    let ro = srv.token_as(&provider, &r, "read_only");
    let before = snapshot(&srv, &provider);
    srv.post("/api/v1/api-keys", &ro, &json!({"role": "admin"})).problem(403, "permission_denied");
    srv.post("/api/v1/api-keys", &ro, &json!({"account_id": r, "role": "admin"})).problem(403, "permission_denied");
    assert_eq!(snapshot(&srv, &provider), before);
}

#[test]
fn nobody_grants_a_permission_they_do_not_hold() {
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let r = srv.new_account(&provider, "reseller", None, "R");
    let perms_keys = ["api_keys.read", "api_keys.write", "accounts.read"];
    let keymaster = role(&srv, &provider, &r, "keymaster", &perms_keys);
    let usermgr = role(&srv, &provider, &r, "usermgr", &["users.read", "users.write"]);
    let rolemgr = role(&srv, &provider, &r, "rolemgr", &["roles.read", "roles.write"]);
    let km = srv.token_as(&provider, &r, &keymaster);
    let um = srv.token_as(&provider, &r, &usermgr);
    let rm = srv.token_as(&provider, &r, &rolemgr);
    let before = snapshot(&srv, &provider);

    for role in ["admin", "read_only", &usermgr] {
        srv.post("/api/v1/api-keys", &km, &json!({"role": role})).problem(403, "permission_escalation");
    }
    for role in ["admin", "read_only", &keymaster] {
        let body = json!({"email": "e@r.example", "name": "E", "role": role});
        srv.post("/api/v1/users", &um, &body).problem(403, "permission_escalation");
    }
    for perms in [json!(["accounts.write"]), json!(["roles.read", "events.read"])] {
        let body = json!({"name": "bigger", "permissions": perms});
        srv.post("/api/v1/roles", &rm, &body).problem(403, "permission_escalation");
    }
    assert_eq!(snapshot(&srv, &provider), before, "an escalation attempt wrote");

    // Controls: granting exactly what one holds is allowed.
    srv.post("/api/v1/api-keys", &km, &json!({"role": keymaster})).expect(201);
    let body = json!({"email": "e@r.example", "name": "E", "role": usermgr});
    let user = id_of(srv.post("/api/v1/users", &um, &body).expect(201));
    let body = json!({"name": "smaller", "permissions": ["roles.read"]});
    let smaller = id_of(srv.post("/api/v1/roles", &rm, &body).expect(201));

    // Raising an existing user or role is an escalation too.
    srv.patch(&format!("/api/v1/users/{user}"), &um, &json!({"role": "admin"})).problem(403, "permission_escalation");
    let grow = json!({"permissions": ["roles.read", "accounts.write"]});
    srv.patch(&format!("/api/v1/roles/{smaller}"), &rm, &grow).problem(403, "permission_escalation");
    let u = srv.get(&format!("/api/v1/users/{user}"), &provider).expect(200).clone();
    assert_eq!(u["role"], usermgr.as_str(), "{u}");
    let s = srv.get(&format!("/api/v1/roles/{smaller}"), &provider).expect(200).clone();
    assert_eq!(s["permissions"], json!(["roles.read"]), "{s}");
}

#[test]
fn a_custom_role_grants_exactly_its_permissions() {
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let r = srv.new_account(&provider, "reseller", None, "R");
    let viewer = role(&srv, &provider, &r, "viewer", &["accounts.read"]);
    let tok = srv.token_as(&provider, &r, &viewer);
    srv.get("/api/v1/accounts", &tok).expect(200);
    srv.get(&format!("/api/v1/accounts/{r}"), &tok).expect(200);
    srv.get("/api/v1/permissions", &tok).expect(200);
    srv.get("/api/v1/event-types", &tok).expect(200);
    for path in ["/api/v1/users", "/api/v1/roles", "/api/v1/api-keys", "/api/v1/events"] {
        srv.get(path, &tok).problem(403, "permission_denied");
    }
    let body = json!({"kind": "customer", "name": "n"});
    srv.post("/api/v1/accounts", &tok, &body).problem(403, "permission_denied");
    srv.patch(&format!("/api/v1/accounts/{r}"), &tok, &json!({"name": "n"})).problem(403, "permission_denied");
}
