//! Catalog objects over real HTTP: lifecycle, validation, reseller visibility.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::support::{assert_same, fake_id_like, id_of, ids, method, Resp, TestServer};

const RT: &str = "/api/v1/resource-types";
const ST: &str = "/api/v1/service-templates";
const PLANS: &str = "/api/v1/plans";
const BRANDS: &str = "/api/v1/brands";
const COUPONS: &str = "/api/v1/coupons";
const QUOTES: &str = "/api/v1/quotes";

/// A decimal sent or answered as a string (or a number).
fn dec(v: &Value) -> Decimal {
    match v {
        Value::String(s) => Decimal::from_str(s).unwrap_or_else(|e| panic!("decimal {s}: {e}")),
        Value::Number(n) => Decimal::from_str(&n.to_string()).unwrap_or_else(|e| panic!("decimal {n}: {e}")),
        other => panic!("not a decimal: {other}"),
    }
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn event_types(srv: &TestServer, tok: &str, object_id: &str) -> Vec<String> {
    srv.events_of(tok, object_id).iter().map(|e| e["type"].as_str().unwrap_or("").to_owned()).collect()
}

/// The events of one object of one type.
fn events_typed(srv: &TestServer, tok: &str, object_id: &str, event_type: &str) -> Vec<Value> {
    srv.events_of(tok, object_id).into_iter().filter(|e| e["type"] == event_type).collect()
}

fn list_ids(srv: &TestServer, path: &str, tok: &str) -> Vec<String> {
    ids(&srv.list_all(path, tok))
}

/// Everything a refused write could have touched: the lists named and the event log.
fn snapshot(srv: &TestServer, tok: &str, lists: &[&str]) -> Value {
    let mut m = serde_json::Map::new();
    for p in lists {
        m.insert((*p).to_owned(), Value::Array(srv.list_all(p, tok)));
    }
    m.insert("events".to_owned(), json!(srv.event_ids(tok)));
    Value::Object(m)
}

fn resource_type(srv: &TestServer, tok: &str, name: &str, unit: &str) -> String {
    let body = json!({"name": name, "unit": unit, "gateway": "simulated"});
    id_of(srv.post(RT, tok, &body).expect(201))
}

/// A reseller (or customer when `tier` is None) under `parent` (None: the caller's account).
fn account(srv: &TestServer, tok: &str, name: &str, tier: Option<&str>, parent: Option<&str>) -> String {
    let mut body = match tier {
        Some(t) => json!({"kind": "reseller", "name": name, "reseller_tier": t}),
        None => json!({"kind": "customer", "name": name}),
    };
    if let Some(p) = parent {
        body["parent_id"] = json!(p);
    }
    let acc = srv.create_account(tok, &body);
    if let Some(t) = tier {
        assert_eq!(acc["reseller_tier"], t, "{acc}");
    }
    id_of(&acc)
}

/// The provider's basic catalog: disk (10 included, at most 100), mailboxes (5, no
/// maximum), IP addresses (1, at most 4), a stray resource type outside the template, and
/// the template.
struct Catalog {
    disk: String,
    mail: String,
    ip: String,
    stray: String,
    template: String,
}

fn catalog(srv: &TestServer, tok: &str) -> Catalog {
    let disk = resource_type(srv, tok, "Disk space", "GB");
    let mail = resource_type(srv, tok, "Mailboxes", "mailbox");
    let ip = resource_type(srv, tok, "IP addresses", "item");
    let stray = resource_type(srv, tok, "CPU hours", "hour");
    let body = json!({
        "name": "Shared hosting",
        "resources": [
            {"resource_type_id": disk, "included": "10", "maximum": "100"},
            {"resource_type_id": mail, "included": "5"},
            {"resource_type_id": ip, "included": "1", "maximum": "4"},
        ],
    });
    let template = id_of(srv.post(ST, tok, &body).expect(201));
    Catalog { disk, mail, ip, stray, template }
}

/// A plan body: one month at `setup` + `recurring`, extra disk at `disk_price` a GB-month.
fn plan_body(c: &Catalog, name: &str, currency: &str, setup: &str, recurring: &str, disk_price: &str) -> Value {
    json!({
        "service_template_id": c.template,
        "name": name,
        "currency": currency,
        "periods": [{"months": 1, "setup_fee": setup, "recurring_fee": recurring}],
        "rates": [{"resource_type_id": c.disk, "recurring_fee": {"model": "flat", "unit_price": disk_price}}],
    })
}

fn plan(srv: &TestServer, tok: &str, body: &Value) -> Value {
    srv.post(PLANS, tok, body).expect(201).clone()
}

fn brand(srv: &TestServer, tok: &str, host: &str, currency: &str) -> String {
    let body = json!({"name": host, "host_name": host, "default_language": "en", "currency": currency});
    id_of(srv.post(BRANDS, tok, &body).expect(201))
}

fn patch_if_match(srv: &TestServer, tok: &str, path: &str, etag: &str, body: &Value) -> Resp {
    srv.call(method("PATCH"), path).bearer(tok).header("If-Match", etag).json(body).send()
}

#[test]
fn resource_type_lifecycle_and_validation() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider = srv.provider_id(&tok);
    let body = json!({"name": "Disk space", "description": "SSD storage", "unit": "GB", "metered": true,
                      "gateway": "plesk"});
    let rt = srv.post(RT, &tok, &body).expect(201).clone();
    for f in ["name", "description", "unit", "metered", "gateway"] {
        assert_eq!(rt[f], body[f], "{f}: {rt}");
    }
    assert_eq!(rt["account_id"], provider.as_str(), "defaults to the caller's account");
    assert_eq!(rt["version"], 1);
    let id = id_of(&rt);
    let events = srv.events_of(&tok, &id);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "resource_type.created");
    assert_same(&events[0]["data"], &rt, "the event's data and the 201 answer");

    let path = format!("{RT}/{id}");
    let got = srv.get(&path, &tok);
    assert_eq!(got.header("etag"), Some("\"1\""), "ETag of version 1");
    assert_same(got.expect(200), &rt, "GET and the 201 answer");
    assert!(list_ids(&srv, RT, &tok).contains(&id));

    let renamed = patch_if_match(&srv, &tok, &path, "\"1\"", &json!({"name": "Disk"}));
    assert_eq!(renamed.header("etag"), Some("\"2\""));
    let renamed = renamed.expect(200).clone();
    assert_eq!((renamed["name"].clone(), renamed["version"].clone()), (json!("Disk"), json!(2)));
    assert_eq!(renamed["unit"], "GB", "untouched fields stay: {renamed}");
    assert_eq!(renamed["description"], "SSD storage");
    let stale = patch_if_match(&srv, &tok, &path, "\"1\"", &json!({"name": "Stale"}));
    stale.problem(412, "version_mismatch");
    assert_eq!(stale.header("etag"), Some("\"2\""), "a 412 names the current version");
    assert_same(srv.get(&path, &tok).expect(200), &renamed, "a stale If-Match changes nothing");

    // Validation: each refused, nothing written.
    let before = snapshot(&srv, &tok, &[RT]);
    let long_unit = "u".repeat(21);
    let cases = [
        (json!({"name": "  ", "unit": "GB", "gateway": "plesk"}), "name"),
        (json!({"name": "", "unit": "GB", "gateway": "plesk"}), "name"),
        (json!({"name": "Disk", "unit": "GB", "gateway": "ples k!"}), "gateway"),
        (json!({"name": "Disk", "unit": "GB", "gateway": "a/b"}), "gateway"),
        (json!({"name": "Disk", "unit": long_unit, "gateway": "plesk"}), "unit"),
    ];
    for (body, field) in cases {
        srv.post(RT, &tok, &body).validation(field);
    }
    srv.patch(&path, &tok, &json!({"gateway": "bad gateway"})).validation("gateway");
    srv.patch(&path, &tok, &json!({"name": " "})).validation("name");
    // The unit and metering are fixed.
    srv.patch(&path, &tok, &json!({"unit": "TB"})).problem(400, "invalid_body");
    srv.patch(&path, &tok, &json!({"metered": false})).problem(400, "invalid_body");
    assert_same(&before, &snapshot(&srv, &tok, &[RT]), "refused resource types write nothing");
}

