//! Ids named in a request body (docs/api.md "Tenancy"): a sibling reseller's plan, role,
//! template, resource type or account is refused exactly like an id that does not exist —
//! same status, code and errors — and the refusal writes nothing.

use serde_json::{json, Value};

use crate::support::{assert_same, fake_id_like, id_of, Resp, TestServer};

/// What a refusal tells the caller, with the id it was about (and the request id) taken
/// out, so that the answers for a foreign and a nonexistent id can be compared.
fn answer(r: &Resp, id: &str) -> Value {
    let mut body = r.body.clone();
    if let Some(o) = body.as_object_mut() {
        o.remove("request_id");
    }
    let text = body.to_string().replace(id, "{id}");
    json!({"status": r.status, "body": serde_json::from_str::<Value>(&text).unwrap()})
}

/// Everything a refused write could have touched, as the provider sees it.
fn snapshot(srv: &TestServer, tok: &str) -> Value {
    let lists = ["/api/v1/plans", "/api/v1/users", "/api/v1/api-keys", "/api/v1/coupons", "/api/v1/service-templates"];
    let mut m = serde_json::Map::new();
    for p in lists {
        m.insert(p.to_owned(), Value::Array(srv.list_all(p, tok)));
    }
    m.insert("events".to_owned(), json!(srv.event_ids(tok)));
    Value::Object(m)
}

/// The fixture: the provider's template T and plan X on it, given to the advanced
/// resellers A and B; B's own role, resource type, template and plan on X; A's plan on X
/// and brand.
struct Siblings {
    provider: String,
    x: String,
    a: String,
    a_tok: String,
    a_plan: String,
    a_brand: String,
    b: String,
    b_role: String,
    b_rt: String,
    b_tpl: String,
    b_plan: String,
}

