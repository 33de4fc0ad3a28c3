//! Quotes over real HTTP, against hand-computed prices.
//!
//! One provider catalog is built in a fresh server, then a table of `POST /api/v1/quotes`
//! bodies is checked line by line. Every expected amount below was worked out by hand from
//! `docs/pricing.md` (the arithmetic is in the comments), never copied from an answer.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::support::{id_of, TestServer};

/// Symbolic names ("P1", "disk", "PCT10REC", "HALFREC") to the server's ids.
type Ids = BTreeMap<&'static str, String>;

/// What a quote should come back as.
enum Want {
    /// 200 with these lines, as (kind, amount); a discount's kind is written `discount>N`
    /// with N its `discounted_line`.
    Quote {
        lines: Vec<(&'static str, &'static str)>,
        subtotal: &'static str,
        discount_total: &'static str,
        total: &'static str,
        trial_days: Option<i64>,
        /// The coupon's symbolic name when `coupon_id` must name it, else it must be null.
        coupon: Option<&'static str>,
        promotion: bool,
    },
    /// 422 validation_failed with this code on this field.
    Invalid { field: &'static str, code: &'static str },
}

impl Want {
    fn trial(mut self, days: i64) -> Self {
        if let Want::Quote { trial_days, .. } = &mut self {
            *trial_days = Some(days);
        }
        self
    }

    fn coupon(mut self, name: &'static str) -> Self {
        if let Want::Quote { coupon, .. } = &mut self {
            *coupon = Some(name);
        }
        self
    }

    fn promo(mut self) -> Self {
        if let Want::Quote { promotion, .. } = &mut self {
            *promotion = true;
        }
        self
    }
}

fn quote(
    lines: &[(&'static str, &'static str)],
    subtotal: &'static str,
    discount_total: &'static str,
    total: &'static str,
) -> Want {
    Want::Quote {
        lines: lines.to_vec(),
        subtotal,
        discount_total,
        total,
        trial_days: None,
        coupon: None,
        promotion: false,
    }
}

fn invalid(field: &'static str, code: &'static str) -> Want {
    Want::Invalid { field, code }
}

struct Case {
    name: &'static str,
    body: Value,
    want: Want,
}

fn case(name: &'static str, body: Value, want: Want) -> Case {
    Case { name, body, want }
}

fn post_created(srv: &TestServer, tok: &str, path: &str, body: &Value) -> String {
    id_of(srv.post(path, tok, body).expect(201))
}

/// Volume and graduated tiers shared by `ip` and `ram`, in additional units:
/// 1–10 at 1.00, 11–50 at 0.80 plus a 5.00 flat fee, above 50 at 0.50.
fn tiers(model: &str) -> Value {
    json!({ "model": model, "tiers": [
        { "up_to": "10", "unit_price": "1.00" },
        { "up_to": "50", "unit_price": "0.80", "flat_fee": "5.00" },
        { "unit_price": "0.50" },
    ] })
}

fn flat(price: &str) -> Value {
    json!({ "model": "flat", "unit_price": price })
}

