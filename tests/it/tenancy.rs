//! Tenant isolation (docs/api.md "Tenancy"): another tenant's object answers 404 exactly
//! like an id that does not exist.

use serde_json::{json, Value};

use crate::support::{fake_id_like, id_of, ids, method, TestServer};

/// Every per-account operation on `id`: (operation, status, code), each asserted 404.
fn probe_account(srv: &TestServer, tok: &str, id: &str) -> Vec<(String, u16, String)> {
    let ops: [(&str, String, Option<Value>); 7] = [
        ("GET", format!("/api/v1/accounts/{id}"), None),
        ("PATCH", format!("/api/v1/accounts/{id}"), Some(json!({"name": "hijacked"}))),
        ("POST", format!("/api/v1/accounts/{id}/hold"), Some(json!({"hold_type": "administrative"}))),
        ("POST", format!("/api/v1/accounts/{id}/release-hold"), Some(json!({}))),
        ("POST", format!("/api/v1/accounts/{id}/suspend"), Some(json!({"reason": "probe"}))),
        ("POST", format!("/api/v1/accounts/{id}/reactivate"), Some(json!({}))),
        ("POST", format!("/api/v1/accounts/{id}/cancel"), Some(json!({}))),
    ];
    ops.into_iter()
        .map(|(m, path, body)| {
            let mut call = srv.call(method(m), &path).bearer(tok);
            if let Some(b) = &body {
                call = call.json(b);
            }
            let r = call.send();
            r.problem(404, "not_found");
            (format!("{m} {}", path.replace(id, "{id}")), r.status, r.code().to_string())
        })
        .collect()
}

#[test]
fn foreign_accounts_answer_exactly_like_nonexistent_ids() {
    let srv = TestServer::start();
    let t = Tree::build(&srv);
    let cases: [(&str, &str, Vec<&str>); 4] = [
        ("R2", &t.r2_tok, vec![&t.r1, &t.r1a, &t.c1a, &t.provider_id]),
        ("R1", &t.r1_tok, vec![&t.r2, &t.c2, &t.provider_id]),
        ("R1a", &t.r1a_tok, vec![&t.r1, &t.r2, &t.c2]),
        ("C1a", &t.c1a_tok, vec![&t.r1a, &t.r1, &t.r2, &t.c2, &t.provider_id]),
    ];
    for (who, tok, foreign) in cases {
        for id in foreign {
            let real = probe_account(&srv, tok, id);
            let guessed = probe_account(&srv, tok, &fake_id_like(id));
            assert_eq!(real, guessed, "{who} probing {id}: foreign vs nonexistent id");
        }
    }
    // Filtering by a foreign (non-ancestor) parent lists nothing, like an unknown parent.
    let filters: [(&str, &str, Vec<&str>); 4] = [
        ("R2", &t.r2_tok, vec![&t.r1, &t.r1a]),
        ("R1", &t.r1_tok, vec![&t.r2]),
        ("R1a", &t.r1a_tok, vec![&t.r2]),
        ("C1a", &t.c1a_tok, vec![&t.r2]),
    ];
    for (who, tok, parents) in filters {
        for parent in parents {
            let list = |p: &str| {
                let r = srv.get(&format!("/api/v1/accounts?parent_id={p}"), tok);
                (r.status, r.code().to_string(), r.body["data"].as_array().map_or(0, Vec::len))
            };
            let real = list(parent);
            assert_eq!(real.2, 0, "{who} lists children of foreign {parent}");
            assert_eq!(real, list(&fake_id_like(parent)), "{who} filtering by {parent}");
        }
    }
    for id in [&t.r1, &t.r1a, &t.c1a, &t.r2, &t.c2] {
        let acc = srv.get(&format!("/api/v1/accounts/{id}"), &t.provider).expect(200).clone();
        assert_eq!(acc["status"], "active", "{acc}");
        assert_eq!(acc["version"], 1, "{acc}");
        assert_ne!(acc["name"], "hijacked", "{acc}");
    }
    for ty in ["account.updated", "account.suspended", "account.cancelled", "account.hold.placed"] {
        let evs = srv.list_all(&format!("/api/v1/events?type={ty}"), &t.provider);
        assert!(evs.is_empty(), "a refused probe raised {ty}: {evs:?}");
    }
}

/// The list holds exactly the caller's own account and its subtree (the AccountList contract).
fn assert_sees(srv: &TestServer, who: &str, tok: &str, subtree: &[&String]) {
    let listed = srv.account_ids(tok);
    for id in &listed {
        assert!(subtree.contains(&id), "{who} lists {id}, outside its subtree");
    }
    for id in subtree {
        assert!(listed.contains(id), "{who} does not list {id} of its subtree");
        srv.get(&format!("/api/v1/accounts/{id}"), tok).expect(200);
    }
}