#[test]
fn service_template_lifecycle_and_validation() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let disk = resource_type(&srv, &tok, "Disk space", "GB");
    let mail = resource_type(&srv, &tok, "Mailboxes", "mailbox");
    let body = json!({
        "name": "Shared hosting",
        "description": "Web and mail",
        "resources": [
            {"resource_type_id": disk, "included": "10", "maximum": "100"},
            {"resource_type_id": mail, "included": "5"},
        ],
        "parameters": [
            {"name": "domain", "label": "Domain", "kind": "domain_name", "required": true},
            {"name": "os", "label": "Operating system", "kind": "enum", "values": ["debian", "alma"]},
            {"name": "cpus", "label": "CPUs", "kind": "integer", "min": 1, "max": 8},
            {"name": "note", "label": "Note", "kind": "string", "max_length": 100},
        ],
    });
    let t = srv.post(ST, &tok, &body).expect(201).clone();
    let id = id_of(&t);
    assert_eq!((t["status"].clone(), t["version"].clone()), (json!("active"), json!(1)), "{t}");
    assert_eq!(t["name"], "Shared hosting");
    let res = t["resources"].as_array().expect("resources");
    assert_eq!(res.len(), 2, "{t}");
    assert_eq!(res[0]["resource_type_id"], disk.as_str());
    assert_eq!((dec(&res[0]["included"]), dec(&res[0]["maximum"])), (d("10"), d("100")));
    assert_eq!(res[1]["resource_type_id"], mail.as_str());
    assert_eq!(dec(&res[1]["included"]), d("5"));
    assert!(res[1]["maximum"].is_null(), "no maximum: {t}");
    let params = t["parameters"].as_array().expect("parameters");
    let kinds: Vec<&str> = params.iter().map(|p| p["kind"].as_str().unwrap_or("")).collect();
    assert_eq!(kinds, ["domain_name", "enum", "integer", "string"]);
    assert_eq!(params[0]["required"], true);
    assert_eq!(params[1]["values"], json!(["debian", "alma"]));
    assert_eq!((params[2]["min"].clone(), params[2]["max"].clone()), (json!(1), json!(8)));
    assert_eq!(params[3]["max_length"], 100);
    assert_eq!(event_types(&srv, &tok, &id), ["service_template.created"]);
    let path = format!("{ST}/{id}");
    let got = srv.get(&path, &tok);
    assert_eq!(got.header("etag"), Some("\"1\""));
    assert_same(got.expect(200), &t, "GET and the 201 answer");
    assert!(list_ids(&srv, ST, &tok).contains(&id));

    // A change raises service_template.updated with the previous values of what changed.
    let patch = json!({"name": "Shared hosting Pro", "resources": [
        {"resource_type_id": disk, "included": "20", "maximum": "100"},
        {"resource_type_id": mail, "included": "5"},
    ]});
    let changed = srv.patch(&path, &tok, &patch).expect(200).clone();
    assert_eq!((changed["name"].clone(), changed["version"].clone()), (json!("Shared hosting Pro"), json!(2)));
    assert_eq!(dec(&changed["resources"][0]["included"]), d("20"));
    let updated = events_typed(&srv, &tok, &id, "service_template.updated");
    assert_eq!(updated.len(), 1, "{updated:?}");
    let previous = &updated[0]["previous"];
    assert_eq!(previous["name"], "Shared hosting", "{previous}");
    assert_eq!(previous["resources"], t["resources"], "{previous}");
    assert!(previous.get("description").is_none(), "unchanged fields are not in previous: {previous}");
    assert!(previous.get("parameters").is_none(), "unchanged fields are not in previous: {previous}");
    assert_same(&updated[0]["data"], &changed, "the event's data and the PATCH answer");

    // Archive once; twice is an invalid transition that writes nothing.
    let archived = srv.post(&format!("{path}/archive"), &tok, &json!({})).expect(200).clone();
    assert_eq!((archived["status"].clone(), archived["version"].clone()), (json!("archived"), json!(3)));
    assert_eq!(
        event_types(&srv, &tok, &id),
        ["service_template.created", "service_template.updated", "service_template.archived"]
    );
    let before = snapshot(&srv, &tok, &[ST, PLANS]);
    srv.post(&format!("{path}/archive"), &tok, &json!({})).problem(409, "invalid_state_transition");
    assert_eq!(srv.get(&path, &tok).expect(200)["status"], "archived");
    // No new plan on an archived template.
    let plan = json!({"service_template_id": id, "name": "Late", "currency": "USD",
                      "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "10"}]});
    srv.post(PLANS, &tok, &plan).validation_code("service_template_id", "archived");
    assert_same(&before, &snapshot(&srv, &tok, &[ST, PLANS]), "refused archive and plan write nothing");

    // Validation: each refused, nothing written.
    let res = |r: Value| json!({"name": "T", "resources": r});
    let ok_res = json!([{"resource_type_id": disk, "included": "1"}]);
    let with_params = |p: Value| json!({"name": "T", "resources": ok_res, "parameters": p});
    let cases = [
        (res(json!([])), "resources", "invalid_length"),
        (
            res(json!([{"resource_type_id": disk, "included": "1"}, {"resource_type_id": disk, "included": "2"}])),
            "resources[1]",
            "duplicate_resource",
        ),
        (
            res(json!([{"resource_type_id": disk, "included": "10", "maximum": "5"}])),
            "resources[0]",
            "included_above_maximum",
        ),
        (res(json!([{"resource_type_id": disk, "included": "-1"}])), "resources[0]", "negative_quantity"),
        (
            res(json!([{"resource_type_id": fake_id_like(&disk), "included": "1"}])),
            "resources[0].resource_type_id",
            "unknown_resource_type",
        ),
        (with_params(json!([{"name": "os", "label": "OS", "kind": "enum"}])), "parameters[0].values", "required"),
        (
            with_params(json!([{"name": "os", "label": "OS", "kind": "enum", "values": []}])),
            "parameters[0].values",
            "required",
        ),
        (
            with_params(json!([{"name": "Domain-Name", "label": "Domain", "kind": "domain_name"}])),
            "parameters[0].name",
            "invalid_format",
        ),
        (
            with_params(json!([{"name": "1domain", "label": "Domain", "kind": "domain_name"}])),
            "parameters[0].name",
            "invalid_format",
        ),
    ];
    let before = snapshot(&srv, &tok, &[ST]);
    for (body, field, code) in cases {
        srv.post(ST, &tok, &body).validation_code(field, code);
    }
    assert_same(&before, &snapshot(&srv, &tok, &[ST]), "refused templates write nothing");
}

/// `service_template::update`'s doc: "Plans on it keep their own rates; resources they
/// price must stay in the template."
#[test]
fn a_template_keeps_the_resources_its_plans_price() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let c = catalog(&srv, &tok);
    let p = plan(&srv, &tok, &plan_body(&c, "Priced", "USD", "0", "10", "1"));
    assert_eq!(p["rates"][0]["resource_type_id"], c.disk.as_str());
    let path = format!("{ST}/{}", c.template);
    let before = snapshot(&srv, &tok, &[ST, PLANS]);
    let without_disk = json!({"resources": [
        {"resource_type_id": c.mail, "included": "5"}, {"resource_type_id": c.ip, "included": "1", "maximum": "4"}]});
    srv.patch(&path, &tok, &without_disk).problem_one_of(&[(422, "validation_failed"), (409, "conflict")]);
    assert_same(&before, &snapshot(&srv, &tok, &[ST, PLANS]), "the template and its events stay as they were");
}