/// The catalog every case quotes against.
fn build_catalog(srv: &TestServer, tok: &str) -> Ids {
    let mut ids = Ids::new();
    for (key, name, unit) in [
        ("disk", "Disk", "GB"),
        ("ip", "IPv4", "item"),
        ("ram", "RAM", "GB"),
        ("mail", "Mailboxes", "mailbox"),
        ("gpu", "GPU", "item"),
    ] {
        let body = json!({ "name": name, "unit": unit, "gateway": "simulated" });
        ids.insert(key, post_created(srv, tok, "/api/v1/resource-types", &body));
    }
    // `gpu` is deliberately left out of the template: no plan has it.
    let template = json!({
        "name": "VPS",
        "resources": [
            { "resource_type_id": ids["disk"], "included": "10", "maximum": "100" },
            { "resource_type_id": ids["ip"], "included": "1", "maximum": "100" },
            { "resource_type_id": ids["ram"], "included": "2", "maximum": "100" },
            { "resource_type_id": ids["mail"], "included": "5" },
        ],
    });
    let tpl = post_created(srv, tok, "/api/v1/service-templates", &template);

    let (disk, ip, ram, mail) = (ids["disk"].clone(), ids["ip"].clone(), ids["ram"].clone(), ids["mail"].clone());
    let mut plan = |key: &'static str, name: &str, currency: &str, periods: Value, rates: Value| {
        let body = json!({
            "service_template_id": tpl, "name": name, "currency": currency,
            "periods": periods, "rates": rates,
        });
        let id = post_created(srv, tok, "/api/v1/plans", &body);
        ids.insert(key, id);
    };
    plan(
        "P1",
        "Basic",
        "USD",
        json!([
            { "months": 1, "setup_fee": "10.00", "recurring_fee": "9.99", "renewal_fee": "12.49" },
            { "months": 12, "setup_fee": "25.00", "recurring_fee": "99.00" },
            { "days": 45, "setup_fee": "5.00", "recurring_fee": "14.50" },
            { "days": 10, "setup_fee": "1.00", "recurring_fee": "3.33" },
        ]),
        json!([
            { "resource_type_id": disk, "setup_fee": flat("1.00"), "recurring_fee": flat("0.50") },
            { "resource_type_id": ip, "setup_fee": flat("2.00"), "recurring_fee": tiers("volume") },
            { "resource_type_id": ram, "recurring_fee": tiers("graduated") },
            { "resource_type_id": mail, "recurring_fee": flat("0.125") },
        ]),
    );
    plan(
        "P2",
        "Trial",
        "USD",
        json!([
            { "months": 1, "setup_fee": "20.00", "recurring_fee": "15.00", "trial_days": 14 },
            { "months": 3, "setup_fee": "20.00", "recurring_fee": "40.00", "trial_days": 30, "trial_waives_setup": true },
        ]),
        json!([{ "resource_type_id": disk, "setup_fee": flat("1.00"), "recurring_fee": flat("0.50") }]),
    );
    plan(
        "P3",
        "Tokyo",
        "JPY",
        json!([
            { "months": 1, "setup_fee": "1000", "recurring_fee": "1480" },
            { "days": 45, "setup_fee": "500", "recurring_fee": "2000" },
        ]),
        json!([{ "resource_type_id": disk, "recurring_fee": flat("37.5") }]),
    );
    plan(
        "P4",
        "Kuwait",
        "KWD",
        json!([{ "months": 1, "setup_fee": "5.000", "recurring_fee": "12.345" }]),
        json!([{ "resource_type_id": disk, "recurring_fee": flat("0.1235") }]),
    );
    plan(
        "P5",
        "Promo",
        "USD",
        json!([
            { "months": 1, "setup_fee": "10.00", "recurring_fee": "20.00" },
            { "months": 12, "setup_fee": "10.00", "recurring_fee": "200.00" },
        ]),
        json!([]),
    );

    let p5 = ids["P5"].clone();
    let coupons: Vec<(&'static str, Value)> = vec![
        ("PCT10REC", json!({ "percent": "10", "applies_to": "recurring" })),
        ("PCT50", json!({ "percent": "50", "applies_to": "setup_and_recurring" })),
        ("FIX5SETUP", json!({ "amount": "5.00", "currency": "USD", "applies_to": "setup" })),
        ("FIX50SETUP", json!({ "amount": "50.00", "currency": "USD", "applies_to": "setup" })),
        ("FIXREC8", json!({ "amount": "8.00", "currency": "USD", "applies_to": "recurring" })),
        ("PCT25TWO", json!({ "percent": "25", "applies_to": "setup_and_recurring", "duration_periods": 2 })),
        (
            "FIX3ONCE",
            json!({ "amount": "3.00", "currency": "USD", "applies_to": "setup_and_recurring", "max_redemptions": 1 }),
        ),
        (
            "EXPIRED10",
            json!({ "percent": "10", "applies_to": "setup_and_recurring",
                    "valid_from": "2020-01-01T00:00:00Z", "valid_until": "2021-01-01T00:00:00Z" }),
        ),
        (
            "FUTURE10",
            json!({ "percent": "10", "applies_to": "setup_and_recurring", "valid_from": "2099-01-01T00:00:00Z" }),
        ),
        ("PCT20P5", json!({ "percent": "20", "applies_to": "setup_and_recurring", "plan_ids": [p5] })),
    ];
    for (code, mut body) in coupons {
        body["code"] = json!(code);
        body["name"] = json!(format!("coupon {code}"));
        ids.insert(code, post_created(srv, tok, "/api/v1/coupons", &body));
    }
    // The one automatic promotion: no code, half off recurring fees, Promo plan only.
    let promo = json!({ "name": "Half off", "percent": "50", "applies_to": "recurring", "plan_ids": [p5] });
    ids.insert("HALFREC", post_created(srv, tok, "/api/v1/coupons", &promo));
    ids
}

