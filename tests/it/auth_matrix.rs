//! The auth matrix: every operation of the committed contract (openapi/openapi.json) ×
//! every kind of caller answers as docs/api.md says — 401 without a valid token, 403
//! without the permission the operation's `x-authorization` names, 404 for objects
//! outside the caller's subtree exactly like missing ones, and otherwise neither.
//! Operations added to the contract are covered without a new test.

use std::collections::{BTreeSet, HashSet};

use reqwest::Method;
use serde_json::{json, Value};

use crate::auth::{decode, hs256_header, sign};
use crate::support::{id_of, method, Resp, TestServer};

/// What docs/api.md says a caller gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// 401 `unauthenticated` or `invalid_token`.
    Unauthenticated,
    /// 403 `permission_denied`.
    Denied,
    /// 404 `not_found`: the object is missing or another tenant's. A body that is refused
    /// (400, 422) before the lookup passes when a missing id gets exactly the same answer:
    /// docs/api.md promises that another tenant's object answers like a missing one.
    NotFound,
    /// The call gets past authentication, authorization and tenancy: no 401, 403, 404 or 5xx.
    Allowed,
}

/// Where the caller's account stands relative to reseller A, who owns every object used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stand {
    /// A itself: A's subtree is its own.
    InA,
    /// Reseller B, A's sibling under the provider.
    Sibling,
    /// A customer of A: below A, so A is its ancestor, but A's objects are not its own.
    CustomerOfA,
}

struct Caller {
    name: String,
    /// "" sends no Authorization header.
    token: String,
    /// None: the token is missing or invalid.
    key: Option<(Stand, BTreeSet<String>)>,
}

/// One operation of the contract with its `x-authorization` rule.
struct Operation {
    method: String,
    path: String,
    id: String,
    public: bool,
    permissions: BTreeSet<String>,
    provider_only: bool,
    reads_ancestors: bool,
    has_body: bool,
}

fn operations(spec: &Value) -> Vec<Operation> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for (m, op) in item.as_object().expect("path item") {
            if !["get", "post", "put", "patch", "delete"].contains(&m.as_str()) {
                continue;
            }
            let public = op["security"].as_array().is_some_and(Vec::is_empty);
            let rule = &op["x-authorization"];
            assert!(public || rule.is_object(), "{m} {path}: no x-authorization");
            let permissions = rule["permissions"]
                .as_array()
                .map(|a| a.iter().map(|p| p.as_str().expect("permission name").to_string()).collect())
                .unwrap_or_default();
            out.push(Operation {
                method: m.to_uppercase(),
                path: path.clone(),
                id: op["operationId"].as_str().expect("operationId").to_string(),
                public,
                permissions,
                provider_only: rule["provider_only"] == json!(true),
                reads_ancestors: rule["reads_ancestors"] == json!(true),
                has_body: op.get("requestBody").is_some(),
            });
        }
    }
    // Deletions last, so that what they remove is not needed by the other operations.
    out.sort_by_key(|o| o.method == "DELETE");
    out
}

/// The `{name}` parameters of a path template, in order.
fn params(path: &str) -> Vec<String> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(str::to_string)
        .collect()
}

/// An id that names nothing (the id of an object of a kind nobody made yet).
fn missing_id() -> String {
    format!("zzz_{}", ulid::Ulid::new().to_string().to_lowercase())
}

/// Reseller A with one object of every kind the setup can make, B and a customer of A.
struct World {
    /// A's subtree except the customer whose key is a caller: the owners of the objects used.
    owners: HashSet<String>,
    /// Accounts and keys of callers, never used as the object of a call.
    callers: HashSet<String>,
    a_admin: String,
}