#[test]
fn lists_hold_only_the_own_subtree() {
    let srv = TestServer::start();
    let t = Tree::build(&srv);
    assert_sees(&srv, "R1", &t.r1_tok, &[&t.r1, &t.r1a, &t.c1a]);
    assert_sees(&srv, "R1a", &t.r1a_tok, &[&t.r1a, &t.c1a]);
    assert_sees(&srv, "R2", &t.r2_tok, &[&t.r2, &t.c2]);
    assert_sees(&srv, "C1a", &t.c1a_tok, &[&t.c1a]);
    let all = [&t.provider_id, &t.r1, &t.r2, &t.r1a, &t.c1a, &t.c2];
    assert_sees(&srv, "provider", &t.provider, &all);

    let resellers = ids(&srv.list_all("/api/v1/accounts?kind=reseller", &t.r2_tok));
    assert!(!resellers.contains(&t.r1) && !resellers.contains(&t.r1a), "{resellers:?}");
    let r1_customers = ids(&srv.list_all("/api/v1/accounts?kind=customer", &t.r1_tok));
    assert_eq!(r1_customers, vec![t.c1a.clone()]);
    // Positive control: the same PATCH that a foreign tenant cannot do works in the subtree.
    let path = format!("/api/v1/accounts/{}", t.c1a);
    srv.patch(&path, &t.r1_tok, &json!({"name": "C1a renamed"})).expect(200);
}

#[test]
fn accounts_cannot_be_created_outside_the_own_subtree() {
    let srv = TestServer::start();
    let t = Tree::build(&srv);
    let before = srv.account_ids(&t.provider);
    let under = |tok: &str, parent: Option<&str>| {
        let mut body = json!({"kind": "customer", "name": "intruder"});
        if let Some(p) = parent {
            body["parent_id"] = json!(p);
        }
        srv.post("/api/v1/accounts", tok, &body)
    };
    for parent in [&t.r1, &t.r1a, &t.provider_id] {
        let foreign = under(&t.r2_tok, Some(parent));
        foreign.problem(404, "not_found");
        let guessed = under(&t.r2_tok, Some(&fake_id_like(parent)));
        assert_eq!((foreign.status, foreign.code()), (guessed.status, guessed.code()));
    }
    under(&t.r2_tok, Some(&t.c2)).problem(422, "parent_cannot_have_children");
    under(&t.c1a_tok, None).problem(422, "parent_cannot_have_children");
    under(&t.c1a_tok, Some(&t.c1a)).problem(422, "parent_cannot_have_children");
    under(&t.c1a_tok, Some(&t.r1a)).problem(404, "not_found");
    under(&t.r1a_tok, Some(&t.r1)).problem(404, "not_found");
    assert_eq!(srv.account_ids(&t.provider), before, "a refused create wrote");

    // A reseller creates customers and sub-resellers anywhere in its subtree.
    let c = srv.new_account(&t.r1_tok, "customer", Some(&t.r1a), "C1a-2");
    let r = srv.new_account(&t.r1_tok, "reseller", Some(&t.r1a), "R1a-sub");
    srv.new_account(&t.r1a_tok, "customer", Some(&r), "deep customer");
    assert_eq!(srv.account_ids(&t.provider).len(), before.len() + 3);
    assert!(srv.account_ids(&t.r1a_tok).contains(&c));
}