#[test]
fn plan_lifecycle_and_validation() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider = srv.provider_id(&tok);
    let c = catalog(&srv, &tok);
    let body = json!({
        "service_template_id": c.template,
        "name": "Basic",
        "description": "Entry level",
        "currency": "USD",
        "categories": ["shared-hosting"],
        "periods": [
            {"months": 1, "setup_fee": "5", "recurring_fee": "10"},
            {"months": 12, "setup_fee": "0", "recurring_fee": "100", "renewal_fee": "110"},
        ],
        "rates": [{"resource_type_id": c.disk, "maximum": "50",
                   "recurring_fee": {"model": "flat", "unit_price": "0.5"}}],
    });
    let p = plan(&srv, &tok, &body);
    let id = id_of(&p);
    assert_eq!(p["account_id"], provider.as_str());
    assert_eq!(p["service_template_id"], c.template.as_str());
    assert!(p["base_plan_id"].is_null(), "{p}");
    assert_eq!((p["status"].clone(), p["version"].clone()), (json!("active"), json!(1)));
    assert_eq!((p["currency"].clone(), p["categories"].clone()), (json!("USD"), json!(["shared-hosting"])));
    assert_eq!(p["periods"].as_array().map(Vec::len), Some(2));
    assert_eq!(dec(&p["periods"][1]["renewal_fee"]), d("110"));
    // Every template resource gets a rate, with the template's amounts unless overridden.
    let rates = p["rates"].as_array().expect("rates");
    let rate_ids: Vec<&str> = rates.iter().map(|r| r["resource_type_id"].as_str().unwrap_or("")).collect();
    assert_eq!(rate_ids, [c.disk.as_str(), c.mail.as_str(), c.ip.as_str()], "{p}");
    assert_eq!((dec(&rates[0]["included"]), dec(&rates[0]["maximum"])), (d("10"), d("50")), "override: {p}");
    assert_eq!(rates[0]["recurring_fee"]["model"], "flat");
    assert_eq!(dec(&rates[0]["recurring_fee"]["unit_price"]), d("0.5"));
    assert_eq!(dec(&rates[1]["included"]), d("5"));
    assert!(rates[1]["maximum"].is_null(), "the template has no maximum for mail: {p}");
    assert_eq!((dec(&rates[2]["included"]), dec(&rates[2]["maximum"])), (d("1"), d("4")), "{p}");
    assert!(rates[1]["recurring_fee"].is_null() && rates[2]["setup_fee"].is_null(), "{p}");
    let created = srv.events_of(&tok, &id);
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["type"], "plan.created");
    assert_same(&created[0]["data"], &p, "plan.created data and the 201 answer");
    let path = format!("{PLANS}/{id}");
    let got = srv.get(&path, &tok);
    assert_eq!(got.header("etag"), Some("\"1\""));
    assert_same(got.expect(200), &p, "GET and the 201 answer");
    assert!(list_ids(&srv, PLANS, &tok).contains(&id));

    // New prices: plan.updated with the old periods in previous.
    let new_periods = json!([{"months": 1, "setup_fee": "5", "recurring_fee": "12"}]);
    let changed = srv.patch(&path, &tok, &json!({"periods": new_periods})).expect(200).clone();
    assert_eq!(changed["version"], 2);
    assert_eq!(dec(&changed["periods"][0]["recurring_fee"]), d("12"));
    assert_eq!(changed["periods"].as_array().map(Vec::len), Some(1));
    assert_eq!(changed["rates"], p["rates"], "untouched rates stay");
    let updated = events_typed(&srv, &tok, &id, "plan.updated");
    assert_eq!(updated.len(), 1);
    let previous = updated[0]["previous"].as_object().expect("previous");
    assert_eq!(previous.keys().collect::<Vec<_>>(), ["periods"], "only what changed: {previous:?}");
    assert_eq!(previous["periods"], p["periods"]);
    // A PATCH that changes nothing raises nothing.
    let events = srv.event_ids(&tok);
    let same = json!({"name": "Basic", "periods": changed["periods"], "categories": ["shared-hosting"]});
    let unchanged = srv.patch(&path, &tok, &same).expect(200).clone();
    assert_eq!(unchanged["version"], 2, "nothing changed: {unchanged}");
    assert_eq!(srv.event_ids(&tok), events, "a no-op PATCH raises no event");
    // A refused PATCH changes nothing.
    let before = snapshot(&srv, &tok, &[PLANS]);
    let two_months = json!({"periods": [{"months": 2, "setup_fee": "0", "recurring_fee": "10"}]});
    srv.patch(&path, &tok, &two_months).validation_code("periods[0]", "unsupported_period");
    let stray = json!({"rates": [{"resource_type_id": c.stray}]});
    srv.patch(&path, &tok, &stray).validation_code("rates[0].resource_type_id", "unknown_resource");
    srv.patch(&path, &tok, &json!({"upgrade_to": [id]})).validation_code("upgrade_to[0]", "unknown_plan");
    assert_same(&before, &snapshot(&srv, &tok, &[PLANS]), "refused plan changes write nothing");

    // Archive: plan.archived; the plan stays readable and listed.
    let archived = srv.post(&format!("{path}/archive"), &tok, &json!({})).expect(200).clone();
    assert_eq!((archived["status"].clone(), archived["version"].clone()), (json!("archived"), json!(3)));
    assert_eq!(event_types(&srv, &tok, &id), ["plan.created", "plan.updated", "plan.archived"]);
    assert_eq!(srv.get(&path, &tok).expect(200)["status"], "archived");
    assert!(list_ids(&srv, PLANS, &tok).contains(&id), "plans are never deleted");
    srv.post(&format!("{path}/archive"), &tok, &json!({})).problem(409, "invalid_state_transition");
    assert_eq!(event_types(&srv, &tok, &id).len(), 3);

    // Validation: each refused, nothing written.
    let base = json!({
        "service_template_id": c.template, "name": "V", "currency": "USD",
        "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "10"}],
    });
    let with = |key: &str, value: Value| {
        let mut b = base.clone();
        b[key] = value;
        b
    };
    let period = |p: Value| with("periods", p);
    let rate = |r: Value| with("rates", json!([r]));
    let before = snapshot(&srv, &tok, &[PLANS]);
    let cases = [
        (period(json!([{"months": 1, "setup_fee": "-1", "recurring_fee": "10"}])), "periods[0]", "negative_fee"),
        (period(json!([{"months": 1, "setup_fee": "0", "recurring_fee": "-10"}])), "periods[0]", "negative_fee"),
        (
            period(json!([{"months": 1, "days": 30, "setup_fee": "0", "recurring_fee": "10"}])),
            "periods[0]",
            "invalid_period",
        ),
        (period(json!([{"months": 2, "setup_fee": "0", "recurring_fee": "10"}])), "periods[0]", "unsupported_period"),
        (
            period(json!([{"months": 1, "setup_fee": "0", "recurring_fee": "10"},
                          {"months": 1, "setup_fee": "0", "recurring_fee": "9"}])),
            "periods[1]",
            "duplicate_period",
        ),
        (period(json!([])), "periods", "invalid_length"),
        (
            rate(json!({"resource_type_id": c.stray, "recurring_fee": {"model": "flat", "unit_price": "1"}})),
            "rates[0].resource_type_id",
            "unknown_resource",
        ),
        (
            rate(json!({"resource_type_id": c.disk, "recurring_fee": {"model": "graduated", "tiers": [
                {"up_to": "20", "unit_price": "1"}, {"up_to": "10", "unit_price": "0.5"}, {"unit_price": "0.2"}]}})),
            "rates[0]",
            "tiers_not_ascending",
        ),
        (
            rate(json!({"resource_type_id": c.disk, "recurring_fee": {"model": "volume", "unit_price": "1",
                "tiers": [{"unit_price": "1"}]}})),
            "rates[0]",
            "invalid_price",
        ),
        (with("currency", json!("usd")), "currency", "invalid_currency"),
        (with("currency", json!("USDX")), "currency", "invalid_currency"),
        (
            {
                let mut b = with("available_from", json!("2030-02-01T00:00:00Z"));
                b["available_until"] = json!("2030-01-01T00:00:00Z");
                b
            },
            "available_until",
            "invalid_range",
        ),
        (with("upgrade_to", json!([fake_id_like(&id)])), "upgrade_to[0]", "unknown_plan"),
    ];
    for (body, field, code) in cases {
        srv.post(PLANS, &tok, &body).validation_code(field, code);
    }
    // A period without a price (docs/catalog.md: 422, nothing written).
    let no_price = period(json!([{"months": 1, "setup_fee": "0"}]));
    srv.post(PLANS, &tok, &no_price).validation_code("periods[0].recurring_fee", "required");
    assert_same(&before, &snapshot(&srv, &tok, &[PLANS]), "refused plans write nothing");
}