fn build(srv: &TestServer) -> (World, Vec<Caller>) {
    let p = srv.provider_token();
    // The provider's catalog, and a plan given to A that A builds its own plan on.
    let rt = id_of(
        srv.post("/api/v1/resource-types", &p, &json!({"name": "Disk", "unit": "GB", "gateway": "simulated"}))
            .expect(201),
    );
    let resources = json!([{"resource_type_id": rt, "included": "10"}]);
    let st = srv.post("/api/v1/service-templates", &p, &json!({"name": "Hosting", "resources": resources}));
    let st = id_of(st.expect(201));
    let periods = json!([{"months": 1, "setup_fee": "0", "recurring_fee": "10"}]);
    let body = json!({"service_template_id": st, "name": "Base", "currency": "USD", "periods": periods});
    let base = id_of(srv.post("/api/v1/plans", &p, &body).expect(201));
    let body = json!({"kind": "reseller", "name": "A", "reseller_tier": "advanced"});
    let a = id_of(&srv.create_account(&p, &body));
    let b = srv.new_account(&p, "reseller", None, "B");
    srv.post(&format!("/api/v1/plans/{base}/grants"), &p, &json!({"account_id": a})).expect(201);

    let mut callers = Vec::new();
    let mut caller_ids = HashSet::from([a.clone(), b.clone()]);
    for role in ["admin", "billing", "technical", "read_only"] {
        callers.push(key_caller(srv, &mut caller_ids, &format!("A {role}"), &a, role, Stand::InA));
    }
    callers.push(key_caller(srv, &mut caller_ids, "sibling B admin", &b, "admin", Stand::Sibling));
    let a_admin = callers[0].token.clone();

    // A's objects. Hooks first, so that the accounts made after them leave deliveries,
    // notifications and tasks behind.
    let hook = json!({"url": "http://127.0.0.1:9/hook", "event_types": ["*"]});
    srv.post("/api/v1/webhook-endpoints", &a_admin, &hook).expect(201);
    let script = json!({"url": "http://127.0.0.1:9/script", "event_types": ["*"]});
    srv.post("/api/v1/script-actions", &a_admin, &script).expect(201);
    let template = json!({"event_type": "account.created", "language": "en", "subject": "Hello", "body": "Hi"});
    srv.post("/api/v1/notification-templates", &a_admin, &template).expect(201);
    let target = srv.new_account(&a_admin, "customer", None, "T");
    let customer = srv.new_account(&a_admin, "customer", None, "C");
    caller_ids.insert(customer.clone());
    for role in ["admin", "read_only"] {
        let name = format!("customer of A {role}");
        callers.push(key_caller(srv, &mut caller_ids, &name, &customer, role, Stand::CustomerOfA));
    }
    let user = json!({"email": "u@a.example", "name": "U", "role": "read_only"});
    srv.post("/api/v1/users", &a_admin, &user).expect(201);
    let role = json!({"name": "viewer", "permissions": ["accounts.read"]});
    srv.post("/api/v1/roles", &a_admin, &role).expect(201);
    srv.create_key_full(&a_admin, &a, "read_only");
    let a_rt =
        srv.post("/api/v1/resource-types", &a_admin, &json!({"name": "A disk", "unit": "GB", "gateway": "simulated"}));
    let a_rt = id_of(a_rt.expect(201));
    let resources = json!([{"resource_type_id": a_rt, "included": "1"}]);
    srv.post("/api/v1/service-templates", &a_admin, &json!({"name": "A hosting", "resources": resources})).expect(201);
    let body = json!({"base_plan_id": base, "name": "A plan", "currency": "USD", "periods": periods});
    let plan = id_of(srv.post("/api/v1/plans", &a_admin, &body).expect(201));
    let brand = json!({"name": "A", "host_name": "a.example.com", "default_language": "en", "currency": "USD"});
    let brand = id_of(srv.post("/api/v1/brands", &a_admin, &brand).expect(201));
    srv.post(&format!("/api/v1/brands/{brand}/plans"), &a_admin, &json!({"plan_id": plan})).expect(201);
    let coupon = json!({"code": "A10", "name": "A ten", "percent": "10", "applies_to": "recurring"});
    srv.post("/api/v1/coupons", &a_admin, &coupon).expect(201);
    let order = json!({"account_id": target, "type": "sales", "lines": [{"plan_id": plan, "months": 1}]});
    srv.post("/api/v1/orders", &a_admin, &order).expect(201);
    // The work the accounts raised, made by the dispatcher in the background.
    for list in ["/api/v1/deliveries", "/api/v1/notifications", "/api/v1/tasks"] {
        wait_for_items(srv, list, &a_admin);
    }

    let owners: HashSet<String> = srv.account_ids(&a_admin).into_iter().filter(|id| *id != customer).collect();
    assert!(owners.contains(&target) && owners.contains(&a), "{owners:?}");
    callers.insert(0, Caller { name: "no token".into(), token: String::new(), key: None });
    callers.insert(1, Caller { name: "expired token".into(), token: expired(srv, &a_admin), key: None });
    (World { owners, callers: caller_ids, a_admin }, callers)
}

