//! Orders over real HTTP: who may buy what, prices fixed when placed (computed by hand
//! below, and equal to what `QuoteCreate` answers), refusals that write nothing, tenancy,
//! cancellation and events.

use serde_json::{json, Value};

use crate::support::{id_of, TestServer};

struct World {
    p: String,
    /// Customers of the provider and of reseller R.
    c1: String,
    c2: String,
    r: String,
    r_admin: String,
    /// The provider's plan (published on its brand, given to R), an unpublished one, and
    /// R's own plan on P.
    plan_p: String,
    plan_hidden: String,
    plan_q: String,
    disk: String,
    brand_p: String,
    brand_r: String,
}

fn created(srv: &TestServer, tok: &str, path: &str, body: &Value) -> String {
    id_of(srv.post(path, tok, body).expect(201))
}

fn flat(price: &str) -> Value {
    json!({ "model": "flat", "unit_price": price })
}

fn build(srv: &TestServer) -> World {
    let p = srv.provider_token();
    let disk =
        created(srv, &p, "/api/v1/resource-types", &json!({"name": "Disk", "unit": "GB", "gateway": "simulated"}));
    let template = json!({
        "name": "Hosting",
        "resources": [{"resource_type_id": disk, "included": "10", "maximum": "500"}],
        "parameters": [{"name": "domain", "label": "Domain", "kind": "domain_name", "required": true}],
    });
    let tpl = created(srv, &p, "/api/v1/service-templates", &template);
    let plan = |tok: &str, body: Value| created(srv, tok, "/api/v1/plans", &body);
    let plan_p = plan(
        &p,
        json!({"service_template_id": tpl, "name": "Web", "currency": "USD",
               "periods": [{"months": 12, "setup_fee": "25.00", "recurring_fee": "99.00"}],
               "rates": [{"resource_type_id": disk, "recurring_fee": flat("0.50")}]}),
    );
    let plan_hidden = plan(
        &p,
        json!({"service_template_id": tpl, "name": "Hidden", "currency": "USD",
               "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "5.00"}]}),
    );
    let brand = |tok: &str, host: &str| {
        created(
            srv,
            tok,
            "/api/v1/brands",
            &json!({"name": host, "host_name": host, "default_language": "en", "currency": "USD"}),
        )
    };
    let brand_p = brand(&p, "shop.provider.example");
    srv.post(&format!("/api/v1/brands/{brand_p}/plans"), &p, &json!({"plan_id": plan_p})).expect(201);
    let coupon = json!({"code": "WELCOME20", "name": "Welcome", "percent": "20", "applies_to": "recurring"});
    srv.post("/api/v1/coupons", &p, &coupon).expect(201);

    let r = id_of(&srv.create_account(&p, &json!({"kind": "reseller", "name": "R", "reseller_tier": "advanced"})));
    srv.post(&format!("/api/v1/plans/{plan_p}/grants"), &p, &json!({"account_id": r})).expect(201);
    let r_admin = srv.token_as(&p, &r, "admin");
    let plan_q = plan(
        &r_admin,
        json!({"base_plan_id": plan_p, "name": "R web", "currency": "USD",
               "periods": [{"months": 12, "setup_fee": "0", "recurring_fee": "149.00"}],
               "rates": [{"resource_type_id": disk, "recurring_fee": flat("0.75")}]}),
    );
    let brand_r = brand(&r_admin, "shop.r.example");
    srv.post(&format!("/api/v1/brands/{brand_r}/plans"), &r_admin, &json!({"plan_id": plan_q})).expect(201);

    let c1 = srv.new_account(&p, "customer", None, "C1");
    let c2 = srv.new_account(&r_admin, "customer", None, "C2");
    World { p, c1, c2, r, r_admin, plan_p, plan_hidden, plan_q, disk, brand_p, brand_r }
}

/// A provider's fraud rule that flags every USD order (a total above 0.00 scores 100, at
/// least the default workflow's 50): orders wait for approval and stay open.
pub(crate) fn hold_all(srv: &TestServer, tok: &str) -> String {
    let rule = json!({"name": "hold", "kind": "total_above", "amount": "0", "currency": "USD", "score": 100});
    id_of(srv.post("/api/v1/fraud-rules", tok, &rule).expect(201))
}

/// The order once its status is `status` (polled; its workflow runs in the background).
pub(crate) fn wait_status(srv: &TestServer, tok: &str, id: &str, status: &str) -> Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let o = srv.get(&format!("/api/v1/orders/{id}"), tok).expect(200).clone();
        if o["status"] == status {
            return o;
        }
        assert!(std::time::Instant::now() < deadline, "order {id} never reached {status}: {o}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn line(plan: &str, months: i64, disk: Option<(&str, &str)>) -> Value {
    let mut l = json!({"plan_id": plan, "months": months, "parameters": {"domain": "example.com"}});
    if let Some((id, q)) = disk {
        l["resources"] = json!([{"resource_type_id": id, "quantity": q}]);
    }
    l
}

fn order_count(srv: &TestServer, w: &World) -> (usize, usize) {
    let orders = srv.list_all("/api/v1/orders?limit=500", &w.p).len();
    let placed = srv.list_all("/api/v1/events?limit=500&type=order.placed", &w.p).len();
    (orders, placed)
}

#[test]
fn an_order_is_priced_like_its_quote_and_keeps_its_price() {
    let srv = TestServer::start();
    let w = build(&srv);
    hold_all(&srv, &w.p);
    let body = json!({
        "account_id": w.c1, "type": "sales", "brand_id": w.brand_p, "coupon_code": "WELCOME20",
        "lines": [line(&w.plan_p, 12, Some((&w.disk, "30")))],
    });
    let order = srv.post("/api/v1/orders", &w.p, &body).expect(201).clone();
    // setup 25.00; recurring 99.00; disk 30 − 10 included = 20 GB × 0.50 × 12 months = 120.00;
    // WELCOME20 takes 20 % off the recurring lines: 99.00 × 0.2 = 19.80 and 120.00 × 0.2 = 24.00.
    // 25.00 + 99.00 + 120.00 − 19.80 − 24.00 = 200.20.
    assert_eq!(order["total"], "200.20", "{order}");
    assert_eq!(order["status"], "placed");
    assert_eq!(order["type"], "sales");
    assert_eq!(order["seller_id"], srv.provider_id(&w.p));
    assert_eq!(order["currency"], "USD");
    assert_eq!(order["lines"][0]["parameters"]["domain"], "example.com");
    let amounts: Vec<&str> =
        order["lines"][0]["price"]["lines"].as_array().unwrap().iter().map(|l| l["amount"].as_str().unwrap()).collect();
    assert_eq!(amounts, ["25.00", "99.00", "120.00", "-19.80", "-24.00"]);
    assert!(order["lines"][0]["price"]["coupon_id"].is_string(), "{order}");

    // The very same pricing as a quote of the same line.
    let q = json!({"plan_id": w.plan_p, "months": 12, "coupon_code": "WELCOME20",
                   "resources": [{"resource_type_id": w.disk, "quantity": "30"}]});
    let quote = srv.post("/api/v1/quotes", &w.p, &q).expect(200).clone();
    assert_eq!(order["lines"][0]["price"], quote);

    // A later price change leaves the order as it was placed.
    let id = id_of(&order);
    let periods = json!({"periods": [{"months": 12, "setup_fee": "30.00", "recurring_fee": "120.00"}]});
    srv.patch(&format!("/api/v1/plans/{}", w.plan_p), &w.p, &periods).expect(200);
    let again = wait_status(&srv, &w.p, &id, "waiting_approval");
    assert_eq!((&again["lines"], &again["total"]), (&order["lines"], &order["total"]));

    let types: Vec<String> = srv.events_of(&w.p, &id).iter().map(|e| e["type"].as_str().unwrap().to_string()).collect();
    assert_eq!(types, ["order.placed", "order.fraud_check.flagged", "order.approval.required"]);
    let event = &srv.events_of(&w.p, &id)[0];
    assert_eq!(event["account_id"], w.c1);
    assert_eq!(event["data"], order);
}

#[test]
fn a_resellers_own_plan_is_sold_by_the_reseller_with_its_wholesale_cost() {
    let srv = TestServer::start();
    let w = build(&srv);
    let c2 = srv.token_as(&w.r_admin, &w.c2, "admin");
    let body = json!({"type": "sales", "brand_id": w.brand_r, "lines": [line(&w.plan_q, 12, Some((&w.disk, "20")))]});
    let order = srv.post("/api/v1/orders", &c2, &body).expect(201).clone();
    // R's price: 0 setup + 149.00 + (20 − 10) × 0.75 × 12 = 90.00 → 239.00.
    // Its parent's price of the same order: 25.00 + 99.00 + 10 × 0.50 × 12 = 60.00 → 184.00.
    assert_eq!((order["total"].as_str(), order["wholesale_total"].as_str()), (Some("239.00"), Some("184.00")));
    assert_eq!(order["seller_id"], w.r);
    assert_eq!(order["account_id"], w.c2, "a customer's order defaults to its own account");

    // A plan given to R and sold on by it (not R's own): the provider sells it.
    let by_r = json!({"account_id": w.c2, "type": "sales", "lines": [line(&w.plan_p, 12, None)]});
    let order = srv.post("/api/v1/orders", &w.r_admin, &by_r).expect(201).clone();
    assert_eq!(order["seller_id"], srv.provider_id(&w.p));
    assert!(order["wholesale_total"].is_null());
    // 25.00 + 99.00 (10 GB included, none extra) = 124.00.
    assert_eq!(order["total"], "124.00");
}

#[test]
fn refused_orders_write_nothing() {
    let srv = TestServer::start();
    let w = build(&srv);
    let c1 = srv.token_as(&w.p, &w.c1, "admin");
    let c2 = srv.token_as(&w.r_admin, &w.c2, "admin");
    let ok_line = line(&w.plan_p, 12, None);
    let before = order_count(&srv, &w);
    let cases: Vec<(&str, &String, Value, &str, &str)> = vec![
        (
            "unknown plan",
            &w.p,
            json!({"account_id": w.c1, "type": "sales", "lines": [line("pln_nope", 12, None)]}),
            "lines[0].plan_id",
            "unknown_plan",
        ),
        (
            "another reseller's plan",
            &c1,
            json!({"type": "sales", "lines": [line(&w.plan_q, 12, None)]}),
            "lines[0].plan_id",
            "unknown_plan",
        ),
        (
            "not published for self-service",
            &c1,
            json!({"type": "sales", "lines": [line(&w.plan_hidden, 1, None)]}),
            "lines[0].plan_id",
            "not_published",
        ),
        (
            "not on the brand named",
            &c2,
            json!({"type": "sales", "brand_id": w.brand_r, "lines": [ok_line]}),
            "lines[0].plan_id",
            "not_published",
        ),
        (
            "a brand of another seller",
            &c1,
            json!({"type": "sales", "brand_id": w.brand_r, "lines": [ok_line]}),
            "brand_id",
            "unknown_brand",
        ),
        (
            "a period the plan does not offer",
            &c1,
            json!({"type": "sales", "lines": [line(&w.plan_p, 3, None)]}),
            "lines[0].months",
            "unknown_period",
        ),
        (
            "no period",
            &c1,
            json!({"type": "sales", "lines": [{"plan_id": w.plan_p, "parameters": {"domain": "a.example"}}]}),
            "lines[0].months",
            "invalid_period",
        ),
        (
            "a missing parameter",
            &c1,
            json!({"type": "sales", "lines": [{"plan_id": w.plan_p, "months": 12}]}),
            "lines[0].parameters.domain",
            "invalid_parameter",
        ),
        (
            "an invalid parameter",
            &c1,
            json!({"type": "sales", "lines": [{"plan_id": w.plan_p, "months": 12, "parameters": {"domain": "not a domain"}}]}),
            "lines[0].parameters.domain",
            "invalid_parameter",
        ),
        (
            "an unknown parameter",
            &c1,
            json!({"type": "sales", "lines": [{"plan_id": w.plan_p, "months": 12, "parameters": {"domain": "a.example", "os": "linux"}}]}),
            "lines[0].parameters.os",
            "invalid_parameter",
        ),
        (
            "a coupon that does not apply",
            &c1,
            json!({"type": "sales", "coupon_code": "NOPE10", "lines": [ok_line]}),
            "coupon_code",
            "unknown_coupon",
        ),
        (
            "beyond the resource's maximum",
            &c1,
            json!({"type": "sales", "lines": [line(&w.plan_p, 12, Some((&w.disk, "501")))]}),
            "lines[0].resources",
            "above_maximum",
        ),
        (
            "two sellers in one order",
            &w.r_admin,
            json!({"account_id": w.c2, "type": "sales", "lines": [line(&w.plan_q, 12, None), line(&w.plan_p, 12, None)]}),
            "lines[1].plan_id",
            "mixed_sellers",
        ),
        (
            "a reseller is not a customer",
            &w.p,
            json!({"account_id": w.r, "type": "sales", "lines": [ok_line]}),
            "account_id",
            "not_customer",
        ),
        ("no lines", &w.p, json!({"account_id": w.c1, "type": "sales", "lines": []}), "lines", "invalid_length"),
    ];
    for (name, tok, body, field, code) in &cases {
        let r = srv.post("/api/v1/orders", tok, body);
        assert!(r.status == 422, "{name}: {} {}", r.status, r.text);
        r.validation_code(field, code);
    }
    // Another tenant's customer answers like a missing one.
    let r = srv.post(
        "/api/v1/orders",
        &w.r_admin,
        &json!({"account_id": w.c1, "type": "sales", "lines": [line(&w.plan_p, 12, None)]}),
    );
    r.problem(404, "not_found");
    assert_eq!(order_count(&srv, &w), before, "a refused order wrote something");

    // The provider may order an unpublished plan for its customer; the customer itself may not.
    let body = json!({"account_id": w.c1, "type": "sales", "lines": [line(&w.plan_hidden, 1, None)]});
    srv.post("/api/v1/orders", &w.p, &body).expect(201);
}

#[test]
fn orders_are_seen_by_their_customer_and_its_resellers_only_and_cancel_once() {
    let srv = TestServer::start();
    let w = build(&srv);
    hold_all(&srv, &w.p);
    let c1 = srv.token_as(&w.p, &w.c1, "admin");
    let c2 = srv.token_as(&w.r_admin, &w.c2, "admin");
    let mine = id_of(
        srv.post("/api/v1/orders", &c1, &json!({"type": "sales", "lines": [line(&w.plan_p, 12, None)]})).expect(201),
    );
    let theirs = id_of(
        srv.post("/api/v1/orders", &c2, &json!({"type": "sales", "lines": [line(&w.plan_q, 12, None)]})).expect(201),
    );
    let held = wait_status(&srv, &w.p, &mine, "waiting_approval");
    wait_status(&srv, &w.p, &theirs, "waiting_approval");
    srv.get(&format!("/api/v1/orders/{theirs}"), &c1).problem(404, "not_found");
    srv.get(&format!("/api/v1/orders/{mine}"), &w.r_admin).problem(404, "not_found");
    srv.get(&format!("/api/v1/orders/{theirs}"), &w.r_admin).expect(200);
    let ids = |tok: &str, q: &str| -> Vec<String> {
        srv.list_all(&format!("/api/v1/orders?limit=500{q}"), tok).iter().map(id_of).collect()
    };
    assert_eq!(ids(&c1, ""), std::slice::from_ref(&mine));
    assert_eq!(ids(&w.r_admin, ""), std::slice::from_ref(&theirs));
    assert_eq!(ids(&w.p, ""), [mine.clone(), theirs.clone()]);
    assert_eq!(ids(&w.p, &format!("&account_id={}", w.c2)), std::slice::from_ref(&theirs));
    assert_eq!(ids(&w.p, "&type=sales&status=waiting_approval").len(), 2);
    assert!(ids(&w.p, "&status=completed").is_empty());
    assert!(ids(&w.p, "&created_from=2999-01-01T00:00:00Z").is_empty());
    assert_eq!(ids(&w.p, "&created_until=2999-01-01T00:00:00Z").len(), 2);
    let r = srv.get("/api/v1/orders?created_from=2030-01-01T00:00:00Z&created_until=2020-01-01T00:00:00Z", &w.p);
    r.validation_code("created_until", "invalid_range");

    // A customer's read-only key reads but does not order.
    let ro = srv.token_as(&w.p, &w.c1, "read_only");
    srv.get(&format!("/api/v1/orders/{mine}"), &ro).expect(200);
    let r = srv.post("/api/v1/orders", &ro, &json!({"type": "sales", "lines": [line(&w.plan_p, 12, None)]}));
    r.problem(403, "permission_denied");

    let cancelled = srv
        .post(&format!("/api/v1/orders/{mine}/cancel"), &c1, &json!({"reason": "changed my mind"}))
        .expect(200)
        .clone();
    assert_eq!(
        (cancelled["status"].as_str(), cancelled["status_reason"].as_str()),
        (Some("cancelled"), Some("changed my mind"))
    );
    assert_eq!(cancelled["version"].as_i64(), held["version"].as_i64().map(|v| v + 1));
    assert!(cancelled["current_step"].is_null(), "{cancelled}");
    srv.post(&format!("/api/v1/orders/{mine}/cancel"), &c1, &json!({})).problem(409, "invalid_state_transition");
    srv.post(&format!("/api/v1/orders/{theirs}/cancel"), &c1, &json!({})).problem(404, "not_found");
    let types: Vec<String> =
        srv.events_of(&w.p, &mine).iter().map(|e| e["type"].as_str().unwrap().to_string()).collect();
    assert_eq!(types, ["order.placed", "order.fraud_check.flagged", "order.approval.required", "order.cancelled"]);
    // The customer's reseller is told about its customers' orders, the customer about its own.
    assert_eq!(srv.events_of(&w.r_admin, &theirs).len(), 3);
    assert!(srv.events_of(&w.r_admin, &mine).is_empty());
}

#[test]
fn an_order_replays_under_its_idempotency_key() {
    let srv = TestServer::start();
    let w = build(&srv);
    let body = json!({"account_id": w.c1, "type": "sales", "lines": [line(&w.plan_p, 12, None)]});
    let send = |b: &Value| {
        srv.call(reqwest::Method::POST, "/api/v1/orders")
            .bearer(&w.p)
            .header("Idempotency-Key", "order-1")
            .json(b)
            .send()
    };
    let first = send(&body).expect(201).clone();
    let second = send(&body);
    assert_eq!(second.expect(201), &first);
    assert_eq!(second.header("Idempotent-Replayed"), Some("true"));
    let mut other = body.clone();
    other["lines"][0]["parameters"]["domain"] = json!("other.example");
    send(&other).problem(422, "idempotency_key_reused");
    assert_eq!(srv.list_all("/api/v1/orders", &w.p).len(), 1);
    let _ = (&w.brand_p, &w.plan_hidden);
}