#[test]
fn users_keys_roles_and_events_of_other_tenants_are_invisible() {
    let srv = TestServer::start();
    let t = Tree::build(&srv);
    let user = |tok: &str, acc: &str, email: &str| {
        let body = json!({"account_id": acc, "email": email, "name": "U", "role": "read_only"});
        srv.post("/api/v1/users", tok, &body)
    };
    let u1 = id_of(user(&t.r1_tok, &t.r1, "u1@r1.example").expect(201));
    let u2 = id_of(user(&t.r1_tok, &t.c1a, "u2@c1a.example").expect(201));
    let role_body = json!({"name": "r1-viewer", "permissions": ["accounts.read"]});
    let role1 = id_of(srv.post("/api/v1/roles", &t.r1_tok, &role_body).expect(201));
    let k1 = id_of(&srv.create_key_full(&t.r1_tok, &t.r1a, "read_only"));
    // A custom role is usable in the subtree of the account that defines it.
    srv.create_key_full(&t.r1_tok, &t.c1a, &role1);

    // C1a may see its ancestors' custom roles (they are usable there), not their users.
    let objects = [
        ("users", &u1, json!({"name": "x"}), vec![&t.r2_tok, &t.c1a_tok]),
        ("users", &u2, json!({"name": "x"}), vec![&t.r2_tok]),
        ("roles", &role1, json!({"description": "x"}), vec![&t.r2_tok]),
    ];
    for (kind, id, patch, toks) in &objects {
        for tok in toks {
            let probe = |id: &str| {
                let path = format!("/api/v1/{kind}/{id}");
                [srv.get(&path, tok), srv.patch(&path, tok, patch), srv.delete(&path, tok)]
                    .map(|r| (r.status, r.code().to_string()))
            };
            let real = probe(id);
            assert_eq!(real[0], (404, "not_found".to_string()), "{kind} {id}");
            assert_eq!(real, probe(&fake_id_like(id)), "{kind} {id}: foreign vs nonexistent");
        }
    }
    let key_probe = |id: &str| {
        let get = srv.get(&format!("/api/v1/api-keys/{id}"), &t.r2_tok);
        let revoke = srv.post(&format!("/api/v1/api-keys/{id}/revoke"), &t.r2_tok, &json!({}));
        revoke.problem(404, "not_found");
        [get, revoke].map(|r| (r.status, r.code().to_string()))
    };
    assert_eq!(key_probe(&k1), key_probe(&fake_id_like(&k1)));

    let r2_users = ids(&srv.list_all("/api/v1/users", &t.r2_tok));
    let c1a_users = ids(&srv.list_all("/api/v1/users", &t.c1a_tok));
    assert!(!r2_users.contains(&u1) && !r2_users.contains(&u2), "{r2_users:?}");
    assert!(c1a_users.contains(&u2) && !c1a_users.contains(&u1), "{c1a_users:?}");
    assert!(!ids(&srv.list_all("/api/v1/roles", &t.r2_tok)).contains(&role1));
    assert!(!ids(&srv.list_all("/api/v1/api-keys", &t.r2_tok)).contains(&k1));

    user(&t.r2_tok, &t.r1, "x@r2.example").problem(404, "not_found");
    let key_body = json!({"account_id": t.r1, "role": "read_only"});
    srv.post("/api/v1/api-keys", &t.r2_tok, &key_body).problem(404, "not_found");
    let role_body = json!({"account_id": t.r1, "name": "x", "permissions": ["accounts.read"]});
    srv.post("/api/v1/roles", &t.r2_tok, &role_body).problem(404, "not_found");
    let with_role = |role: &str| {
        let body = json!({"account_id": t.r2, "role": role});
        let r = srv.post("/api/v1/api-keys", &t.r2_tok, &body);
        assert!(r.status >= 400, "a foreign role was usable: {}", r.text);
        (r.status, r.code().to_string())
    };
    assert_eq!(with_role(&role1), with_role(&fake_id_like(&role1)));

    let r1_events = srv.list_all("/api/v1/events?limit=500", &t.r1_tok);
    let u1_created = r1_events
        .iter()
        .find(|e| e["type"] == "user.created" && e["object"]["id"] == u1.as_str())
        .expect("R1 sees its user.created event");
    let r1_things = [&t.r1, &t.r1a, &t.c1a, &u1, &u2, &role1, &k1];
    for e in srv.list_all("/api/v1/events?limit=500", &t.r2_tok) {
        let names_r1 = r1_things.iter().any(|x| e["account_id"] == x.as_str() || e["object"]["id"] == x.as_str());
        assert!(!names_r1, "R2 sees an event of R1's subtree: {e}");
    }
    let ev = id_of(u1_created);
    let real = srv.get(&format!("/api/v1/events/{ev}"), &t.r2_tok);
    real.problem(404, "not_found");
    let guessed = srv.get(&format!("/api/v1/events/{}", fake_id_like(&ev)), &t.r2_tok);
    assert_eq!((real.status, real.code()), (guessed.status, guessed.code()));
    assert!(srv.events_of(&t.r2_tok, &t.r1).is_empty());
    assert!(srv.events_of(&t.r2_tok, &u1).is_empty());

    srv.get(&format!("/api/v1/users/{u1}"), &t.provider).expect(200);
    let key = srv.get(&format!("/api/v1/api-keys/{k1}"), &t.provider).expect(200).clone();
    assert!(key["revoked_at"].is_null(), "{key}");
}

/// The tenancy fixture: P → R1 → R1a → C1a, P → R2 → C2, admin keys for each.
pub struct Tree {
    pub provider: String,
    pub provider_id: String,
    pub r1: String,
    pub r1a: String,
    pub c1a: String,
    pub r2: String,
    pub c2: String,
    pub r1_tok: String,
    pub r1a_tok: String,
    pub c1a_tok: String,
    pub r2_tok: String,
}

impl Tree {
    pub fn build(srv: &TestServer) -> Tree {
        let provider = srv.provider_token();
        let provider_id = srv.provider_id(&provider);
        let r1 = srv.new_account(&provider, "reseller", None, "R1");
        let r2 = srv.new_account(&provider, "reseller", None, "R2");
        let r1_tok = srv.token_as(&provider, &r1, "admin");
        let r2_tok = srv.token_as(&provider, &r2, "admin");
        let r1a = srv.new_account(&r1_tok, "reseller", None, "R1a");
        let r1a_tok = srv.token_as(&r1_tok, &r1a, "admin");
        let c1a = srv.new_account(&r1a_tok, "customer", None, "C1a");
        let c1a_tok = srv.token_as(&r1_tok, &c1a, "admin");
        let c2 = srv.new_account(&r2_tok, "customer", None, "C2");
        Tree { provider, provider_id, r1, r1a, c1a, r2, c2, r1_tok, r1a_tok, c1a_tok, r2_tok }
    }
}
