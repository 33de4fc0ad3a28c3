//! The order workflow over real HTTP: an order runs the default sales workflow to a
//! subscription; a flagged order waits for a person; approvals and rejections, their
//! races; the coupon race; fraud rules; tenancy of approvals and subscriptions.

use std::sync::Barrier;

use chrono::{DateTime, Duration, Months, Utc};
use serde_json::{json, Value};

use crate::orders::wait_status;
use crate::support::{id_of, Resp, TestServer};

struct World {
    p: String,
    c1: String,
    c2: String,
    r: String,
    r_admin: String,
    /// 12 months: 25.00 setup + 99.00 recurring.
    plan_web: String,
    /// 1 month: 0 setup + 10.00 recurring, 14 days of trial.
    plan_trial: String,
    /// 30 days: 0 setup + 3.00 recurring.
    plan_days: String,
    disk: String,
}

fn created(srv: &TestServer, tok: &str, path: &str, body: &Value) -> String {
    id_of(srv.post(path, tok, body).expect(201))
}

fn build(srv: &TestServer) -> World {
    let p = srv.provider_token();
    let disk =
        created(srv, &p, "/api/v1/resource-types", &json!({"name": "Disk", "unit": "GB", "gateway": "simulated"}));
    let template =
        json!({"name": "Hosting", "resources": [{"resource_type_id": disk, "included": "10", "maximum": "500"}]});
    let tpl = created(srv, &p, "/api/v1/service-templates", &template);
    let plan = |body: Value| created(srv, &p, "/api/v1/plans", &body);
    let plan_web = plan(json!({"service_template_id": tpl, "name": "Web", "currency": "USD",
        "periods": [{"months": 12, "setup_fee": "25.00", "recurring_fee": "99.00"}],
        "rates": [{"resource_type_id": disk, "recurring_fee": {"model": "flat", "unit_price": "0.50"}}]}));
    let plan_trial = plan(json!({"service_template_id": tpl, "name": "Try", "currency": "USD",
        "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "10.00", "trial_days": 14}]}));
    let plan_days = plan(json!({"service_template_id": tpl, "name": "Days", "currency": "USD",
        "periods": [{"days": 30, "setup_fee": "0", "recurring_fee": "3.00"}]}));
    let r = id_of(&srv.create_account(&p, &json!({"kind": "reseller", "name": "R", "reseller_tier": "basic"})));
    srv.post(&format!("/api/v1/plans/{plan_web}/grants"), &p, &json!({"account_id": r})).expect(201);
    let r_admin = srv.token_as(&p, &r, "admin");
    let c1 = srv.new_account(&p, "customer", None, "C1");
    let c2 = srv.new_account(&r_admin, "customer", None, "C2");
    World { p, c1, c2, r, r_admin, plan_web, plan_trial, plan_days, disk }
}

fn order(srv: &TestServer, tok: &str, customer: &str, lines: Value) -> Value {
    srv.post("/api/v1/orders", tok, &json!({"account_id": customer, "type": "sales", "lines": lines}))
        .expect(201)
        .clone()
}

fn event_types(srv: &TestServer, tok: &str, id: &str) -> Vec<String> {
    srv.events_of(tok, id).iter().map(|e| e["type"].as_str().unwrap().to_string()).collect()
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().and_then(|s| DateTime::parse_from_rfc3339(s).ok()).map(|t| t.with_timezone(&Utc)).expect("a time")
}

fn steps(o: &Value) -> Vec<(String, String)> {
    o["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_owned(), s["outcome"].as_str().unwrap_or("-").to_owned()))
        .collect()
}

fn rule(srv: &TestServer, tok: &str, body: Value) -> String {
    created(srv, tok, "/api/v1/fraud-rules", &body)
}

/// Total above 100.00 USD scores 60: enough for the default workflow's 50.
fn flag_above_100(srv: &TestServer, tok: &str) -> String {
    rule(srv, tok, json!({"name": "big", "kind": "total_above", "amount": "100.00", "currency": "USD", "score": 60}))
}

#[test]
fn an_order_runs_the_default_workflow_to_its_subscriptions() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let w = build(&srv);
    // The periods follow the server's clock: 400 days ahead of the wall clock.
    srv.post("/api/v1/test-clock/advance", &w.p, &json!({"seconds": 400 * 86_400})).expect(200);
    let before = time(&srv.get("/api/v1/test-clock", &w.p).expect(200)["now"]);
    let disk = json!([{"resource_type_id": w.disk, "quantity": "30"}]);
    let lines = json!([{"plan_id": w.plan_web, "months": 12, "resources": disk}, {"plan_id": w.plan_trial, "months": 1},
                       {"plan_id": w.plan_days, "days": 30}]);
    let placed = order(&srv, &w.p, &w.c1, lines);
    // Web: 25.00 + 99.00 + (30 − 10 included) GB × 0.50 × 12 months = 120.00 → 244.00;
    // Try: 0.00 in its trial; Days: 3.00. 244.00 + 0.00 + 3.00 = 247.00.
    assert_eq!((placed["status"].as_str(), placed["total"].as_str()), (Some("placed"), Some("247.00")));
    assert_eq!(placed["current_step"], "fraud_screen");
    let id = id_of(&placed);
    let done = wait_status(&srv, &w.p, &id, "completed");
    let after = time(&srv.get("/api/v1/test-clock", &w.p).expect(200)["now"]);
    assert!(done["current_step"].is_null(), "{done}");
    assert_eq!(done["fraud_score"], 0);
    assert_eq!(
        steps(&done),
        [
            ("fraud_screen", "done"),
            ("screening_decision", "no"),
            ("mark_passed", "done"),
            ("activate", "done"),
            ("notify_completed", "done")
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    for s in done["steps"].as_array().unwrap() {
        assert!(s["error"].is_null() && s["finished_at"].is_string(), "{s}");
        assert!(time(&s["started_at"]) <= time(&s["finished_at"]), "{s}");
    }
    let kinds: Vec<&str> = done["steps"].as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["automatic", "decision", "automatic", "automatic", "automatic"]);
    assert_eq!(event_types(&srv, &w.p, &id), ["order.placed", "order.fraud_check.passed", "order.completed"]);
    srv.post(&format!("/api/v1/orders/{id}/cancel"), &w.p, &json!({})).problem(409, "invalid_state_transition");
    srv.post(&format!("/api/v1/orders/{id}/retry"), &w.p, &json!({})).problem(409, "invalid_state_transition");

    let subs = srv.list_all(&format!("/api/v1/subscriptions?account_id={}", w.c1), &w.p);
    assert_eq!(subs.len(), 3, "{subs:?}");
    let by_line = |n: i64| subs.iter().find(|s| s["order_line"] == n).expect("a subscription per line");
    for (n, s) in subs.iter().enumerate() {
        assert_eq!((s["order_id"].as_str(), s["account_id"].as_str()), (Some(id.as_str()), Some(w.c1.as_str())));
        assert_eq!(s["seller_id"], srv.provider_id(&w.p));
        let start = time(&s["current_period_start"]);
        assert!(before <= start && start <= after, "line {n} starts on the test clock: {s}");
    }
    // Web: active for 12 months, the same day a year later.
    let web = by_line(0);
    let start = time(&web["current_period_start"]);
    assert_eq!((web["status"].as_str(), web["plan_id"].as_str()), (Some("active"), Some(w.plan_web.as_str())));
    assert_eq!(time(&web["current_period_end"]), start.checked_add_months(Months::new(12)).unwrap());
    assert!(web["trial_ends_at"].is_null());
    assert_eq!(web["resources"], disk, "the limits the line bought");
    // Try: in its trial, which ends 14 × 24 h later.
    let trial = by_line(1);
    let start = time(&trial["current_period_start"]);
    assert_eq!(trial["status"], "trial");
    assert_eq!(time(&trial["current_period_end"]), start + Duration::days(14));
    assert_eq!(time(&trial["trial_ends_at"]), start + Duration::days(14));
    // Days: active for 30 × 24 h.
    let days = by_line(2);
    let start = time(&days["current_period_start"]);
    assert_eq!((days["status"].as_str(), days["days"].as_i64()), (Some("active"), Some(30)));
    assert_eq!(time(&days["current_period_end"]), start + Duration::days(30));

    let got = srv.get(&format!("/api/v1/subscriptions/{}", id_of(web)), &w.p).expect(200).clone();
    assert_eq!(&got, web);
    assert_eq!(event_types(&srv, &w.p, &id_of(web)), ["subscription.created", "subscription.activated"]);
    assert_eq!(event_types(&srv, &w.p, &id_of(trial)), ["subscription.created", "subscription.trial.started"]);
    assert_eq!(srv.list_all("/api/v1/subscriptions?status=trial", &w.p).len(), 1);
    assert_eq!(srv.list_all(&format!("/api/v1/subscriptions?plan_id={}", w.plan_days), &w.p).len(), 1);
    // The step tasks are tasks like any other.
    let tasks = srv.list_all("/api/v1/tasks?kind=order.step&limit=500", &w.p);
    assert_eq!(tasks.len(), 4, "one per automatic step");
    assert!(tasks.iter().all(|t| t["status"] == "succeeded"), "{tasks:?}");
}

#[test]
fn a_flagged_order_waits_and_is_approved_or_rejected_once() {
    let srv = TestServer::start();
    let w = build(&srv);
    let rule_id = flag_above_100(&srv, &w.p);
    let c1 = srv.token_as(&w.p, &w.c1, "admin");
    let web = json!([{"plan_id": w.plan_web, "months": 12}]);
    let a = id_of(&order(&srv, &w.p, &w.c1, web.clone()));
    let waiting = wait_status(&srv, &w.p, &a, "waiting_approval");
    // 25.00 + 99.00 = 124.00 > 100.00: the rule's 60 points.
    assert_eq!((waiting["fraud_score"].as_i64(), waiting["current_step"].as_str()), (Some(60), Some("approval")));
    assert_eq!(waiting["fraud_reasons"][0]["rule_id"], rule_id.as_str());
    assert_eq!(waiting["fraud_reasons"][0]["score"], 60);
    assert_eq!(
        steps(&waiting),
        [("fraud_screen", "done"), ("screening_decision", "yes"), ("mark_suspect", "done"), ("approval", "-")]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    assert_eq!(event_types(&srv, &w.p, &a), ["order.placed", "order.fraud_check.flagged", "order.approval.required"]);
    // The customer cannot approve its own order; a rejection needs a comment.
    srv.post(&format!("/api/v1/orders/{a}/approve"), &c1, &json!({})).problem(403, "permission_denied");
    srv.post(&format!("/api/v1/orders/{a}/reject"), &w.p, &json!({})).problem(422, "validation_failed");
    srv.post(&format!("/api/v1/orders/{a}/reject"), &w.p, &json!({"comment": " "})).problem(422, "validation_failed");
    srv.post(&format!("/api/v1/orders/{a}/approve"), &w.p, &json!({"bogus": 1})).problem(400, "invalid_body");
    assert_eq!(srv.get(&format!("/api/v1/orders/{a}"), &w.p).expect(200)["version"], waiting["version"]);

    let approved = srv
        .post(&format!("/api/v1/orders/{a}/approve"), &w.p, &json!({"comment": "known customer"}))
        .expect(200)
        .clone();
    assert_eq!(approved["status"], "in_progress");
    let done = wait_status(&srv, &w.p, &a, "completed");
    let approval = done["steps"].as_array().unwrap().iter().find(|s| s["name"] == "approval").unwrap().clone();
    assert_eq!(
        (approval["outcome"].as_str(), approval["comment"].as_str()),
        (Some("approved"), Some("known customer"))
    );
    assert_eq!(
        event_types(&srv, &w.p, &a),
        ["order.placed", "order.fraud_check.flagged", "order.approval.required", "order.approved", "order.completed"]
    );
    let r = srv.post(&format!("/api/v1/orders/{a}/approve"), &w.p, &json!({}));
    r.problem(409, "invalid_state_transition");
    assert_eq!(event_types(&srv, &w.p, &a).len(), 5, "a refused approval raises nothing");

    let b = id_of(&order(&srv, &w.p, &w.c1, web));
    wait_status(&srv, &w.p, &b, "waiting_approval");
    srv.post(&format!("/api/v1/orders/{b}/reject"), &w.p, &json!({"comment": "stolen card"})).expect(200);
    let rejected = wait_status(&srv, &w.p, &b, "rejected");
    assert_eq!(rejected["status_reason"], "stolen card");
    assert_eq!(steps(&rejected).last().map(|(n, o)| (n.as_str(), o.as_str())), Some(("notify_rejected", "done")));
    assert_eq!(event_types(&srv, &w.p, &b).last().map(String::as_str), Some("order.rejected"));
    srv.post(&format!("/api/v1/orders/{b}/approve"), &w.p, &json!({})).problem(409, "invalid_state_transition");
    // Only A left a subscription.
    let subs = srv.list_all("/api/v1/subscriptions", &w.p);
    assert_eq!(subs.iter().map(|s| s["order_id"].as_str().unwrap()).collect::<Vec<_>>(), [a.as_str()]);
    // A small order is not flagged: 3.00 ≤ 100.00.
    let small = id_of(&order(&srv, &w.p, &w.c1, json!([{"plan_id": w.plan_days, "days": 30}])));
    wait_status(&srv, &w.p, &small, "completed");
}

#[test]
fn two_concurrent_approvals_of_one_order_one_wins() {
    let srv = TestServer::start();
    let w = build(&srv);
    flag_above_100(&srv, &w.p);
    let id = id_of(&order(&srv, &w.p, &w.c1, json!([{"plan_id": w.plan_web, "months": 12}])));
    wait_status(&srv, &w.p, &id, "waiting_approval");
    const APPROVERS: usize = 4;
    let barrier = Barrier::new(APPROVERS);
    let path = format!("/api/v1/orders/{id}/approve");
    let results: Vec<Resp> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..APPROVERS)
            .map(|_| {
                let (srv, tok, path, barrier) = (&srv, &w.p, &path, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    srv.post(path, tok, &json!({}))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("approver thread")).collect()
    });
    assert_eq!(results.iter().filter(|r| r.status == 200).count(), 1, "{results:?}");
    for r in results.iter().filter(|r| r.status != 200) {
        r.problem(409, "invalid_state_transition");
    }
    wait_status(&srv, &w.p, &id, "completed");
    let approved = srv.list_all(&format!("/api/v1/events?type=order.approved&object_id={id}"), &w.p);
    assert_eq!(approved.len(), 1);
    assert_eq!(srv.list_all("/api/v1/subscriptions", &w.p).len(), 1);
}

#[test]
fn a_coupon_with_one_redemption_completes_one_of_twenty_orders() {
    let srv = TestServer::start();
    let w = build(&srv);
    let coupon = json!({"code": "ONCE", "name": "Once", "percent": "10", "applies_to": "recurring",
                        "max_redemptions": 1});
    let coupon_id = created(&srv, &w.p, "/api/v1/coupons", &coupon);
    // Every order waits for approval, so that all twenty are placed before any redeems.
    flag_above_100(&srv, &w.p);
    let body = json!({"account_id": w.c1, "type": "sales", "coupon_code": "ONCE",
                      "lines": [{"plan_id": w.plan_web, "months": 12}]});
    let ids: Vec<String> = (0..20)
        .map(|_| {
            let o = srv.post("/api/v1/orders", &w.p, &body).expect(201).clone();
            // 25.00 + 99.00 − 10 % of 99.00 (9.90) = 114.10.
            assert_eq!(o["total"], "114.10");
            id_of(&o)
        })
        .collect();
    for id in &ids {
        wait_status(&srv, &w.p, id, "waiting_approval");
    }
    let barrier = Barrier::new(ids.len());
    std::thread::scope(|s| {
        for id in &ids {
            let (srv, tok, barrier) = (&srv, &w.p, &barrier);
            s.spawn(move || {
                barrier.wait();
                srv.post(&format!("/api/v1/orders/{id}/approve"), tok, &json!({})).expect(200);
            });
        }
    });
    let mut completed = Vec::new();
    for id in &ids {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let end = loop {
            let o = srv.get(&format!("/api/v1/orders/{id}"), &w.p).expect(200).clone();
            if o["status"] == "completed" || o["status"] == "rejected" {
                break o;
            }
            assert!(std::time::Instant::now() < deadline, "{o}");
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        if end["status"] == "completed" {
            completed.push(id.clone());
        } else {
            assert!(end["status_reason"].as_str().unwrap().starts_with("coupon_used_up"), "{end}");
            assert_eq!(steps(&end)[4], ("activate".to_owned(), "refused".to_owned()), "{end}");
        }
    }
    assert_eq!(completed.len(), 1, "exactly one order redeems the coupon");
    let c = srv.get(&format!("/api/v1/coupons/{coupon_id}"), &w.p).expect(200).clone();
    assert_eq!(c["times_redeemed"], 1);
    assert_eq!(srv.list_all(&format!("/api/v1/events?type=coupon.redeemed&object_id={coupon_id}"), &w.p).len(), 1);
    assert_eq!(srv.list_all("/api/v1/subscriptions?limit=500", &w.p).len(), 1);
    assert_eq!(srv.list_all("/api/v1/events?type=order.rejected&limit=500", &w.p).len(), 19);
}

#[test]
fn resellers_approve_and_see_only_their_subtree() {
    let srv = TestServer::start();
    let w = build(&srv);
    flag_above_100(&srv, &w.p);
    let web = json!([{"plan_id": w.plan_web, "months": 12}]);
    let theirs = id_of(&order(&srv, &w.p, &w.c1, web.clone()));
    let mine = id_of(&order(&srv, &w.r_admin, &w.c2, web));
    wait_status(&srv, &w.p, &theirs, "waiting_approval");
    wait_status(&srv, &w.p, &mine, "waiting_approval");
    let c2 = srv.token_as(&w.r_admin, &w.c2, "admin");
    let r_ro = srv.token_as(&w.p, &w.r, "read_only");
    srv.post(&format!("/api/v1/orders/{theirs}/approve"), &w.r_admin, &json!({})).problem(404, "not_found");
    srv.post(&format!("/api/v1/orders/{theirs}/reject"), &w.r_admin, &json!({"comment": "x"}))
        .problem(404, "not_found");
    srv.post(&format!("/api/v1/orders/{mine}/approve"), &c2, &json!({})).problem(403, "permission_denied");
    srv.post(&format!("/api/v1/orders/{mine}/approve"), &r_ro, &json!({})).problem(403, "permission_denied");
    srv.post(&format!("/api/v1/orders/{mine}/approve"), &w.r_admin, &json!({})).expect(200);
    wait_status(&srv, &w.p, &mine, "completed");
    srv.post(&format!("/api/v1/orders/{theirs}/approve"), &w.p, &json!({})).expect(200);
    wait_status(&srv, &w.p, &theirs, "completed");

    let subs = |tok: &str| -> Vec<String> {
        srv.list_all("/api/v1/subscriptions", tok).iter().map(|s| s["order_id"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(subs(&w.r_admin), std::slice::from_ref(&mine));
    assert_eq!(subs(&c2), std::slice::from_ref(&mine));
    assert_eq!(subs(&w.p).len(), 2);
    let other = srv.list_all(&format!("/api/v1/subscriptions?account_id={}", w.c1), &w.p);
    srv.get(&format!("/api/v1/subscriptions/{}", id_of(&other[0])), &w.r_admin).problem(404, "not_found");
    srv.get(&format!("/api/v1/subscriptions/{}", id_of(&other[0])), &c2).problem(404, "not_found");
    // The provider's rule is not the reseller's to read.
    assert!(srv.list_all("/api/v1/fraud-rules", &w.r_admin).is_empty());
}

#[test]
fn fraud_rules_add_their_scores_and_refuse_what_their_kind_lacks() {
    let srv = TestServer::start();
    let w = build(&srv);
    let fresh = id_of(&srv.create_account(
        &w.p,
        &json!({"kind": "customer", "name": "Fresh", "email": "buyer@Mailinator.com",
                "address": {"line1": "Hauptstr. 1", "city": "Berlin", "postal_code": "10115", "country": "DE"}}),
    ));
    let rules = [
        json!({"name": "new", "kind": "customer_age", "days": 7, "score": 5}),
        json!({"name": "mail", "kind": "email_domain", "domains": ["mailinator.com"], "score": 10}),
        json!({"name": "ip", "kind": "ip_country_mismatch", "score": 20}),
        json!({"name": "burst", "kind": "order_velocity", "count": 1, "hours": 24, "score": 40}),
    ];
    let ids: Vec<String> = rules.into_iter().map(|r| rule(&srv, &w.p, r)).collect();
    let small = |ip: &str| {
        let body = json!({"account_id": fresh, "type": "sales", "ip_country": ip,
                          "lines": [{"plan_id": w.plan_days, "days": 30}]});
        id_of(srv.post("/api/v1/orders", &w.p, &body).expect(201))
    };
    // The first order: 5 (0 days old < 7) + 10 (mailinator.com) = 15, from Germany as the address says.
    let first = wait_status(&srv, &w.p, &small("DE"), "completed");
    assert_eq!(first["fraud_score"], 15, "{first}");
    // The second within 24 hours: 5 + 10 + 20 (US ≠ DE) + 40 (2 orders > 1) = 75 ≥ 50: flagged.
    let second = wait_status(&srv, &w.p, &small("US"), "waiting_approval");
    assert_eq!(second["fraud_score"], 75, "{second}");
    let hit: Vec<&str> =
        second["fraud_reasons"].as_array().unwrap().iter().map(|r| r["rule_id"].as_str().unwrap()).collect();
    assert_eq!(hit, ids.iter().map(String::as_str).collect::<Vec<_>>());

    // Read, change, disable, delete.
    let path = format!("/api/v1/fraud-rules/{}", ids[3]);
    let got = srv.get(&path, &w.p).expect(200).clone();
    assert_eq!(
        (got["kind"].as_str(), got["count"].as_i64(), got["hours"].as_i64()),
        (Some("order_velocity"), Some(1), Some(24))
    );
    let changed = srv.patch(&path, &w.p, &json!({"score": 45, "enabled": false})).expect(200).clone();
    assert_eq!(
        (changed["score"].as_i64(), changed["enabled"].as_bool(), changed["version"].as_i64()),
        (Some(45), Some(false), Some(2))
    );
    // Disabled: 5 + 10 + 20 = 35 < 50.
    let third = wait_status(&srv, &w.p, &small("US"), "completed");
    assert_eq!(third["fraud_score"], 35, "{third}");
    assert_eq!(srv.list_all("/api/v1/fraud-rules", &w.p).len(), 4);
    assert_eq!(srv.delete(&path, &w.p).status, 204);
    srv.get(&path, &w.p).problem(404, "not_found");
    assert_eq!(srv.list_all("/api/v1/fraud-rules", &w.p).len(), 3);

    // Refusals write nothing.
    let refused = [
        (json!({"name": "x", "kind": "total_above", "currency": "USD", "score": 10}), "amount", "required"),
        (json!({"name": "x", "kind": "order_velocity", "count": 1, "score": 10}), "hours", "required"),
        (json!({"name": "x", "kind": "email_domain", "score": 10}), "domains", "required"),
        (json!({"name": "x", "kind": "customer_age", "days": 3, "score": 0}), "score", "out_of_range"),
        (
            json!({"name": "x", "kind": "customer_age", "days": 3, "score": 5, "account_id": w.c1}),
            "account_id",
            "customer_account",
        ),
    ];
    for (body, field, code) in refused {
        srv.post("/api/v1/fraud-rules", &w.p, &body).validation_code(field, code);
    }
    assert_eq!(srv.list_all("/api/v1/fraud-rules", &w.p).len(), 3);
    let c1 = srv.token_as(&w.p, &w.c1, "admin");
    let r = srv.post("/api/v1/fraud-rules", &c1, &json!({"name": "x", "kind": "ip_country_mismatch", "score": 5}));
    r.validation_code("account_id", "customer_account");
    let body = json!({"account_id": fresh, "type": "sales", "ip_country": "usa", "lines": [{"plan_id": w.plan_days, "days": 30}]});
    srv.post("/api/v1/orders", &w.p, &body).problem(422, "validation_failed");
}

#[test]
fn a_failed_step_shows_why_and_is_retried() {
    let srv = TestServer::start();
    let w = build(&srv);
    flag_above_100(&srv, &w.p);
    let id = id_of(&order(&srv, &w.p, &w.c1, json!([{"plan_id": w.plan_web, "months": 12}])));
    wait_status(&srv, &w.p, &id, "waiting_approval");
    srv.post(&format!("/api/v1/orders/{id}/retry"), &w.p, &json!({})).problem(409, "invalid_state_transition");
    // The customer is suspended while its order waits: activation fails.
    srv.post(&format!("/api/v1/accounts/{}/suspend", w.c1), &w.p, &json!({})).expect(200);
    srv.post(&format!("/api/v1/orders/{id}/approve"), &w.p, &json!({})).expect(200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let failed = loop {
        let o = srv.get(&format!("/api/v1/orders/{id}"), &w.p).expect(200).clone();
        if o["steps"].as_array().unwrap().last().is_some_and(|s| s["error"].is_string()) {
            break o;
        }
        assert!(std::time::Instant::now() < deadline, "{o}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let last = failed["steps"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["name"].as_str(), last["attempts"].as_i64()), (Some("activate"), Some(1)), "{last}");
    assert!(last["error"].as_str().unwrap().contains("suspended"), "{last}");
    assert!(last["outcome"].is_null() && last["finished_at"].is_null(), "{last}");
    assert_eq!((failed["status"].as_str(), failed["current_step"].as_str()), (Some("in_progress"), Some("activate")));
    assert!(srv.list_all("/api/v1/subscriptions", &w.p).is_empty(), "a failed step leaves nothing behind");
    let dead = srv.list_all("/api/v1/tasks?kind=order.step&status=dead", &w.p);
    assert_eq!(dead.len(), 1, "{dead:?}");
    // Reactivated, the step runs again and the order completes, with one subscription.
    srv.post(&format!("/api/v1/accounts/{}/reactivate", w.c1), &w.p, &json!({})).expect(200);
    let retried = srv.post(&format!("/api/v1/orders/{id}/retry"), &w.p, &json!({})).expect(200).clone();
    assert!(retried["steps"].as_array().unwrap().last().unwrap()["error"].is_null(), "{retried}");
    srv.post(&format!("/api/v1/orders/{id}/retry"), &w.p, &json!({})).problem(409, "invalid_state_transition");
    let done = wait_status(&srv, &w.p, &id, "completed");
    let activate = done["steps"].as_array().unwrap().iter().find(|s| s["name"] == "activate").unwrap().clone();
    assert_eq!((activate["outcome"].as_str(), activate["attempts"].as_i64()), (Some("done"), Some(1)));
    assert_eq!(srv.list_all("/api/v1/subscriptions", &w.p).len(), 1);
}

// ---- Workflows as data (`/api/v1/workflows`) ----

/// The JSON of worked example `n` in docs/orders.md, exactly as documented.
fn documented(n: u32) -> Value {
    let doc = include_str!("../../docs/orders.md");
    let at = doc.find(&format!("**Worked example {n}:")).expect("the worked example");
    let rest = &doc[at..];
    let start = rest.find("```json\n").expect("its JSON") + "```json\n".len();
    let end = start + rest[start..].find("```").expect("the end of its JSON");
    serde_json::from_str(&rest[start..end]).expect("the documented JSON parses")
}

fn if_match(srv: &TestServer, tok: &str, path: &str, version: i64, body: &Value) -> Resp {
    srv.call(reqwest::Method::PATCH, path).bearer(tok).header("If-Match", &format!("\"{version}\"")).json(body).send()
}

fn grant(srv: &TestServer, w: &World, plan: &str, to: &str) {
    srv.post(&format!("/api/v1/plans/{plan}/grants"), &w.p, &json!({"account_id": to})).expect(201);
}

fn names(o: &Value) -> Vec<(String, String)> {
    steps(o)
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

#[test]
fn workflows_are_created_validated_changed_and_archived() {
    let srv = TestServer::start();
    let w = build(&srv);
    let body = documented(1);
    let made = srv.post("/api/v1/workflows", &w.r_admin, &body).expect(201).clone();
    let id = id_of(&made);
    assert!(id.starts_with("wfl_"), "{made}");
    assert_eq!((made["account_id"].as_str(), made["status"].as_str()), (Some(w.r.as_str()), Some("active")));
    assert_eq!((made["order_type"].as_str(), made["version"].as_i64()), (Some("sales"), Some(1)));
    assert_eq!(made["steps"], body["steps"], "the steps come back as sent");
    assert_eq!(made["start"], "big_order");
    // One active workflow per account and order type.
    srv.post("/api/v1/workflows", &w.r_admin, &body).problem(409, "conflict");
    // A customer owns none, whoever asks.
    let mut theirs = body.clone();
    theirs["account_id"] = json!(w.c2);
    srv.post("/api/v1/workflows", &w.r_admin, &theirs).validation_code("account_id", "customer_account");
    // Refusals of the validator, with the field of each problem; nothing is written.
    let mut bad = body.clone();
    bad["steps"][0]["on"].as_object_mut().unwrap().remove("no");
    bad["account_id"] = json!(srv.provider_id(&w.p));
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[0].on.no", "missing_transition");
    let mut bad = body.clone();
    bad["start"] = json!("approval");
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[0].name", "unreachable");
    let mut bad = body.clone();
    bad["steps"][2]["on"]["done"] = json!("completed");
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[2].on", "invalid_transition");
    let mut bad = body.clone();
    bad["steps"][4]["on"]["done"] = json!("nowhere");
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[4].on", "invalid_transition");
    let mut bad = body.clone();
    bad["steps"][0]["condition"] = json!({"fact": "currency", "op": "gt", "values": ["USD"]});
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[0].condition.op", "invalid_value");
    bad["steps"][0]["condition"] = json!({"fact": "currency", "op": "eq", "values": ["dollars"]});
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[0].condition.values", "invalid_format");
    bad["steps"][0]["condition"] = json!({"fact": "total", "op": "gt"});
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[0].condition.value", "required");
    let mut bad = body.clone();
    bad["steps"][0]["condition"]["fact"] = json!("moon_phase");
    srv.post("/api/v1/workflows", &w.p, &bad).problem(400, "invalid_body");
    let all = srv.list_all("/api/v1/workflows", &w.p);
    assert_eq!(all.iter().map(id_of).collect::<Vec<_>>(), std::slice::from_ref(&id), "refusals write nothing");
    // Get, with its ETag; list filters.
    let path = format!("/api/v1/workflows/{id}");
    let got = srv.get(&path, &w.r_admin);
    assert_eq!(got.header("etag"), Some("\"1\""));
    assert_eq!(got.expect(200)["id"], id.as_str());
    for q in ["status=active", "order_type=sales", &format!("account_id={}", w.r)] {
        assert_eq!(srv.list_all(&format!("/api/v1/workflows?{q}"), &w.p).len(), 1, "{q}");
    }
    assert!(srv.list_all("/api/v1/workflows?status=archived", &w.p).is_empty());
    assert!(srv.list_all(&format!("/api/v1/workflows?account_id={}", w.c1), &w.p).is_empty());
    // PATCH under If-Match; validated whole.
    if_match(&srv, &w.r_admin, &path, 7, &json!({"name": "x"})).problem(412, "version_mismatch");
    let mut steps = body["steps"].clone();
    steps[0]["condition"]["value"] = json!("500.00");
    let changed = if_match(&srv, &w.r_admin, &path, 1, &json!({"name": "approve above 500.00", "steps": steps}))
        .expect(200)
        .clone();
    assert_eq!((changed["version"].as_i64(), changed["name"].as_str()), (Some(2), Some("approve above 500.00")));
    assert_eq!(changed["steps"][0]["condition"]["value"], "500.00");
    if_match(&srv, &w.r_admin, &path, 2, &json!({"start": "nowhere"})).validation_code("start", "unknown_step");
    assert_eq!(srv.get(&path, &w.r_admin).expect(200)["version"], 2, "a refused PATCH writes nothing");
    // Archive: the slot is free again; an archived workflow is not changed.
    let archived = srv.post(&format!("{path}/archive"), &w.r_admin, &json!({})).expect(200).clone();
    assert_eq!(archived["status"], "archived");
    srv.post(&format!("{path}/archive"), &w.r_admin, &json!({})).expect(200);
    if_match(&srv, &w.r_admin, &path, 3, &json!({"name": "y"})).problem(409, "invalid_state_transition");
    srv.post("/api/v1/workflows", &w.r_admin, &body).expect(201);
    assert_eq!(srv.list_all("/api/v1/workflows?status=archived", &w.r_admin).len(), 1);
}

#[test]
fn workflows_are_seen_and_changed_only_in_their_subtree() {
    let srv = TestServer::start();
    let w = build(&srv);
    let mut body = documented(1);
    let mine = id_of(srv.post("/api/v1/workflows", &w.r_admin, &body).expect(201));
    body["account_id"] = json!(w.r);
    srv.post("/api/v1/workflows", &w.p, &body).problem(409, "conflict");
    body["account_id"] = json!(srv.provider_id(&w.p));
    let provider = id_of(srv.post("/api/v1/workflows", &w.p, &body).expect(201));
    // The provider sees both; the reseller its own; a customer none.
    assert_eq!(srv.list_all("/api/v1/workflows", &w.p).len(), 2);
    let r_sees: Vec<Value> = srv.list_all("/api/v1/workflows", &w.r_admin);
    assert_eq!(r_sees.iter().map(id_of).collect::<Vec<_>>(), std::slice::from_ref(&mine));
    srv.get(&format!("/api/v1/workflows/{provider}"), &w.r_admin).problem(404, "not_found");
    srv.post(&format!("/api/v1/workflows/{provider}/archive"), &w.r_admin, &json!({})).problem(404, "not_found");
    if_match(&srv, &w.r_admin, &format!("/api/v1/workflows/{provider}"), 1, &json!({"name": "x"}))
        .problem(404, "not_found");
    body["account_id"] = json!(srv.provider_id(&w.p));
    srv.post("/api/v1/workflows", &w.r_admin, &body).problem(404, "not_found");
    let c2 = srv.token_as(&w.r_admin, &w.c2, "admin");
    assert!(srv.list_all("/api/v1/workflows", &c2).is_empty());
    srv.get(&format!("/api/v1/workflows/{mine}"), &c2).problem(404, "not_found");
    body.as_object_mut().unwrap().remove("account_id");
    srv.post("/api/v1/workflows", &c2, &body).validation_code("account_id", "customer_account");
    let r_ro = srv.token_as(&w.p, &w.r, "read_only");
    srv.post(&format!("/api/v1/workflows/{mine}/archive"), &r_ro, &json!({})).problem(403, "permission_denied");
    assert_eq!(srv.get(&format!("/api/v1/workflows/{mine}"), &w.p).expect(200)["status"], "active");
}

#[test]
fn worked_example_1_a_reseller_approves_orders_above_100_by_hand() {
    let srv = TestServer::start();
    let w = build(&srv);
    grant(&srv, &w, &w.plan_days, &w.r);
    let wf = id_of(srv.post("/api/v1/workflows", &w.r_admin, &documented(1)).expect(201));
    // Web, 12 months: 25.00 setup + 99.00 = 124.00 > 100.00: waits for the reseller.
    let big = order(&srv, &w.r_admin, &w.c2, json!([{"plan_id": w.plan_web, "months": 12}]));
    assert_eq!((big["total"].as_str(), big["workflow_id"].as_str()), (Some("124.00"), Some(wf.as_str())));
    let big = wait_status(&srv, &w.p, &id_of(&big), "waiting_approval");
    assert_eq!(names(&big), pairs(&[("big_order", "yes"), ("approval", "-")]));
    assert_eq!(big["current_step"], "approval");
    // Days, 30 days: 0 setup + 3.00 = 3.00, not above 100.00: completes by itself.
    let small = order(&srv, &w.r_admin, &w.c2, json!([{"plan_id": w.plan_days, "days": 30}]));
    assert_eq!(small["total"], "3.00");
    let small = wait_status(&srv, &w.p, &id_of(&small), "completed");
    assert_eq!(names(&small), pairs(&[("big_order", "no"), ("activate", "done"), ("notify_completed", "done")]));
    assert!(small["fraud_score"].is_null(), "this workflow screens nothing: {small}");
    // The provider's direct customer runs the built-in default: 124.00 completes.
    let direct = order(&srv, &w.p, &w.c1, json!([{"plan_id": w.plan_web, "months": 12}]));
    assert!(direct["workflow_id"].is_null(), "{direct}");
    let direct = wait_status(&srv, &w.p, &id_of(&direct), "completed");
    assert_eq!(names(&direct)[0], ("fraud_screen".to_owned(), "done".to_owned()));
    // The reseller approves; the order completes.
    srv.post(&format!("/api/v1/orders/{}/approve", id_of(&big)), &w.r_admin, &json!({"comment": "ok"})).expect(200);
    let done = wait_status(&srv, &w.p, &id_of(&big), "completed");
    assert_eq!(
        names(&done),
        pairs(&[("big_order", "yes"), ("approval", "approved"), ("activate", "done"), ("notify_completed", "done")])
    );
}

#[test]
fn worked_example_2_old_customers_skip_fraud_screening() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let w = build(&srv);
    flag_above_100(&srv, &w.p);
    let wf = id_of(srv.post("/api/v1/workflows", &w.p, &documented(2)).expect(201));
    let web = json!([{"plan_id": w.plan_web, "months": 12}]);
    // C1 is 0 days old: screened; 124.00 > 100.00 scores 60 ≥ 50: waits.
    let young = order(&srv, &w.p, &w.c1, web.clone());
    assert_eq!(young["workflow_id"], wf.as_str());
    let young = wait_status(&srv, &w.p, &id_of(&young), "waiting_approval");
    assert_eq!(young["fraud_score"], 60);
    assert_eq!(
        names(&young),
        pairs(&[
            ("old_customer", "no"),
            ("fraud_screen", "done"),
            ("screening_decision", "yes"),
            ("mark_suspect", "done"),
            ("approval", "-")
        ])
    );
    // 366 days later C1 is older than a year: straight to activation, unscreened.
    srv.post("/api/v1/test-clock/advance", &w.p, &json!({"seconds": 366 * 86_400})).expect(200);
    let old = order(&srv, &w.p, &w.c1, web.clone());
    let old = wait_status(&srv, &w.p, &id_of(&old), "completed");
    assert!(old["fraud_score"].is_null(), "{old}");
    assert_eq!(names(&old), pairs(&[("old_customer", "yes"), ("activate", "done"), ("notify_completed", "done")]));
    // A new customer of the reseller (0 days old) runs the provider's workflow too: R has
    // none.
    let c4 = srv.new_account(&w.r_admin, "customer", None, "C4");
    let c2 = order(&srv, &w.r_admin, &c4, web);
    assert_eq!(c2["workflow_id"], wf.as_str());
    wait_status(&srv, &w.p, &id_of(&c2), "waiting_approval");
}

#[test]
fn the_nearest_ancestors_workflow_applies_and_is_fixed_at_placement() {
    let srv = TestServer::start();
    let w = build(&srv);
    let sub = srv.new_account(&w.r_admin, "reseller", None, "SR");
    let c3 = srv.new_account(&w.r_admin, "customer", Some(&sub), "C3");
    grant(&srv, &w, &w.plan_web, &sub);
    let mut body = documented(1);
    body["account_id"] = json!(srv.provider_id(&w.p));
    body["name"] = json!("provider's");
    // The provider's: everything above 1000.00 waits (nothing here).
    body["steps"][0]["condition"]["value"] = json!("1000.00");
    let provider = id_of(srv.post("/api/v1/workflows", &w.p, &body).expect(201));
    let reseller = id_of(srv.post("/api/v1/workflows", &w.r_admin, &documented(1)).expect(201));
    let web = json!([{"plan_id": w.plan_web, "months": 12}]);
    let placed = |tok: &str, c: &str| order(&srv, tok, c, web.clone());
    // C1 (the provider's): the provider's; C2 (R's) and C3 (SR's, which has none): R's.
    let o1 = placed(&w.p, &w.c1);
    let o2 = placed(&w.r_admin, &w.c2);
    let o3 = placed(&w.r_admin, &c3);
    assert_eq!(o1["workflow_id"], provider.as_str());
    assert_eq!(o2["workflow_id"], reseller.as_str());
    assert_eq!(o3["workflow_id"], reseller.as_str());
    wait_status(&srv, &w.p, &id_of(&o1), "completed");
    let o3 = wait_status(&srv, &w.p, &id_of(&o3), "waiting_approval");
    let o2 = wait_status(&srv, &w.p, &id_of(&o2), "waiting_approval");
    // Editing, then archiving R's workflow changes neither waiting order.
    let path = format!("/api/v1/workflows/{reseller}");
    let mut steps = documented(1)["steps"].clone();
    steps[0]["condition"]["value"] = json!("5000.00");
    if_match(&srv, &w.r_admin, &path, 1, &json!({"steps": steps})).expect(200);
    srv.post(&format!("{path}/archive"), &w.r_admin, &json!({})).expect(200);
    let o2_now = srv.get(&format!("/api/v1/orders/{}", id_of(&o2)), &w.p).expect(200).clone();
    assert_eq!((&o2_now["steps"], &o2_now["workflow_id"]), (&o2["steps"], &o2["workflow_id"]));
    srv.post(&format!("/api/v1/orders/{}/approve", id_of(&o2)), &w.r_admin, &json!({})).expect(200);
    wait_status(&srv, &w.p, &id_of(&o2), "completed");
    srv.post(&format!("/api/v1/orders/{}/reject", id_of(&o3)), &w.r_admin, &json!({"comment": "no"})).expect(200);
    let o3 = wait_status(&srv, &w.p, &id_of(&o3), "rejected");
    assert_eq!(names(&o3).last(), Some(&("notify_rejected".to_owned(), "done".to_owned())));
    // R's archived: its subtree runs the provider's now.
    let after = placed(&w.r_admin, &c3);
    assert_eq!(after["workflow_id"], provider.as_str());
    // A reseller's own again replaces it for its subtree; archiving the provider's leaves
    // the built-in default for the provider's direct customers.
    srv.post(&format!("/api/v1/workflows/{provider}/archive"), &w.p, &json!({})).expect(200);
    assert!(placed(&w.p, &w.c1)["workflow_id"].is_null());
}

/// The order once it stopped running by itself (neither `placed` nor `in_progress`).
fn settled(srv: &TestServer, tok: &str, id: &str) -> Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let o = srv.get(&format!("/api/v1/orders/{id}"), tok).expect(200).clone();
        if o["status"] != "placed" && o["status"] != "in_progress" {
            return o;
        }
        assert!(std::time::Instant::now() < deadline, "order {id} never settled: {o}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn the_demo_places_orders_that_complete_wait_and_are_rejected() {
    let srv = TestServer::start_with(&["--demo"]);
    let p = srv.provider_token();
    let orders = srv.list_all("/api/v1/orders", &p);
    assert_eq!(orders.len(), 4, "{orders:?}");
    let mut ends: Vec<(String, String)> = orders
        .iter()
        .map(|o| {
            let o = settled(&srv, &p, &id_of(o));
            (o["total"].as_str().unwrap().to_owned(), o["status"].as_str().unwrap().to_owned())
        })
        .collect();
    ends.sort();
    // Web Starter, 12 months in its 14-day trial: 0.00 (twice); Northwind Web: 6.99 a
    // month, 69.90 a year (above the workflow's 50.00).
    assert_eq!(
        ends,
        pairs(&[("0.00", "completed"), ("0.00", "waiting_approval"), ("6.99", "completed"), ("69.90", "rejected")])
    );
    assert_eq!(srv.list_all("/api/v1/subscriptions", &p).len(), 2);
    assert_eq!(srv.list_all("/api/v1/workflows?status=active", &p).len(), 1);
}

#[test]
fn a_timed_manual_step_decides_when_the_clock_passes_its_deadline() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let w = build(&srv);
    let mut body = documented(1);
    body["steps"][1]["timeout_hours"] = json!(48);
    body["steps"][1]["timeout_outcome"] = json!("rejected");
    let made = srv.post("/api/v1/workflows", &w.r_admin, &body).expect(201).clone();
    assert_eq!(
        (made["steps"][1]["timeout_hours"].as_i64(), made["steps"][1]["timeout_outcome"].as_str()),
        (Some(48), Some("rejected"))
    );
    let mut bad = body.clone();
    bad["steps"][1]["timeout_outcome"] = json!("maybe");
    bad["account_id"] = json!(srv.provider_id(&w.p));
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[1].timeout_outcome", "invalid_value");
    let mut bad = body.clone();
    bad["steps"][0]["timeout_hours"] = json!(1);
    bad["steps"][0]["timeout_outcome"] = json!("approved");
    bad["account_id"] = json!(srv.provider_id(&w.p));
    srv.post("/api/v1/workflows", &w.p, &bad).validation_code("steps[0].timeout_hours", "invalid_step");
    // 124.00 > 100.00: both wait; the second is approved in time.
    let web = json!([{"plan_id": w.plan_web, "months": 12}]);
    let late = id_of(&order(&srv, &w.r_admin, &w.c2, web.clone()));
    let early = id_of(&order(&srv, &w.r_admin, &w.c2, web));
    wait_status(&srv, &w.p, &late, "waiting_approval");
    wait_status(&srv, &w.p, &early, "waiting_approval");
    srv.post(&format!("/api/v1/orders/{early}/approve"), &w.r_admin, &json!({})).expect(200);
    wait_status(&srv, &w.p, &early, "completed");
    // 47 hours: still waiting; 2 more (49 > 48): rejected by the workflow.
    srv.post("/api/v1/test-clock/advance", &w.p, &json!({"seconds": 47 * 3600})).expect(200);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(srv.get(&format!("/api/v1/orders/{late}"), &w.p).expect(200)["status"], "waiting_approval");
    srv.post("/api/v1/test-clock/advance", &w.p, &json!({"seconds": 2 * 3600})).expect(200);
    let done = wait_status(&srv, &w.p, &late, "rejected");
    let comment = "no decision within 48 hours: rejected by the workflow";
    assert_eq!(done["steps"][1]["outcome"], "rejected");
    assert_eq!(done["steps"][1]["comment"], comment);
    assert_eq!(done["status_reason"], comment);
    assert_eq!(names(&done).last(), Some(&("notify_rejected".to_owned(), "done".to_owned())));
    // The order approved in time is left as it was.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let early = srv.get(&format!("/api/v1/orders/{early}"), &w.p).expect(200).clone();
    assert_eq!(early["status"], "completed");
    assert_eq!(early["steps"][1]["outcome"], "approved");
}

#[test]
fn the_deadline_of_an_earlier_visit_of_a_step_never_decides_a_later_one() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let w = build(&srv);
    // review (2 hours, then rejected) → second_look, whose rejection leads back to review.
    let body = json!({"order_type": "sales", "name": "review twice", "start": "review",
        "steps": [
            {"name": "review", "kind": "manual", "timeout_hours": 2, "timeout_outcome": "rejected",
             "on": {"approved": "second_look", "rejected": "notify_rejected"}},
            {"name": "second_look", "kind": "manual", "on": {"approved": "activate", "rejected": "review"}},
            {"name": "activate", "kind": "automatic", "action": "activate",
             "on": {"done": "notify_completed", "refused": "notify_rejected"}},
            {"name": "notify_completed", "kind": "automatic", "action": "notify", "on": {"done": "completed"}},
            {"name": "notify_rejected", "kind": "automatic", "action": "notify", "on": {"done": "rejected"}}]});
    srv.post("/api/v1/workflows", &w.p, &body).expect(201);
    let id = id_of(&order(&srv, &w.p, &w.c1, json!([{"plan_id": w.plan_web, "months": 12}])));
    let path = format!("/api/v1/orders/{id}");
    let advance = |hours: i64| {
        srv.post("/api/v1/test-clock/advance", &w.p, &json!({"seconds": hours * 3600})).expect(200);
    };
    let at = |step: &str| {
        let o = wait_status(&srv, &w.p, &id, "waiting_approval");
        assert_eq!(o["current_step"], step, "{o}");
    };
    // Visit 1 of review at 0 h (deadline 2 h); at 1 h approved, second_look rejects: visit 2
    // of review at 1 h (deadline 3 h).
    at("review");
    advance(1);
    srv.post(&format!("{path}/approve"), &w.p, &json!({})).expect(200);
    at("second_look");
    srv.post(&format!("{path}/reject"), &w.p, &json!({"comment": "look again"})).expect(200);
    at("review");
    // At 2 h 30 min the first deadline passes: its task ends cancelled, the order waits on.
    srv.post("/api/v1/test-clock/advance", &w.p, &json!({"seconds": 5400})).expect(200);
    let deadline_tasks = || -> Vec<Value> {
        srv.list_all("/api/v1/tasks?kind=order.step", &w.p)
            .into_iter()
            .filter(|t| t["payload"]["order_id"] == id.as_str() && t["payload"]["timeout"] == true)
            .collect()
    };
    let until = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while deadline_tasks().iter().all(|t| t["status"] != "cancelled") {
        assert!(std::time::Instant::now() < until, "the first deadline never ran: {:?}", deadline_tasks());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let o = srv.get(&path, &w.p).expect(200).clone();
    assert_eq!((o["status"].as_str(), o["current_step"].as_str()), (Some("waiting_approval"), Some("review")), "{o}");
    // At 3 h 30 min the second visit's own deadline rejects it.
    advance(1);
    let done = wait_status(&srv, &w.p, &id, "rejected");
    assert_eq!(done["status_reason"], "no decision within 2 hours: rejected by the workflow");
    let statuses: Vec<String> = deadline_tasks().iter().map(|t| t["status"].as_str().unwrap().to_owned()).collect();
    assert_eq!(statuses.iter().filter(|s| *s == "cancelled").count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| *s == "succeeded").count(), 1, "{statuses:?}");
}
