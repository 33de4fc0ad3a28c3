//! The demo's orders, placed through the service layer like any client's: one that
//! completes (a trial subscription), one that a fraud rule holds for approval, one that a
//! reseller's workflow rejects, and one that the same workflow lets through.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::service::ordering::{fraud_rule, order, workflow_def};
use crate::service::{Context, ServiceError};

/// The accounts the orders are for.
pub struct Customers<'a> {
    pub northwind: &'a str,
    pub bluebird: &'a str,
    pub direct: &'a str,
    pub acme: &'a str,
    pub kite: &'a str,
    pub lakeside: &'a str,
}

fn wire<T: DeserializeOwned>(v: Value) -> Result<T, ServiceError> {
    serde_json::from_value(v).map_err(|e| ServiceError::Internal(format!("a demo body: {e}")))
}

/// Northwind's sales workflow: orders above 50.00 are declined; the others are activated
/// without screening.
fn northwind_workflow(account_id: &str) -> Value {
    json!({"account_id": account_id, "order_type": "sales", "name": "decline orders above 50.00",
        "start": "too_big",
        "steps": [
            {"name": "too_big", "kind": "decision",
             "condition": {"fact": "total", "op": "gt", "value": "50.00"},
             "on": {"yes": "notify_rejected", "no": "activate"}},
            {"name": "activate", "kind": "automatic", "action": "activate",
             "on": {"done": "notify_completed", "refused": "notify_rejected"}},
            {"name": "notify_completed", "kind": "automatic", "action": "notify", "on": {"done": "completed"}},
            {"name": "notify_rejected", "kind": "automatic", "action": "notify", "on": {"done": "rejected"}}]})
}

pub fn seed(
    cx: &Context,
    admin: &Caller,
    plans: &super::demo_catalog::DemoPlans,
    c: Customers<'_>,
) -> Result<(), ServiceError> {
    workflow_def::create(cx, admin, wire(northwind_workflow(c.northwind))?, None)?.into_fresh()?;
    let rule = json!({"account_id": c.bluebird, "name": "new customers are reviewed", "kind": "customer_age",
        "days": 30, "score": 60});
    fraud_rule::create(cx, admin, wire(rule)?, None)?.into_fresh()?;
    let place = |customer: &str, plan: &str, months: i32, domain: &str| -> Result<(), ServiceError> {
        let body = json!({"account_id": customer, "type": "sales",
            "lines": [{"plan_id": plan, "months": months, "parameters": {"domain": domain}}]});
        order::create(cx, admin, wire(body)?, None)?.into_fresh().map(drop)
    };
    // Direct Customer Ltd: the default workflow, no rule matches → completed, a trial.
    place(c.direct, &plans.web_starter, 12, "direct.example")?;
    // Lakeside Books (Bluebird's, 0 days old): the rule scores 60 ≥ 50 → waiting_approval.
    place(c.lakeside, &plans.web_starter, 12, "lakeside.example")?;
    // Kite Surf School (Northwind's): 12 months, 69.90 > 50.00 → rejected by the workflow.
    place(c.kite, &plans.northwind_web, 12, "kitesurf.example")?;
    // Acme Bakery (Northwind's): 1 month, 6.99 → completed.
    place(c.acme, &plans.northwind_web, 1, "acme-bakery.example")
}