#[test]
fn brands_publish_plans_in_their_currency() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider = srv.provider_id(&tok);
    let c = catalog(&srv, &tok);
    let usd = id_of(&plan(&srv, &tok, &plan_body(&c, "Basic", "USD", "5", "10", "0.5")));
    let eur = id_of(&plan(&srv, &tok, &plan_body(&c, "Basic EU", "EUR", "5", "9", "0.5")));
    let old = id_of(&plan(&srv, &tok, &plan_body(&c, "Old", "USD", "5", "10", "0.5")));
    srv.post(&format!("{PLANS}/{old}/archive"), &tok, &json!({})).expect(200);
    let body = json!({"name": "Shop", "host_name": "shop.example.com", "default_language": "en",
                      "languages": ["de"], "currency": "USD"});
    let b = srv.post(BRANDS, &tok, &body).expect(201).clone();
    let bid = id_of(&b);
    assert_eq!(b["account_id"], provider.as_str());
    assert_eq!((b["host_name"].clone(), b["currency"].clone()), (json!("shop.example.com"), json!("USD")));
    assert_eq!(b["languages"], json!(["en", "de"]), "the default language comes first");
    assert_same(srv.get(&format!("{BRANDS}/{bid}"), &tok).expect(200), &b, "GET and the 201 answer");
    assert_eq!(list_ids(&srv, BRANDS, &tok), vec![bid.clone()]);
    srv.patch(&format!("{BRANDS}/{bid}"), &tok, &json!({"currency": "EUR"})).problem(400, "invalid_body");

    let before = snapshot(&srv, &tok, &[BRANDS]);
    let mut dup = body.clone();
    dup["name"] = json!("Another shop");
    srv.post(BRANDS, &tok, &dup).problem(409, "conflict");
    for host in ["Shop.example.com", "localhost", "shop_1.example.com", "-shop.example.com"] {
        let mut bad = body.clone();
        bad["host_name"] = json!(host);
        srv.post(BRANDS, &tok, &bad).validation_code("host_name", "invalid_format");
    }
    assert_same(&before, &snapshot(&srv, &tok, &[BRANDS]), "refused brands write nothing");

    let pubs = format!("{BRANDS}/{bid}/plans");
    let before = snapshot(&srv, &tok, &[pubs.as_str()]);
    srv.post(&pubs, &tok, &json!({"plan_id": eur})).validation_code("plan_id", "currency_mismatch");
    srv.post(&pubs, &tok, &json!({"plan_id": fake_id_like(&usd)})).validation_code("plan_id", "unknown_plan");
    srv.post(&pubs, &tok, &json!({"plan_id": old})).validation_code("plan_id", "archived");
    assert_same(&before, &snapshot(&srv, &tok, &[pubs.as_str()]), "refused publications write nothing");
    assert!(events_typed(&srv, &tok, &eur, "plan.published").is_empty());

    let p = srv.post(&pubs, &tok, &json!({"plan_id": usd, "display_name": "Starter"})).expect(201).clone();
    assert_eq!((p["brand_id"].clone(), p["plan_id"].clone()), (json!(bid), json!(usd)));
    assert_eq!(p["display_name"], "Starter");
    let published = events_typed(&srv, &tok, &usd, "plan.published");
    assert_eq!(published.len(), 1, "{published:?}");
    assert_eq!(published[0]["account_id"], provider.as_str());
    assert_eq!(published[0]["data"]["display_name"], "Starter");
    assert_eq!(published[0]["data"]["brand_id"], bid.as_str());
    let listed = srv.list_all(&pubs, &tok);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!((listed[0]["plan_id"].clone(), listed[0]["display_name"].clone()), (json!(usd), json!("Starter")));

    let before = snapshot(&srv, &tok, &[pubs.as_str()]);
    srv.post(&pubs, &tok, &json!({"plan_id": usd, "display_name": "Again"})).problem(409, "conflict");
    assert_same(&before, &snapshot(&srv, &tok, &[pubs.as_str()]), "a second publication writes nothing");

    srv.delete(&format!("{pubs}/{usd}"), &tok).expect(204);
    assert!(srv.list_all(&pubs, &tok).is_empty(), "unpublished");
    srv.delete(&format!("{pubs}/{usd}"), &tok).problem(404, "not_found");
}

