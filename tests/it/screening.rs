//! External screening: an `external_screening` fraud rule calls a screening service through
//! a script action (signed like a webhook) and adds the score it answers; a service that
//! gives no score adds the rule's own.

use serde_json::{json, Value};

use crate::orders::wait_status;
use crate::receiver::Receiver;
use crate::script_actions::{body_of, verify};
use crate::support::{id_of, TestServer};

struct World {
    p: String,
    customer: String,
    plan: String,
    /// The screening service's receiver, its script action (no event types) and secret.
    rx: Receiver,
    action: String,
    secret: String,
    rule: String,
}

fn build(srv: &TestServer) -> World {
    let p = srv.provider_token();
    let created = |path: &str, body: Value| id_of(srv.post(path, &p, &body).expect(201));
    let disk = created("/api/v1/resource-types", json!({"name": "Disk", "unit": "GB", "gateway": "simulated"}));
    let tpl = created(
        "/api/v1/service-templates",
        json!({"name": "Hosting", "resources": [{"resource_type_id": disk, "included": "10", "maximum": "50"}]}),
    );
    let plan = created(
        "/api/v1/plans",
        json!({"service_template_id": tpl, "name": "Web", "currency": "USD",
               "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "5.00"}]}),
    );
    let customer = id_of(&srv.create_account(&p, &json!({"kind": "customer", "name": "C", "email": "c@example.com"})));
    let rx = Receiver::start();
    let made = srv.post("/api/v1/script-actions", &p, &json!({"url": rx.url, "event_types": []})).expect(201).clone();
    let (action, secret) = (id_of(&made["script_action"]), made["secret"].as_str().unwrap().to_owned());
    assert_eq!(made["script_action"]["event_types"], json!([]), "{made}");
    let rule =
        json!({"name": "screening service", "kind": "external_screening", "script_action_id": action, "score": 40});
    let made = srv.post("/api/v1/fraud-rules", &p, &rule).expect(201).clone();
    assert_eq!(
        (made["kind"].as_str(), made["script_action_id"].as_str()),
        (Some("external_screening"), Some(&*action))
    );
    World { p, customer, plan, rx, action, secret, rule: id_of(&made) }
}

fn order(srv: &TestServer, w: &World) -> String {
    let body = json!({"account_id": w.customer, "type": "sales", "lines": [{"plan_id": w.plan, "months": 1}]});
    id_of(srv.post("/api/v1/orders", &w.p, &body).expect(201))
}

fn reasons(o: &Value) -> Vec<(String, i64, String)> {
    o["fraud_reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (r["rule_id"].as_str().unwrap().into(), r["score"].as_i64().unwrap(), r["reason"].as_str().unwrap().into())
        })
        .collect()
}

#[test]
fn a_screening_service_scores_orders_through_a_signed_script_call() {
    let srv = TestServer::start();
    let w = build(&srv);

    // 70 is at least the default workflow's 50: the order waits for a person.
    w.rx.answer_body(200, r#"{"score": 70, "reason": "the IP is a known proxy"}"#);
    let a = order(&srv, &w);
    let held = wait_status(&srv, &w.p, &a, "waiting_approval");
    assert_eq!(held["fraud_score"], 70, "{held}");
    assert_eq!(reasons(&held), [(w.rule.clone(), 70, "the IP is a known proxy".to_owned())]);
    let got = w.rx.received();
    assert_eq!(got.len(), 1, "one call for the order and none for events (the action has no event types)");
    let call = &got[0];
    assert!(verify(&w.secret, call), "signed with the script action's secret: {:?}", call.headers);
    assert!(!verify("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", call), "control: another secret does not verify");
    assert_eq!(call.headers["webhook-id"], format!("{a}_{}", w.rule), "the order's and the rule's");
    let body = body_of(call);
    assert_eq!(body["type"], "order.screening");
    assert_eq!(body["rule_id"], w.rule.as_str());
    assert_eq!(body["order"]["id"], a.as_str());
    // One month of the plan: 0 setup + 5.00 recurring = 5.00.
    assert_eq!(body["order"]["total"], "5.00");
    assert_eq!(body["customer"]["id"], w.customer.as_str());
    assert_eq!(body["customer"]["email"], "c@example.com");
    // The step's task made the call and says how it went.
    let tasks = srv.list_all("/api/v1/tasks?kind=order.step", &w.p);
    let screening: Vec<&Value> = tasks.iter().filter(|t| t["result"]["step"] == "fraud_screen").collect();
    assert_eq!(screening.len(), 1, "{tasks:?}");
    assert_eq!(screening[0]["status"], "succeeded", "{}", screening[0]);

    // A score of 0 adds nothing: the order completes by itself.
    w.rx.answer_body(200, r#"{"score": 0, "reason": "clean"}"#);
    let b = order(&srv, &w);
    let done = wait_status(&srv, &w.p, &b, "completed");
    assert_eq!((done["fraud_score"].as_i64(), reasons(&done)), (Some(0), vec![]), "{done}");

    // A service that fails adds the rule's own score (40, below 50): the order completes,
    // and the reason says why.
    w.rx.answer_body(500, r#"{"score": 1}"#);
    let c = order(&srv, &w);
    let done = wait_status(&srv, &w.p, &c, "completed");
    assert_eq!(done["fraud_score"], 40, "{done}");
    assert_eq!(reasons(&done), [(w.rule.clone(), 40, "the screening service gave no score (it answered 500)".into())]);
    w.rx.answer_body(200, "yes");
    let d = order(&srv, &w);
    let done = wait_status(&srv, &w.p, &d, "completed");
    assert_eq!(reasons(&done)[0].2, "the screening service gave no score (its answer is not JSON)");

    // A disabled action is not called; the rule adds its score.
    let calls = w.rx.received().len();
    srv.patch(&format!("/api/v1/script-actions/{}", w.action), &w.p, &json!({"enabled": false})).expect(200);
    let e = order(&srv, &w);
    let done = wait_status(&srv, &w.p, &e, "completed");
    assert_eq!(
        reasons(&done),
        [(w.rule.clone(), 40, "the screening service gave no score (its script action is disabled or deleted)".into())]
    );
    assert_eq!(w.rx.received().len(), calls, "no call for a disabled action");
}

#[test]
fn an_external_screening_rule_needs_a_script_action_of_its_own_account() {
    let srv = TestServer::start();
    let w = build(&srv);
    let r = id_of(&srv.create_account(&w.p, &json!({"kind": "reseller", "name": "R"})));
    let r_admin = srv.token_as(&w.p, &r, "admin");
    let rule = |action: Option<&str>| {
        let mut b = json!({"name": "svc", "kind": "external_screening", "score": 40});
        if let Some(a) = action {
            b["script_action_id"] = json!(a);
        }
        b
    };
    let before = srv.list_all("/api/v1/fraud-rules", &w.p).len();
    srv.post("/api/v1/fraud-rules", &w.p, &rule(None)).validation_code("script_action_id", "required");
    srv.post("/api/v1/fraud-rules", &w.p, &rule(Some("scr_nothing")))
        .validation_code("script_action_id", "unknown_script_action");
    // The provider's action is not the reseller's to call with (its secret is the provider's).
    srv.post("/api/v1/fraud-rules", &r_admin, &rule(Some(&w.action)))
        .validation_code("script_action_id", "unknown_script_action");
    assert_eq!(srv.list_all("/api/v1/fraud-rules", &w.p).len(), before, "refusals write nothing");
    // Its own action is fine.
    let made =
        srv.post("/api/v1/script-actions", &r_admin, &json!({"url": w.rx.url, "event_types": []})).expect(201).clone();
    srv.post("/api/v1/fraud-rules", &r_admin, &rule(Some(&id_of(&made["script_action"])))).expect(201);
}
