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