#[test]
fn coupons_percent_and_fixed() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let c = catalog(&srv, &tok);
    let x = id_of(&plan(&srv, &tok, &plan_body(&c, "Basic", "USD", "5", "10", "0.5")));
    let pct = json!({"code": "WELCOME10", "name": "Welcome", "percent": "10", "applies_to": "recurring",
                     "duration_periods": 3, "plan_ids": [x]});
    let p = srv.post(COUPONS, &tok, &pct).expect(201).clone();
    assert_eq!(dec(&p["percent"]), d("10"));
    assert!(p["amount"].is_null() && p["currency"].is_null(), "{p}");
    assert_eq!((p["status"].clone(), p["times_redeemed"].clone()), (json!("active"), json!(0)));
    assert_eq!((p["plan_ids"].clone(), p["duration_periods"].clone()), (json!([x]), json!(3)));
    let fixed = json!({"code": "FIVE-OFF", "name": "Five off", "amount": "5", "currency": "USD",
                       "applies_to": "setup"});
    let f = srv.post(COUPONS, &tok, &fixed).expect(201).clone();
    assert_eq!((dec(&f["amount"]), f["currency"].clone()), (d("5"), json!("USD")));
    assert_eq!(f["plan_ids"], json!([]));
    let (pid, fid) = (id_of(&p), id_of(&f));
    assert_same(srv.get(&format!("{COUPONS}/{pid}"), &tok).expect(200), &p, "GET and the 201 answer");
    let listed = list_ids(&srv, COUPONS, &tok);
    assert!(listed.contains(&pid) && listed.contains(&fid), "{listed:?}");

    // The coupon reduces a quote of its plan: 10% of the 10.00 monthly fee.
    let q = json!({"plan_id": x, "months": 1, "coupon_code": "WELCOME10"});
    let quote = srv.post(QUOTES, &tok, &q).expect(200).clone();
    assert_eq!((dec(&quote["discount_total"]), dec(&quote["total"])), (d("1"), d("14")), "{quote}");
    assert_eq!(quote["coupon_id"], pid.as_str());

    let before = snapshot(&srv, &tok, &[COUPONS]);
    let refused = [
        json!({"code": "NOPE1", "name": "x", "percent": "5", "applies_to": "recurring",
               "plan_ids": [fake_id_like(&x)]}),
        json!({"code": "NOCUR", "name": "x", "amount": "5", "applies_to": "setup"}),
        json!({"code": "TOOMUCH", "name": "x", "percent": "150", "applies_to": "recurring"}),
        json!({"code": "NEGATIVE", "name": "x", "percent": "-1", "applies_to": "recurring"}),
    ];
    srv.post(COUPONS, &tok, &refused[0]).validation_code("plan_ids[0]", "unknown_plan");
    srv.post(COUPONS, &tok, &refused[1]).problem(422, "validation_failed");
    srv.post(COUPONS, &tok, &refused[2]).validation_code("percent", "invalid_percentage");
    srv.post(COUPONS, &tok, &refused[3]).validation_code("percent", "invalid_percentage");
    let mut dup = pct.clone();
    dup["name"] = json!("Welcome again");
    srv.post(COUPONS, &tok, &dup).problem(409, "conflict");
    assert_same(&before, &snapshot(&srv, &tok, &[COUPONS]), "refused coupons write nothing");

    let archived = srv.post(&format!("{COUPONS}/{pid}/archive"), &tok, &json!({})).expect(200).clone();
    assert_eq!(archived["status"], "archived");
    assert_eq!(srv.get(&format!("{COUPONS}/{pid}"), &tok).expect(200)["status"], "archived");
    srv.post(&format!("{COUPONS}/{pid}/archive"), &tok, &json!({})).problem(409, "invalid_state_transition");
    // An archived coupon applies no more.
    srv.post(QUOTES, &tok, &q).validation_code("coupon_code", "unknown_coupon");
}