/// `body` with its symbolic plan and resource names replaced by ids.
fn resolve(body: &Value, ids: &Ids) -> Value {
    let mut out = body.clone();
    let real = |v: &Value| v.as_str().and_then(|s| ids.get(s)).map(|id| json!(id));
    if let Some(id) = real(&out["plan_id"]) {
        out["plan_id"] = id;
    }
    if let Some(resources) = out.get_mut("resources").and_then(Value::as_array_mut) {
        for r in resources {
            if let Some(id) = real(&r["resource_type_id"]) {
                r["resource_type_id"] = id;
            }
        }
    }
    out
}

fn dec(v: &Value, what: &str) -> Decimal {
    let s = v.as_str().unwrap_or_else(|| panic!("{what} is not a decimal string: {v}"));
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{what} = {s:?}: {e}"))
}

/// The problems with one answer, empty when it is as expected.
fn check(case: &Case, ids: &Ids, status: u16, body: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    match &case.want {
        Want::Invalid { field, code } => {
            let errors = body["errors"].as_array().cloned().unwrap_or_default();
            let found = errors.iter().any(|e| e["field"] == *field && e["code"] == *code);
            if status != 422 || body["code"] != "validation_failed" || !found {
                bad.push(format!("expected 422 {field}/{code}, got {status} {body}"));
            }
        }
        Want::Quote { lines, subtotal, discount_total, total, trial_days, coupon, promotion } => {
            if status != 200 {
                bad.push(format!("expected 200, got {status} {body}"));
                return bad;
            }
            let empty = Vec::new();
            let got_lines = body["lines"].as_array().unwrap_or(&empty);
            let got: Vec<(String, String)> = got_lines
                .iter()
                .map(|l| {
                    let kind = l["kind"].as_str().unwrap_or("?").to_string();
                    let kind = match l["discounted_line"].as_i64() {
                        Some(n) if kind == "discount" => format!("discount>{n}"),
                        _ => kind,
                    };
                    (kind, l["amount"].as_str().unwrap_or("?").to_string())
                })
                .collect();
            let want: Vec<(String, String)> = lines.iter().map(|(k, a)| (k.to_string(), a.to_string())).collect();
            if got != want {
                bad.push(format!("lines: expected {want:?}, got {got:?}"));
            }
            for (field, expected) in [("subtotal", subtotal), ("discount_total", discount_total), ("total", total)] {
                if body[field] != **expected {
                    bad.push(format!("{field}: expected {expected}, got {}", body[field]));
                }
            }
            if body["trial_days"].as_i64() != *trial_days {
                bad.push(format!("trial_days: expected {trial_days:?}, got {}", body["trial_days"]));
            }
            let want_coupon = coupon.map_or(Value::Null, |c| json!(ids[c]));
            if body["coupon_id"] != want_coupon {
                bad.push(format!("coupon_id: expected {want_coupon}, got {}", body["coupon_id"]));
            }
            let want_promo = if *promotion { json!(ids["HALFREC"]) } else { Value::Null };
            if body["promotion_id"] != want_promo {
                bad.push(format!("promotion_id: expected {want_promo}, got {}", body["promotion_id"]));
            }
            // The invariants of every itemised answer.
            let sum: Decimal = got_lines.iter().map(|l| dec(&l["amount"], "line amount")).sum();
            let charges: Decimal =
                got_lines.iter().filter(|l| l["kind"] != "discount").map(|l| dec(&l["amount"], "line amount")).sum();
            let (sub, disc, tot) = (
                dec(&body["subtotal"], "subtotal"),
                dec(&body["discount_total"], "discount_total"),
                dec(&body["total"], "total"),
            );
            if tot != sum {
                bad.push(format!("total {tot} is not the sum of the lines {sum}"));
            }
            if sub - disc != tot {
                bad.push(format!("subtotal {sub} − discount_total {disc} is not total {tot}"));
            }
            if sub != charges {
                bad.push(format!("subtotal {sub} is not the sum of the charge lines {charges}"));
            }
        }
    }
    bad
}