fn siblings(srv: &TestServer) -> Siblings {
    let provider = srv.provider_token();
    let disk = id_of(
        srv.post("/api/v1/resource-types", &provider, &json!({"name": "Disk", "unit": "GB", "gateway": "simulated"}))
            .expect(201),
    );
    let tpl = json!({"name": "Hosting", "resources": [{"resource_type_id": disk, "included": "10"}]});
    let tpl = id_of(srv.post("/api/v1/service-templates", &provider, &tpl).expect(201));
    let x = json!({"service_template_id": tpl, "name": "X", "currency": "USD",
                   "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "10"}]});
    let x = id_of(srv.post("/api/v1/plans", &provider, &x).expect(201));
    let reseller = |name: &str| {
        let body = json!({"kind": "reseller", "name": name, "reseller_tier": "advanced"});
        id_of(&srv.create_account(&provider, &body))
    };
    let (a, b) = (reseller("A"), reseller("B"));
    for who in [&a, &b] {
        srv.post(&format!("/api/v1/plans/{x}/grants"), &provider, &json!({"account_id": who})).expect(201);
    }
    let (a_tok, b_tok) = (srv.token_as(&provider, &a, "admin"), srv.token_as(&provider, &b, "admin"));
    let on_x = |name: &str| {
        json!({"base_plan_id": x, "name": name, "currency": "USD",
               "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "12"}]})
    };
    let a_plan = id_of(srv.post("/api/v1/plans", &a_tok, &on_x("A on X")).expect(201));
    let brand = json!({"name": "A shop", "host_name": "a.example.com", "default_language": "en", "currency": "USD"});
    let a_brand = id_of(srv.post("/api/v1/brands", &a_tok, &brand).expect(201));
    let b_plan = id_of(srv.post("/api/v1/plans", &b_tok, &on_x("B on X")).expect(201));
    let role = json!({"name": "b-viewer", "permissions": ["accounts.read"]});
    let b_role = id_of(srv.post("/api/v1/roles", &b_tok, &role).expect(201));
    let rt = json!({"name": "B backups", "unit": "GB", "gateway": "simulated"});
    let b_rt = id_of(srv.post("/api/v1/resource-types", &b_tok, &rt).expect(201));
    let b_tpl = json!({"name": "B bundle", "resources": [{"resource_type_id": b_rt, "included": "1"}]});
    let b_tpl = id_of(srv.post("/api/v1/service-templates", &b_tok, &b_tpl).expect(201));
    Siblings { provider, x, a, a_tok, a_plan, a_brand, b, b_role, b_rt, b_tpl, b_plan }
}

#[test]
fn a_siblings_ids_in_a_body_answer_like_ids_that_do_not_exist() {
    let srv = TestServer::start();
    let s = siblings(&srv);
    let before = snapshot(&srv, &s.provider);
    let tok = s.a_tok.as_str();
    let plan_on = |base: &str, template: Option<&str>| {
        let mut body = json!({"base_plan_id": base, "name": "A again", "currency": "USD",
                              "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "9"}]});
        if let Some(t) = template {
            body["service_template_id"] = json!(t);
        }
        body
    };
    type Attempt<'a> = Box<dyn Fn(&str) -> Resp + 'a>;
    // (what, the sibling's id, the call naming it, the status both answer)
    let cases: Vec<(&str, &str, Attempt, u16)> = vec![
        (
            "B's role for A's user",
            &s.b_role,
            Box::new(|id| {
                let body = json!({"account_id": s.a, "email": "u@a.example", "name": "U", "role": id});
                srv.post("/api/v1/users", tok, &body)
            }),
            422,
        ),
        (
            "B's role for A's key",
            &s.b_role,
            Box::new(|id| srv.post("/api/v1/api-keys", tok, &json!({"account_id": s.a, "role": id}))),
            422,
        ),
        (
            "B's plan in a quote",
            &s.b_plan,
            Box::new(|id| srv.post("/api/v1/quotes", tok, &json!({"plan_id": id, "months": 1}))),
            404,
        ),
        ("B's plan as a base plan", &s.b_plan, Box::new(|id| srv.post("/api/v1/plans", tok, &plan_on(id, None))), 422),
        (
            "B's template in a plan",
            &s.b_tpl,
            Box::new(|id| srv.post("/api/v1/plans", tok, &plan_on(&s.x, Some(id)))),
            422,
        ),
        (
            "B's plan as an upgrade",
            &s.b_plan,
            Box::new(|id| srv.patch(&format!("/api/v1/plans/{}", s.a_plan), tok, &json!({"upgrade_to": [id]}))),
            422,
        ),
        (
            "B's plan in a coupon",
            &s.b_plan,
            Box::new(|id| {
                let body = json!({"code": "ASAVE", "name": "A save", "percent": "5", "applies_to": "recurring",
                              "plan_ids": [id]});
                srv.post("/api/v1/coupons", tok, &body)
            }),
            422,
        ),
        (
            "B's plan on A's brand",
            &s.b_plan,
            Box::new(|id| srv.post(&format!("/api/v1/brands/{}/plans", s.a_brand), tok, &json!({"plan_id": id}))),
            422,
        ),
        (
            "B's resource type in a template",
            &s.b_rt,
            Box::new(|id| {
                let body = json!({"name": "A bundle", "resources": [{"resource_type_id": id, "included": "1"}]});
                srv.post("/api/v1/service-templates", tok, &body)
            }),
            422,
        ),
        (
            "B as the receiver of a grant",
            &s.b,
            Box::new(|id| srv.post(&format!("/api/v1/plans/{}/grants", s.a_plan), tok, &json!({"account_id": id}))),
            404,
        ),
        (
            "B as the owner of a plan",
            &s.b,
            Box::new(|id| {
                let mut body = plan_on(&s.x, None);
                body["account_id"] = json!(id);
                srv.post("/api/v1/plans", tok, &body)
            }),
            404,
        ),
    ];
    for (what, id, call, status) in &cases {
        let real = call(id);
        assert_eq!(real.status, *status, "{what}: {}", real.text);
        real.assert_problem_shape();
        let fake = fake_id_like(id);
        assert_eq!(answer(&real, id), answer(&call(&fake), &fake), "{what}: a foreign id vs a nonexistent one");
    }
    assert_same(&before, &snapshot(&srv, &s.provider), "refused writes naming a sibling's ids");

    // Positive control: the same calls with A's own (or given) ids go through.
    srv.post("/api/v1/quotes", tok, &json!({"plan_id": s.a_plan, "months": 1})).expect(200);
    srv.patch(&format!("/api/v1/plans/{}", s.a_plan), tok, &json!({"upgrade_to": []})).expect(200);
    srv.post(&format!("/api/v1/brands/{}/plans", s.a_brand), tok, &json!({"plan_id": s.x})).expect(201);
    srv.get(&format!("/api/v1/plans/{}", s.b_plan), tok).problem(404, "not_found");
}