#[test]
fn resellers_sell_what_they_were_given() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider = srv.provider_id(&tok);
    let c = catalog(&srv, &tok);
    let x = id_of(&plan(&srv, &tok, &plan_body(&c, "Basic", "USD", "5", "10", "0.5")));
    let b = account(&srv, &tok, "Basic reseller", Some("basic"), None);
    let a = account(&srv, &tok, "Advanced reseller", Some("advanced"), None);
    let cc = account(&srv, &tok, "Other reseller", Some("basic"), None);
    let (b_tok, a_tok, c_tok) =
        (srv.token_as(&tok, &b, "admin"), srv.token_as(&tok, &a, "admin"), srv.token_as(&tok, &cc, "admin"));
    let grants = format!("{PLANS}/{x}/grants");
    for who in [&b, &a] {
        let g = srv.post(&grants, &tok, &json!({"account_id": who})).expect(201).clone();
        assert_eq!((g["plan_id"].clone(), g["account_id"].clone()), (json!(x), json!(who)));
        assert_eq!(g["granted_by"], provider.as_str());
    }
    let mut given: Vec<String> = srv.list_all(&grants, &tok).iter().map(|g| g["account_id"].to_string()).collect();
    given.sort();
    let mut expected = vec![json!(a).to_string(), json!(b).to_string()];
    expected.sort();
    assert_eq!(given, expected);
    srv.post(&grants, &tok, &json!({"account_id": b})).problem(409, "conflict");
    let order = json!({"plan_id": x, "months": 1, "resources": [{"resource_type_id": c.disk, "quantity": "20"}]});

    // C was given nothing: X does not exist for it.
    let c_brand = brand(&srv, &c_tok, "c.example.com", "USD");
    srv.get(&format!("{PLANS}/{x}"), &c_tok).problem(404, "not_found");
    assert!(!list_ids(&srv, PLANS, &c_tok).contains(&x));
    let c_pubs = format!("{BRANDS}/{c_brand}/plans");
    srv.post(&c_pubs, &c_tok, &json!({"plan_id": x})).validation_code("plan_id", "unknown_plan");
    assert!(srv.list_all(&c_pubs, &c_tok).is_empty());
    srv.post(QUOTES, &c_tok, &order).problem(404, "not_found");

    // B sees X and publishes it, but makes no plans.
    let got = srv.get(&format!("{PLANS}/{x}"), &b_tok).expect(200).clone();
    assert_eq!(got["account_id"], provider.as_str());
    assert!(list_ids(&srv, PLANS, &b_tok).contains(&x));
    let b_brand = brand(&srv, &b_tok, "b.example.com", "USD");
    let b_pubs = format!("{BRANDS}/{b_brand}/plans");
    srv.post(&b_pubs, &b_tok, &json!({"plan_id": x, "display_name": "B Basic"})).expect(201);
    let published = events_typed(&srv, &tok, &x, "plan.published");
    assert_eq!(published.len(), 1);
    assert_eq!(published[0]["account_id"], b.as_str(), "raised in the brand's account");
    assert_eq!(event_types(&srv, &b_tok, &x), ["plan.published"], "B sees what it publishes, not P's events");
    let before = snapshot(&srv, &tok, &[PLANS]);
    // Given is not owned: B cannot change or archive X.
    srv.patch(&format!("{PLANS}/{x}"), &b_tok, &json!({"name": "Mine now"})).problem(404, "not_found");
    srv.post(&format!("{PLANS}/{x}/archive"), &b_tok, &json!({})).problem(404, "not_found");
    let mut on_x = plan_body(&c, "B's own", "USD", "0", "15", "1");
    on_x["base_plan_id"] = json!(x);
    on_x.as_object_mut().unwrap().remove("service_template_id");
    srv.post(PLANS, &b_tok, &on_x).validation_code("account_id", "reseller_tier");
    assert_same(&before, &snapshot(&srv, &tok, &[PLANS]), "a basic reseller's plan is not written");

    // A builds Y on X, in X's currency, on a plan it was given.
    let mut eur = on_x.clone();
    eur["currency"] = json!("EUR");
    srv.post(PLANS, &a_tok, &eur).validation_code("currency", "currency_mismatch");
    let on_template = plan_body(&c, "A on T", "USD", "0", "15", "1");
    srv.post(PLANS, &a_tok, &on_template).validation_code("base_plan_id", "required");
    let other_template = json!({"name": "Other", "resources": [{"resource_type_id": c.stray, "included": "0"}]});
    let other_template = id_of(srv.post(ST, &tok, &other_template).expect(201));
    let before = snapshot(&srv, &tok, &[PLANS]);
    let mut elsewhere = on_x.clone();
    elsewhere["service_template_id"] = json!(other_template);
    srv.post(PLANS, &a_tok, &elsewhere).validation_code("service_template_id", "not_allowed");
    assert_same(&before, &snapshot(&srv, &tok, &[PLANS]), "refused reseller plans are not written");
    let x2 = id_of(&plan(&srv, &tok, &plan_body(&c, "Not given", "USD", "1", "2", "0.1")));
    let customer = account(&srv, &tok, "Customer", None, None);
    let before = snapshot(&srv, &tok, &[PLANS]);
    let mut on_x2 = on_x.clone();
    on_x2["base_plan_id"] = json!(x2);
    srv.post(PLANS, &a_tok, &on_x2).validation_code("base_plan_id", "unknown_plan");
    // The provider prices templates, not base plans; customers own no plans.
    let mut p_on_x = plan_body(&c, "P on X", "USD", "0", "15", "1");
    p_on_x["base_plan_id"] = json!(x);
    srv.post(PLANS, &tok, &p_on_x).validation_code("base_plan_id", "not_allowed");
    let mut for_customer = plan_body(&c, "Customer's", "USD", "0", "15", "1");
    for_customer["account_id"] = json!(customer);
    srv.post(PLANS, &tok, &for_customer).validation_code("account_id", "not_allowed");
    assert_same(&before, &snapshot(&srv, &tok, &[PLANS]), "refused plans are not written");
    let y = plan(&srv, &a_tok, &on_x);
    let yid = id_of(&y);
    assert_eq!((y["account_id"].clone(), y["base_plan_id"].clone()), (json!(a), json!(x)));
    assert_eq!(y["service_template_id"], c.template.as_str());
    assert_eq!(event_types(&srv, &tok, &yid), ["plan.created"]);
    // Its quote: 15 + 10 extra GB at 1 = 25; wholesale: X's 5 + 10 + 10 GB at 0.5 = 20.
    let p_quote = srv.post(QUOTES, &tok, &order).expect(200).clone();
    assert_eq!(dec(&p_quote["total"]), d("20"), "{p_quote}");
    assert!(p_quote["wholesale_total"].is_null(), "X has no base plan: {p_quote}");
    let mut y_order = order.clone();
    y_order["plan_id"] = json!(yid);
    let a_quote = srv.post(QUOTES, &a_tok, &y_order).expect(200).clone();
    assert_eq!(dec(&a_quote["total"]), d("25"), "{a_quote}");
    assert_eq!(dec(&a_quote["wholesale_total"]), dec(&p_quote["total"]), "wholesale is X's price: {a_quote}");
    // P sees Y (its subtree); B does not.
    srv.get(&format!("{PLANS}/{yid}"), &tok).expect(200);
    assert!(list_ids(&srv, PLANS, &tok).contains(&yid));
    srv.get(&format!("{PLANS}/{yid}"), &b_tok).problem(404, "not_found");
    assert!(!list_ids(&srv, PLANS, &b_tok).contains(&yid));
    srv.post(QUOTES, &b_tok, &y_order).problem(404, "not_found");

    // Grants go to resellers, from their parent, which must have the plan.
    let e = account(&srv, &tok, "C's reseller", Some("basic"), Some(&cc));
    let e_tok = srv.token_as(&tok, &e, "admin");
    let before = snapshot(&srv, &tok, &[grants.as_str()]);
    srv.post(&grants, &tok, &json!({"account_id": customer})).problem(422, "validation_failed");
    srv.post(&grants, &tok, &json!({"account_id": e})).validation_code("account_id", "not_allowed");
    assert_same(&before, &snapshot(&srv, &tok, &[grants.as_str()]), "refused grants write nothing");
    srv.get(&format!("{PLANS}/{x}"), &e_tok).problem(404, "not_found");

    // Taking X back: refused while B publishes it or A builds on it.
    srv.delete(&format!("{grants}/{b}"), &tok).problem(409, "conflict");
    srv.delete(&format!("{grants}/{a}"), &tok).problem(409, "conflict");
    assert_same(&before, &snapshot(&srv, &tok, &[grants.as_str()]), "refused take-backs write nothing");
    srv.get(&format!("{PLANS}/{x}"), &b_tok).expect(200);
    srv.delete(&format!("{b_pubs}/{x}"), &b_tok).expect(204);
    // B passes X on to its own reseller: the grant is B's, and X cannot be taken from B
    // while B1 has it.
    let b1 = account(&srv, &b_tok, "B's reseller", Some("basic"), None);
    let g = srv.post(&grants, &b_tok, &json!({"account_id": b1})).expect(201).clone();
    assert_eq!(g["granted_by"], b.as_str());
    srv.delete(&format!("{grants}/{b}"), &tok).problem(409, "conflict");
    srv.delete(&format!("{grants}/{b1}"), &b_tok).expect(204);
    srv.delete(&format!("{grants}/{b}"), &tok).expect(204);
    srv.get(&format!("{PLANS}/{x}"), &b_tok).problem(404, "not_found");
    assert!(!list_ids(&srv, PLANS, &b_tok).contains(&x));
    srv.post(&b_pubs, &b_tok, &json!({"plan_id": x})).validation_code("plan_id", "unknown_plan");
    let left: Vec<Value> = srv.list_all(&grants, &tok).iter().map(|g| g["account_id"].clone()).collect();
    assert_eq!(left, [json!(a)]);
    srv.delete(&format!("{grants}/{b}"), &tok).problem(404, "not_found");
}