fn cases() -> Vec<Case> {
    vec![
        // ---- Basic (P1, USD): periods ----
        case(
            "first month, no resources",
            json!({ "plan_id": "P1", "months": 1 }),
            quote(&[("setup", "10.00"), ("recurring", "9.99")], "19.99", "0.00", "19.99"),
        ),
        case(
            "first month, every resource; mail at its included amount gives no line",
            json!({ "plan_id": "P1", "months": 1, "resources": [
                { "resource_type_id": "disk", "quantity": "14" },
                { "resource_type_id": "ip", "quantity": "4" },
                { "resource_type_id": "ram", "quantity": "5" },
                { "resource_type_id": "mail", "quantity": "5" },
            ] }),
            // disk 4 add: setup 4 × 1.00, monthly 4 × 0.50; ip 3 add: setup 3 × 2.00, volume tier 1 3 × 1.00;
            // ram 3 add: graduated 3 × 1.00 (no setup price, no line). 10 + 9.99 + 4 + 2 + 6 + 3 + 3 = 37.99
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "4.00"),
                    ("resource_recurring", "2.00"),
                    ("resource_setup", "6.00"),
                    ("resource_recurring", "3.00"),
                    ("resource_recurring", "3.00"),
                ],
                "37.99",
                "0.00",
                "37.99",
            ),
        ),
        case(
            "first year: resource price × 12",
            json!({ "plan_id": "P1", "months": 12, "resources": [{ "resource_type_id": "disk", "quantity": "14" }] }),
            // disk 4 add × 0.50 × 12 = 24.00; 25 + 99 + 4 + 24 = 152.00
            quote(
                &[
                    ("setup", "25.00"),
                    ("recurring", "99.00"),
                    ("resource_setup", "4.00"),
                    ("resource_recurring", "24.00"),
                ],
                "152.00",
                "0.00",
                "152.00",
            ),
        ),
        case(
            "45-day period scales monthly resource prices by 45/30",
            json!({ "plan_id": "P1", "days": 45, "resources": [
                { "resource_type_id": "disk", "quantity": "12.5" },
                { "resource_type_id": "ram", "quantity": "13" },
            ] }),
            // disk 2.5 add: setup 2.50; 2.5 × 0.50 × 45/30 = 1.875 → 1.88 (half away from zero);
            // ram 11 add graduated: 10 × 1.00 + 1 × 0.80 + 5.00 = 15.80 × 1.5 = 23.70.
            // 5 + 14.50 + 2.50 + 1.88 + 23.70 = 47.58
            quote(
                &[
                    ("setup", "5.00"),
                    ("recurring", "14.50"),
                    ("resource_setup", "2.50"),
                    ("resource_recurring", "1.88"),
                    ("resource_recurring", "23.70"),
                ],
                "47.58",
                "0.00",
                "47.58",
            ),
        ),
        case(
            "10-day period: division by 30 last, exact half cent rounds up",
            json!({ "plan_id": "P1", "days": 10, "resources": [
                { "resource_type_id": "disk", "quantity": "11" },
                { "resource_type_id": "mail", "quantity": "8" },
            ] }),
            // disk 1 add: setup 1.00; 0.50 × 10/30 = 0.1666… → 0.17;
            // mail 3 add: 3 × 0.125 × 10 / 30 = 0.125 exactly → 0.13. 1 + 3.33 + 1 + 0.17 + 0.13 = 5.63
            quote(
                &[
                    ("setup", "1.00"),
                    ("recurring", "3.33"),
                    ("resource_setup", "1.00"),
                    ("resource_recurring", "0.17"),
                    ("resource_recurring", "0.13"),
                ],
                "5.63",
                "0.00",
                "5.63",
            ),
        ),
        case(
            "midpoint: one extra mailbox at 0.125 rounds away from zero",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "mail", "quantity": "6" }] }),
            // 0.125 → 0.13 (not banker's 0.12); 19.99 + 0.13 = 20.12
            quote(
                &[("setup", "10.00"), ("recurring", "9.99"), ("resource_recurring", "0.13")],
                "20.12",
                "0.00",
                "20.12",
            ),
        ),
        case(
            "renewal with a renewal fee: no setup lines",
            json!({ "plan_id": "P1", "months": 1, "period_kind": "renewal", "resources": [
                { "resource_type_id": "disk", "quantity": "14" },
                { "resource_type_id": "ip", "quantity": "12" },
            ] }),
            // 12.49 + disk 4 × 0.50 + ip volume 11 × 0.80 + 5.00 = 12.49 + 2.00 + 13.80 = 28.29
            quote(
                &[("recurring", "12.49"), ("resource_recurring", "2.00"), ("resource_recurring", "13.80")],
                "28.29",
                "0.00",
                "28.29",
            ),
        ),
        case(
            "renewal without a renewal fee charges the recurring fee",
            json!({ "plan_id": "P1", "months": 12, "period_kind": "renewal",
                    "resources": [{ "resource_type_id": "ram", "quantity": "13" }] }),
            // ram 15.80 × 12 = 189.60; 99 + 189.60 = 288.60
            quote(&[("recurring", "99.00"), ("resource_recurring", "189.60")], "288.60", "0.00", "288.60"),
        ),
        case(
            "renewal of a 45-day period",
            json!({ "plan_id": "P1", "days": 45, "period_kind": "renewal",
                    "resources": [{ "resource_type_id": "disk", "quantity": "12.5" }] }),
            // 14.50 + 1.88 (1.875) = 16.38
            quote(&[("recurring", "14.50"), ("resource_recurring", "1.88")], "16.38", "0.00", "16.38"),
        ),
        case(
            "after_trial charges the recurring fee, not the renewal fee, and no setup",
            json!({ "plan_id": "P1", "months": 1, "period_kind": "after_trial" }),
            quote(&[("recurring", "9.99")], "9.99", "0.00", "9.99"),
        ),
        // ---- tiers and quantities ----
        case(
            "volume at its first tier's inclusive bound",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "ip", "quantity": "11" }] }),
            // 10 add: setup 10 × 2.00 = 20.00; tier 1: 10 × 1.00 = 10.00; 19.99 + 30 = 49.99
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "20.00"),
                    ("resource_recurring", "10.00"),
                ],
                "49.99",
                "0.00",
                "49.99",
            ),
        ),
        case(
            "volume crossing into tier 2 prices all units there, plus its flat fee",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "ip", "quantity": "12" }] }),
            // 11 add: setup 22.00; 11 × 0.80 + 5.00 = 13.80; 19.99 + 22 + 13.80 = 55.79
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "22.00"),
                    ("resource_recurring", "13.80"),
                ],
                "55.79",
                "0.00",
                "55.79",
            ),
        ),
        case(
            "volume in the unbounded tier",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "ip", "quantity": "61" }] }),
            // 60 add: setup 120.00; 60 × 0.50 = 30.00; 19.99 + 150 = 169.99
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "120.00"),
                    ("resource_recurring", "30.00"),
                ],
                "169.99",
                "0.00",
                "169.99",
            ),
        ),
        case(
            "graduated at its first tier's bound",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "ram", "quantity": "12" }] }),
            // 10 add × 1.00 = 10.00; 29.99
            quote(
                &[("setup", "10.00"), ("recurring", "9.99"), ("resource_recurring", "10.00")],
                "29.99",
                "0.00",
                "29.99",
            ),
        ),
        case(
            "graduated crossing into tier 2",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "ram", "quantity": "13" }] }),
            // 11 add: 10 × 1.00 + (1 × 0.80 + 5.00) = 15.80 (volume would be 13.80); 35.79
            quote(
                &[("setup", "10.00"), ("recurring", "9.99"), ("resource_recurring", "15.80")],
                "35.79",
                "0.00",
                "35.79",
            ),
        ),
        case(
            "graduated across all three tiers",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "ram", "quantity": "62" }] }),
            // 60 add: 10 × 1.00 + (40 × 0.80 + 5.00) + 10 × 0.50 = 10 + 37 + 5 = 52.00; 71.99
            quote(
                &[("setup", "10.00"), ("recurring", "9.99"), ("resource_recurring", "52.00")],
                "71.99",
                "0.00",
                "71.99",
            ),
        ),
        case(
            "fractional quantities",
            json!({ "plan_id": "P1", "months": 1, "resources": [
                { "resource_type_id": "disk", "quantity": "12.5" },
                { "resource_type_id": "ram", "quantity": "4.5" },
            ] }),
            // disk 2.5 add: setup 2.50, monthly 1.25; ram 2.5 add × 1.00 = 2.50; 19.99 + 6.25 = 26.24
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "2.50"),
                    ("resource_recurring", "1.25"),
                    ("resource_recurring", "2.50"),
                ],
                "26.24",
                "0.00",
                "26.24",
            ),
        ),
        case(
            "at or below the included amounts: no resource lines",
            json!({ "plan_id": "P1", "months": 1, "resources": [
                { "resource_type_id": "disk", "quantity": "10" },
                { "resource_type_id": "ip", "quantity": "1" },
                { "resource_type_id": "ram", "quantity": "0.5" },
            ] }),
            quote(&[("setup", "10.00"), ("recurring", "9.99")], "19.99", "0.00", "19.99"),
        ),
        case(
            "quantity above the maximum",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "ip", "quantity": "101" }] }),
            invalid("resources", "above_maximum"),
        ),
        case(
            "a resource the plan does not have",
            json!({ "plan_id": "P1", "months": 1, "resources": [{ "resource_type_id": "gpu", "quantity": "1" }] }),
            invalid("resources", "unknown_resource"),
        ),
        case(
            "a month count the plan lacks",
            json!({ "plan_id": "P1", "months": 3 }),
            invalid("months", "unknown_period"),
        ),
        case("a day count the plan lacks", json!({ "plan_id": "P1", "days": 30 }), invalid("months", "unknown_period")),
        // ---- trials (P2) ----
        case(
            "trial: recurring lines 0.00, setup still charged",
            json!({ "plan_id": "P2", "months": 1, "resources": [{ "resource_type_id": "disk", "quantity": "12" }] }),
            // setup 20.00 + disk setup 2 × 1.00; recurring and disk recurring free
            quote(
                &[
                    ("setup", "20.00"),
                    ("recurring", "0.00"),
                    ("resource_setup", "2.00"),
                    ("resource_recurring", "0.00"),
                ],
                "22.00",
                "0.00",
                "22.00",
            )
            .trial(14),
        ),
        case(
            "zero-priced trial that waives setup",
            json!({ "plan_id": "P2", "months": 3, "resources": [{ "resource_type_id": "disk", "quantity": "12" }] }),
            quote(
                &[("setup", "0.00"), ("recurring", "0.00"), ("resource_setup", "0.00"), ("resource_recurring", "0.00")],
                "0.00",
                "0.00",
                "0.00",
            )
            .trial(30),
        ),
        case(
            "after the trial: recurring, no setup, no trial",
            json!({ "plan_id": "P2", "months": 1, "period_kind": "after_trial",
                    "resources": [{ "resource_type_id": "disk", "quantity": "12" }] }),
            // 15.00 + 2 × 0.50 = 16.00
            quote(&[("recurring", "15.00"), ("resource_recurring", "1.00")], "16.00", "0.00", "16.00"),
        ),
        case(
            "renewal of a trial plan: no trial",
            json!({ "plan_id": "P2", "months": 3, "period_kind": "renewal",
                    "resources": [{ "resource_type_id": "disk", "quantity": "12" }] }),
            // 40.00 + 2 × 0.50 × 3 = 43.00
            quote(&[("recurring", "40.00"), ("resource_recurring", "3.00")], "43.00", "0.00", "43.00"),
        ),
        case(
            "recurring-only coupon during a trial reduces nothing and is not applied",
            json!({ "plan_id": "P2", "months": 1, "coupon_code": "PCT10REC" }),
            quote(&[("setup", "20.00"), ("recurring", "0.00")], "20.00", "0.00", "20.00").trial(14),
        ),
        case(
            "that coupon on the first paid period",
            json!({ "plan_id": "P2", "months": 1, "period_kind": "after_trial", "coupon_code": "PCT10REC" }),
            // 10 % of 15.00 = 1.50
            quote(&[("recurring", "15.00"), ("discount>0", "-1.50")], "15.00", "1.50", "13.50").coupon("PCT10REC"),
        ),
        case(
            "setup coupon during a trial",
            json!({ "plan_id": "P2", "months": 1, "coupon_code": "FIX5SETUP" }),
            quote(&[("setup", "20.00"), ("recurring", "0.00"), ("discount>0", "-5.00")], "20.00", "5.00", "15.00")
                .trial(14)
                .coupon("FIX5SETUP"),
        ),
        // ---- coupons on P1 ----
        case(
            "percent coupon on recurring lines only",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "PCT10REC",
                    "resources": [{ "resource_type_id": "disk", "quantity": "14" }] }),
            // 10 % of 9.99 = 0.999 → 1.00 (line 1); 10 % of 2.00 = 0.20 (line 3); setups untouched.
            // subtotal 25.99, discount 1.20, total 24.79
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "4.00"),
                    ("resource_recurring", "2.00"),
                    ("discount>1", "-1.00"),
                    ("discount>3", "-0.20"),
                ],
                "25.99",
                "1.20",
                "24.79",
            )
            .coupon("PCT10REC"),
        ),
        case(
            "fixed coupon on setup",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "FIX5SETUP",
                    "resources": [{ "resource_type_id": "disk", "quantity": "14" }] }),
            // 5.00 all absorbed by the first setup line (10.00); 25.99 − 5 = 20.99
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "4.00"),
                    ("resource_recurring", "2.00"),
                    ("discount>0", "-5.00"),
                ],
                "25.99",
                "5.00",
                "20.99",
            )
            .coupon("FIX5SETUP"),
        ),
        case(
            "fixed coupon larger than the line is clamped to it",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "FIX50SETUP" }),
            // 50.00 against a 10.00 setup: 10.00 off, the other 40.00 lost
            quote(&[("setup", "10.00"), ("recurring", "9.99"), ("discount>0", "-10.00")], "19.99", "10.00", "9.99")
                .coupon("FIX50SETUP"),
        ),
        case(
            "fixed coupon spread over setup lines in quote order, rest lost",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "FIX50SETUP",
                    "resources": [{ "resource_type_id": "disk", "quantity": "14" }] }),
            // 10.00 off line 0, 4.00 off line 2, 36.00 lost; 25.99 − 14 = 11.99
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "9.99"),
                    ("resource_setup", "4.00"),
                    ("resource_recurring", "2.00"),
                    ("discount>0", "-10.00"),
                    ("discount>2", "-4.00"),
                ],
                "25.99",
                "14.00",
                "11.99",
            )
            .coupon("FIX50SETUP"),
        ),
        case(
            "two-period coupon, first period",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "PCT25TWO" }),
            // 25 % of 10.00 = 2.50; of 9.99 = 2.4975 → 2.50; 19.99 − 5 = 14.99
            quote(
                &[("setup", "10.00"), ("recurring", "9.99"), ("discount>0", "-2.50"), ("discount>1", "-2.50")],
                "19.99",
                "5.00",
                "14.99",
            )
            .coupon("PCT25TWO"),
        ),
        case(
            "two-period coupon at renewal after one period",
            json!({ "plan_id": "P1", "months": 1, "period_kind": "renewal", "coupon_code": "PCT25TWO",
                    "coupon_periods_applied": 1 }),
            // 25 % of 12.49 = 3.1225 → 3.12; 12.49 − 3.12 = 9.37
            quote(&[("recurring", "12.49"), ("discount>0", "-3.12")], "12.49", "3.12", "9.37").coupon("PCT25TWO"),
        ),
        case(
            "two-period coupon after two periods: no discount",
            json!({ "plan_id": "P1", "months": 1, "period_kind": "renewal", "coupon_code": "PCT25TWO",
                    "coupon_periods_applied": 2 }),
            quote(&[("recurring", "12.49")], "12.49", "0.00", "12.49"),
        ),
        case(
            "coupon with max_redemptions, never redeemed",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "FIX3ONCE" }),
            // 3.00 fixed, setup and recurring: all of it taken from line 0
            quote(&[("setup", "10.00"), ("recurring", "9.99"), ("discount>0", "-3.00")], "19.99", "3.00", "16.99")
                .coupon("FIX3ONCE"),
        ),
        case(
            "expired coupon",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "EXPIRED10" }),
            invalid("coupon_code", "coupon_expired"),
        ),
        case(
            "coupon not valid yet",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "FUTURE10" }),
            invalid("coupon_code", "coupon_not_yet_valid"),
        ),
        case(
            "coupon for another plan",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "PCT20P5" }),
            invalid("coupon_code", "coupon_not_for_plan"),
        ),
        case(
            "unknown coupon code",
            json!({ "plan_id": "P1", "months": 1, "coupon_code": "NOSUCHCODE" }),
            invalid("coupon_code", "unknown_coupon"),
        ),
        case(
            "fixed USD coupon on a JPY plan",
            json!({ "plan_id": "P3", "months": 1, "coupon_code": "FIX5SETUP" }),
            invalid("coupon_code", "currency_mismatch"),
        ),
        // ---- the promotion (P5 only) and stacking ----
        case(
            "promotion applies by itself",
            json!({ "plan_id": "P5", "months": 1 }),
            // 50 % of 20.00 = 10.00; 30 − 10 = 20.00
            quote(&[("setup", "10.00"), ("recurring", "20.00"), ("discount>1", "-10.00")], "30.00", "10.00", "20.00")
                .promo(),
        ),
        case(
            "promotion at renewal (forever)",
            json!({ "plan_id": "P5", "months": 1, "period_kind": "renewal" }),
            quote(&[("recurring", "20.00"), ("discount>0", "-10.00")], "20.00", "10.00", "10.00").promo(),
        ),
        case(
            "promotion + percent coupon compound: 50 % + 50 % = 75 %",
            json!({ "plan_id": "P5", "months": 1, "coupon_code": "PCT50" }),
            // promotion: 10.00 off recurring (20 → 10); coupon: 50 % of setup 10.00 = 5.00,
            // 50 % of what is left of recurring 10.00 = 5.00. Promotion lines first. 30 − 20 = 10.00
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "20.00"),
                    ("discount>1", "-10.00"),
                    ("discount>0", "-5.00"),
                    ("discount>1", "-5.00"),
                ],
                "30.00",
                "20.00",
                "10.00",
            )
            .coupon("PCT50")
            .promo(),
        ),
        case(
            "fixed coupon goes before the promotion's percentage",
            json!({ "plan_id": "P5", "months": 1, "coupon_code": "FIXREC8" }),
            // fixed first: recurring 20 − 8 = 12; then promotion 50 % of 12 = 6.00 (not 10.00).
            // 30 − 14 = 16.00
            quote(
                &[("setup", "10.00"), ("recurring", "20.00"), ("discount>1", "-6.00"), ("discount>1", "-8.00")],
                "30.00",
                "14.00",
                "16.00",
            )
            .coupon("FIXREC8")
            .promo(),
        ),
        case(
            "promotion on recurring + fixed coupon on setup",
            json!({ "plan_id": "P5", "months": 1, "coupon_code": "FIX5SETUP" }),
            quote(
                &[("setup", "10.00"), ("recurring", "20.00"), ("discount>1", "-10.00"), ("discount>0", "-5.00")],
                "30.00",
                "15.00",
                "15.00",
            )
            .coupon("FIX5SETUP")
            .promo(),
        ),
        case(
            "plan-restricted coupon on its plan, with the promotion, yearly",
            json!({ "plan_id": "P5", "months": 12, "coupon_code": "PCT20P5" }),
            // promotion 50 % of 200 = 100.00; coupon 20 % of setup 10 = 2.00, of the 100 left = 20.00.
            // 210 − 122 = 88.00
            quote(
                &[
                    ("setup", "10.00"),
                    ("recurring", "200.00"),
                    ("discount>1", "-100.00"),
                    ("discount>0", "-2.00"),
                    ("discount>1", "-20.00"),
                ],
                "210.00",
                "122.00",
                "88.00",
            )
            .coupon("PCT20P5")
            .promo(),
        ),
        // ---- JPY (0 decimals) and KWD (3 decimals) ----
        case(
            "JPY: ¥37.5 rounds to ¥38",
            json!({ "plan_id": "P3", "months": 1, "resources": [{ "resource_type_id": "disk", "quantity": "11" }] }),
            quote(&[("setup", "1000"), ("recurring", "1480"), ("resource_recurring", "38")], "2518", "0", "2518"),
        ),
        case(
            "JPY with a percent coupon",
            json!({ "plan_id": "P3", "months": 1, "coupon_code": "PCT10REC",
                    "resources": [{ "resource_type_id": "disk", "quantity": "13" }] }),
            // disk 3 × 37.5 = 112.5 → 113; 10 % of 1480 = 148; 10 % of 113 = 11.3 → 11.
            // 2593 − 159 = 2434
            quote(
                &[
                    ("setup", "1000"),
                    ("recurring", "1480"),
                    ("resource_recurring", "113"),
                    ("discount>1", "-148"),
                    ("discount>2", "-11"),
                ],
                "2593",
                "159",
                "2434",
            )
            .coupon("PCT10REC"),
        ),
        case(
            "JPY 45 days",
            json!({ "plan_id": "P3", "days": 45, "resources": [{ "resource_type_id": "disk", "quantity": "12" }] }),
            // 2 × 37.5 × 45/30 = 112.5 → 113; 500 + 2000 + 113 = 2613
            quote(&[("setup", "500"), ("recurring", "2000"), ("resource_recurring", "113")], "2613", "0", "2613"),
        ),
        case(
            "KWD: three decimals, midpoint away from zero",
            json!({ "plan_id": "P4", "months": 1, "resources": [{ "resource_type_id": "disk", "quantity": "11" }] }),
            // 0.1235 → 0.124; 5.000 + 12.345 + 0.124 = 17.469
            quote(
                &[("setup", "5.000"), ("recurring", "12.345"), ("resource_recurring", "0.124")],
                "17.469",
                "0.000",
                "17.469",
            ),
        ),
        case(
            "KWD with a percent coupon",
            json!({ "plan_id": "P4", "months": 1, "coupon_code": "PCT10REC",
                    "resources": [{ "resource_type_id": "disk", "quantity": "13" }] }),
            // disk 3 × 0.1235 = 0.3705 → 0.371; 10 % of 12.345 = 1.2345 → 1.235; 10 % of 0.371 = 0.0371 → 0.037.
            // 17.716 − 1.272 = 16.444
            quote(
                &[
                    ("setup", "5.000"),
                    ("recurring", "12.345"),
                    ("resource_recurring", "0.371"),
                    ("discount>1", "-1.235"),
                    ("discount>2", "-0.037"),
                ],
                "17.716",
                "1.272",
                "16.444",
            )
            .coupon("PCT10REC"),
        ),
    ]
}

#[test]
fn quotes_match_hand_computed_prices() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let ids = build_catalog(&srv, &tok);
    let table = cases();
    assert!(table.len() >= 30, "{} cases", table.len());
    let mut failures = Vec::new();
    for c in &table {
        let body = resolve(&c.body, &ids);
        let r = srv.post("/api/v1/quotes", &tok, &body);
        for problem in check(c, &ids, r.status, &r.body) {
            failures.push(format!("[{}] {problem}", c.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), table.len(), failures.join("\n"));
}