/// A caller with a fresh key of `role` on `account`, minted by the provider.
fn key_caller(
    srv: &TestServer,
    caller_ids: &mut HashSet<String>,
    name: &str,
    account: &str,
    role: &str,
    stand: Stand,
) -> Caller {
    let p = srv.provider_token();
    let key = srv.create_key_full(&p, account, role);
    caller_ids.insert(id_of(&key));
    let token = srv.token_for(key["key"].as_str().expect("secret"));
    let perms = srv.get(&format!("/api/v1/roles/{role}"), &p).expect(200)["permissions"].clone();
    let perms = perms.as_array().expect("permissions").iter().map(|v| v.as_str().unwrap().to_string()).collect();
    Caller { name: name.to_string(), token, key: Some((stand, perms)) }
}

fn wait_for_items(srv: &TestServer, path: &str, tok: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while srv.get(path, tok).expect(200)["data"].as_array().is_none_or(Vec::is_empty) {
        assert!(std::time::Instant::now() < deadline, "{path} stayed empty");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A real token of `tok`'s key whose `exp` has passed, signed with the server's key.
fn expired(srv: &TestServer, tok: &str) -> String {
    let (_, mut payload, _) = decode(tok);
    let now = chrono::Utc::now().timestamp();
    payload["exp"] = json!(now - 3600);
    payload["iat"] = json!(now - 7200);
    sign(&hs256_header(&srv.jwt_kid), &payload, &srv.jwt_secret)
}

/// The path of `op` with every parameter filled: an object of A's subtree from the list
/// the parameter's collection answers (`{id}` of `/plans/{id}` from `GET /plans`,
/// `{plan_id}` of `/brands/{id}/plans/{plan_id}` from `GET /brands/{id}/plans`), or an
/// id that names nothing where A has no such object. Also says whether all were real.
fn fill(srv: &TestServer, w: &World, op: &Operation) -> (String, bool) {
    let mut path = op.path.clone();
    let mut all_real = true;
    for name in params(&op.path) {
        let placeholder = format!("{{{name}}}");
        let collection = &path[..path.find(&placeholder).expect("placeholder") - 1];
        let field = if name == "id" { "id".to_string() } else { name.clone() };
        let top_level = params(collection).is_empty();
        let r = srv.get(&format!("{collection}?limit=500"), &w.a_admin);
        let found =
            (r.status == 200).then(|| r.body["data"].as_array().cloned().unwrap_or_default()).and_then(|items| {
                items
                    .iter()
                    .filter(|item| !top_level || owned_by_a(w, item))
                    .filter_map(|item| item[&field].as_str())
                    .find(|id| !w.callers.contains(*id))
                    .map(str::to_string)
            });
        all_real &= found.is_some();
        path = path.replace(&placeholder, &found.unwrap_or_else(missing_id));
    }
    (path, all_real)
}

/// `template` with every parameter an id that names nothing.
fn ghost_path(template: &str) -> String {
    params(template).iter().fold(template.to_string(), |p, name| p.replace(&format!("{{{name}}}"), &missing_id()))
}

/// Whether a listed object belongs to A's subtree (not to the provider above it).
fn owned_by_a(w: &World, item: &Value) -> bool {
    let owner = item["account_id"].as_str().or_else(|| item["id"].as_str().filter(|id| id.starts_with("acc_")));
    owner.is_some_and(|o| w.owners.contains(o))
}

fn expectation(op: &Operation, caller: &Caller, object_real: bool) -> Expect {
    if op.public {
        return Expect::Allowed;
    }
    let Some((stand, perms)) = &caller.key else { return Expect::Unauthenticated };
    if !op.permissions.is_subset(perms) || op.provider_only {
        // No caller here is the provider's.
        return Expect::Denied;
    }
    if params(&op.path).is_empty() {
        return Expect::Allowed;
    }
    if !object_real {
        return Expect::NotFound;
    }
    match stand {
        Stand::InA => Expect::Allowed,
        Stand::Sibling => Expect::NotFound,
        Stand::CustomerOfA if op.reads_ancestors && op.method == "GET" => Expect::Allowed,
        Stand::CustomerOfA => Expect::NotFound,
    }
}

/// `ghost`: the same call with every id replaced by one that names nothing.
fn matches(expect: Expect, r: &Resp, ghost: impl FnOnce() -> Resp) -> bool {
    match expect {
        Expect::Unauthenticated => r.status == 401 && ["unauthenticated", "invalid_token"].contains(&r.code()),
        Expect::Denied => r.status == 403 && r.code() == "permission_denied",
        Expect::NotFound if r.status == 404 => r.code() == "not_found",
        Expect::NotFound => {
            let g = ghost();
            [400, 422].contains(&r.status) && (g.status, g.code()) == (r.status, r.code())
        }
        Expect::Allowed => ![401, 403, 404].contains(&r.status) && r.status < 500,
    }
}

#[test]
fn every_operation_answers_every_caller_as_documented() {
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json")).expect("contract"),
    )
    .expect("contract is JSON");
    let ops = operations(&spec);
    let srv = TestServer::start();
    let (w, callers) = build(&srv);
    assert_eq!(callers.len(), 9);

    // docs/api.md: `admin` holds everything, `read_only` every `*.read`.
    let all: BTreeSet<String> = srv
        .list_all("/api/v1/permissions", &w.a_admin)
        .iter()
        .map(|p| p["name"].as_str().expect("permission name").to_string())
        .collect();
    let reads: BTreeSet<String> = all.iter().filter(|p| p.ends_with(".read")).cloned().collect();
    for c in &callers {
        if let Some((_, perms)) = &c.key {
            if c.name.ends_with(" admin") {
                assert_eq!(perms, &all, "{}", c.name);
            } else if c.name.ends_with(" read_only") {
                assert_eq!(perms, &reads, "{}", c.name);
            }
        }
    }

    let mut cases = 0;
    let mut wrong = Vec::new();
    let mut gone: HashSet<String> = HashSet::new();
    for op in &ops {
        let (path, real) = fill(&srv, &w, op);
        for caller in &callers {
            let expect = expectation(op, caller, real && !gone.contains(&path));
            let send = |path: &str| {
                let call = srv.call(method(&op.method), path).bearer(&caller.token);
                if op.has_body { call.json(&json!({})) } else { call }.send()
            };
            let r = send(&path);
            cases += 1;
            if !matches(expect, &r, || send(&ghost_path(&op.path))) {
                wrong.push(format!(
                    "{} {} as {}: expected {expect:?}, got {} {}",
                    op.id, path, caller.name, r.status, r.text
                ));
            }
            if op.method == Method::DELETE.as_str() && (200..300).contains(&r.status) {
                gone.insert(path.clone());
            }
        }
    }
    println!("auth matrix: {cases} cases ({} operations × {} callers)", ops.len(), callers.len());
    eprintln!("auth matrix: {cases} cases ({} operations × {} callers)", ops.len(), callers.len());
    assert!(wrong.is_empty(), "{} of {cases} cases disagree with docs/api.md:\n{}", wrong.len(), wrong.join("\n"));
}