#[test]
fn resellers_see_only_their_own_catalog_and_the_providers() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let c = catalog(&srv, &tok);
    let x = id_of(&plan(&srv, &tok, &plan_body(&c, "Basic", "USD", "5", "10", "0.5")));
    let a = account(&srv, &tok, "Reseller A", Some("advanced"), None);
    let b = account(&srv, &tok, "Reseller B", Some("advanced"), None);
    srv.post(&format!("{PLANS}/{x}/grants"), &tok, &json!({"account_id": b})).expect(201);
    let (a_tok, b_tok) = (srv.token_as(&tok, &a, "admin"), srv.token_as(&tok, &b, "admin"));

    // B's own catalog.
    let b_rt = resource_type(&srv, &b_tok, "B backups", "GB");
    let b_tpl = json!({"name": "B bundle", "resources": [
        {"resource_type_id": b_rt, "included": "1"}, {"resource_type_id": c.disk, "included": "2"}]});
    let b_tpl = id_of(srv.post(ST, &b_tok, &b_tpl).expect(201));
    let mut on_x = json!({"base_plan_id": x, "name": "B Basic", "currency": "USD",
                          "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "12"}]});
    let b_plan = id_of(&plan(&srv, &b_tok, &on_x));
    let b_brand = brand(&srv, &b_tok, "b.example.com", "USD");
    let coupon = json!({"code": "BSAVE", "name": "B save", "percent": "5", "applies_to": "recurring",
                        "plan_ids": [b_plan]});
    let b_coupon = id_of(srv.post(COUPONS, &b_tok, &coupon).expect(201));
    for (list, id) in
        [(RT, &b_rt), (ST, &b_tpl), (PLANS, &b_plan), (PLANS, &x), (BRANDS, &b_brand), (COUPONS, &b_coupon)]
    {
        srv.get(&format!("{list}/{id}"), &b_tok).expect(200);
        assert!(list_ids(&srv, list, &b_tok).contains(id), "B lists its {list} {id}");
    }

    // A sees none of it, exactly like ids that do not exist.
    for (list, id) in
        [(RT, &b_rt), (ST, &b_tpl), (PLANS, &b_plan), (PLANS, &x), (BRANDS, &b_brand), (COUPONS, &b_coupon)]
    {
        let real = srv.get(&format!("{list}/{id}"), &a_tok);
        real.problem(404, "not_found");
        let fake = srv.get(&format!("{list}/{}", fake_id_like(id)), &a_tok);
        assert_eq!((real.status, real.code()), (fake.status, fake.code()), "{list}/{id}");
        assert!(!list_ids(&srv, list, &a_tok).contains(id), "A must not list B's {list} {id}");
    }
    srv.get(&format!("{BRANDS}/{b_brand}/plans"), &a_tok).problem(404, "not_found");
    // Nor can A build on it.
    let a_tpl = json!({"name": "A bundle", "resources": [{"resource_type_id": b_rt, "included": "1"}]});
    srv.post(ST, &a_tok, &a_tpl).validation_code("resources[0].resource_type_id", "unknown_resource_type");
    on_x["name"] = json!("A on X");
    srv.post(PLANS, &a_tok, &on_x).validation_code("base_plan_id", "unknown_plan");
    srv.post(
        COUPONS,
        &a_tok,
        &json!({"code": "ASAVE", "name": "A", "percent": "5", "applies_to": "recurring",
                                       "plan_ids": [b_plan]}),
    )
    .validation_code("plan_ids[0]", "unknown_plan");
    assert!(list_ids(&srv, COUPONS, &a_tok).is_empty());

    // A's own resource type is visible below A (to its sub-reseller) and above it, not to B.
    let a_rt = resource_type(&srv, &a_tok, "A backups", "GB");
    let a1 = account(&srv, &a_tok, "A's sub-reseller", Some("basic"), None);
    let a1_tok = srv.token_as(&a_tok, &a1, "admin");
    let a1_rts = list_ids(&srv, RT, &a1_tok);
    assert!(a1_rts.contains(&a_rt) && a1_rts.contains(&c.disk) && !a1_rts.contains(&b_rt), "{a1_rts:?}");
    srv.get(&format!("{RT}/{a_rt}"), &a1_tok).expect(200);
    srv.get(&format!("{RT}/{a_rt}"), &tok).expect(200);
    srv.get(&format!("{RT}/{a_rt}"), &b_tok).problem(404, "not_found");
    srv.get(&format!("{RT}/{b_rt}"), &a1_tok).problem(404, "not_found");
    // Both see the provider's resource types and template.
    let provider_rts = [&c.disk, &c.mail, &c.ip, &c.stray];
    for (who, t) in [("A", &a_tok), ("B", &b_tok)] {
        let rts = list_ids(&srv, RT, t);
        let tpls = list_ids(&srv, ST, t);
        for id in provider_rts {
            assert!(rts.contains(id), "{who} lists the provider's resource type {id}");
            srv.get(&format!("{RT}/{id}"), t).expect(200);
        }
        assert!(tpls.contains(&c.template), "{who} lists the provider's template");
        srv.get(&format!("{ST}/{}", c.template), t).expect(200);
    }
    let mut a_rts = list_ids(&srv, RT, &a_tok);
    a_rts.sort();
    let mut expected: Vec<String> = provider_rts.iter().map(|s| (*s).clone()).collect();
    expected.push(a_rt.clone());
    expected.sort();
    assert_eq!(a_rts, expected, "A sees the provider's resource types and nothing of B's");
    assert_eq!(list_ids(&srv, ST, &a_tok), vec![c.template.clone()]);
    // The provider sees everything in its subtree.
    for (list, id) in [(RT, &b_rt), (ST, &b_tpl), (PLANS, &b_plan), (BRANDS, &b_brand), (COUPONS, &b_coupon)] {
        assert!(list_ids(&srv, list, &tok).contains(id), "the provider lists B's {list} {id}");
    }
}
