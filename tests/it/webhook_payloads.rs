//! Delivered webhook bodies against the contract: each real body conforms to the schema of
//! its event type's `webhooks` entry in openapi/openapi.json, and parses into its typed
//! payload (`EventOut::payload`).

use serde_json::{json, Value};
use stratum_api::{EventOut, EventPayload};

use crate::receiver::Receiver;
use crate::support::{id_of, TestServer};

fn contract() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
        .expect("openapi/openapi.json");
    serde_json::from_str(&text).expect("the contract is JSON")
}

/// The JSON Schema keywords the contract uses (`$ref`, `type`, `enum`, `required`,
/// `properties`, `additionalProperties`, `items`, `oneOf`): the mismatches of `v` at `at`.
fn mismatches(spec: &Value, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.strip_prefix("#/components/schemas/").expect("a component $ref");
        return mismatches(spec, &spec["components"]["schemas"][name], v, at, out);
    }
    if let Some(alts) = schema["oneOf"].as_array() {
        let fits = alts.iter().filter(|s| {
            let mut o = Vec::new();
            mismatches(spec, s, v, at, &mut o);
            o.is_empty()
        });
        if fits.count() != 1 {
            out.push(format!("{at}: {v} is not exactly one of {schema}"));
        }
        return;
    }
    let kind = match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() && !types.iter().any(|t| *t == kind || (*t == "number" && kind == "integer")) {
        out.push(format!("{at}: {kind}, not {types:?}"));
        return;
    }
    if let Some(values) = schema["enum"].as_array() {
        if !values.contains(v) {
            out.push(format!("{at}: {v} is none of {values:?}"));
        }
    }
    if let Value::Array(items) = v {
        for (i, item) in items.iter().enumerate() {
            mismatches(spec, &schema["items"], item, &format!("{at}[{i}]"), out);
        }
    }
    let Value::Object(fields) = v else { return };
    for required in schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if !fields.contains_key(required) {
            out.push(format!("{at}: `{required}` missing"));
        }
    }
    for (name, value) in fields {
        match (&schema["properties"][name], &schema["additionalProperties"]) {
            (Value::Null, Value::Null) if schema["properties"].is_object() => {
                out.push(format!("{at}: `{name}` is not in the schema"))
            }
            (Value::Null, Value::Null) => {}
            (Value::Null, extra) => mismatches(spec, extra, value, &format!("{at}.{name}"), out),
            (property, _) => mismatches(spec, property, value, &format!("{at}.{name}"), out),
        }
    }
}

#[test]
fn delivered_bodies_conform_to_their_webhooks_entry_and_parse_into_typed_payloads() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider = srv.provider_id(&tok);
    let rx = Receiver::start();
    let body = json!({"url": rx.url, "event_types": ["account.*", "user.*", "api_key.*"], "description": "payloads"});
    srv.post("/api/v1/webhook-endpoints", &tok, &body).expect(201);

    let acc = srv.new_account(&tok, "customer", None, "Typed Payloads Ltd");
    srv.patch(&format!("/api/v1/accounts/{acc}"), &tok, &json!({"email": "ops@typed.example"})).expect(200);
    srv.post(&format!("/api/v1/accounts/{acc}/suspend"), &tok, &json!({"reason": "test"})).expect(200);
    let user = json!({"email": "typed@payloads.example", "name": "Typed", "role": "read_only"});
    let user = id_of(srv.post("/api/v1/users", &tok, &user).expect(201));
    let key = srv.create_key_full(&tok, &provider, "read_only");

    let got = rx.wait_for(5);
    let spec = contract();
    let mut seen = Vec::new();
    for r in &got {
        let body: Value = serde_json::from_slice(&r.body).expect("a JSON body");
        let t = body["type"].as_str().expect("a type").to_owned();
        let entry = &spec["webhooks"][&t]["post"]["requestBody"]["content"]["application/json"]["schema"];
        assert!(entry.is_object(), "no webhooks entry for {t}");
        let mut out = Vec::new();
        mismatches(&spec, entry, &body, &t, &mut out);
        assert!(out.is_empty(), "the {t} body does not conform to its webhooks entry: {out:?}\n{body}");

        let event: EventOut = serde_json::from_value(body.clone()).expect("an EventOut");
        let payload = event.payload().unwrap_or_else(|e| panic!("{t}: data is not its payload type: {e}"));
        assert_eq!(payload.event_type().name(), t);
        let object_id = match &payload {
            EventPayload::AccountCreated(a) | EventPayload::AccountUpdated(a) | EventPayload::AccountSuspended(a) => {
                a.id.clone()
            }
            EventPayload::UserCreated(u) => u.id.clone(),
            EventPayload::ApiKeyCreated(k) => k.id.clone(),
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(object_id, event.object.id, "{t}: data is the snapshot of the event's object");
        seen.push((t.clone(), object_id));

        // Control: the check sees a body that breaks the contract.
        let mut broken = body.clone();
        broken["data"] = json!({"unexpected": true});
        let mut out = Vec::new();
        mismatches(&spec, entry, &broken, &t, &mut out);
        assert!(!out.is_empty(), "{t}: a body whose data is not its object passed");
    }
    seen.sort();
    let mut want = vec![
        ("account.created".to_owned(), acc.clone()),
        ("account.suspended".to_owned(), acc.clone()),
        ("account.updated".to_owned(), acc),
        ("api_key.created".to_owned(), id_of(&key)),
        ("user.created".to_owned(), user),
    ];
    want.sort();
    assert_eq!(seen, want);
}
