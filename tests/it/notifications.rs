//! Notification templates and the notification log (docs/notifications.md): CRUD,
//! validation, which template serves an event (overrides, languages, silencing),
//! tenancy, schedules on the test clock, and preview. The servers here have no SMTP
//! relay: a notification that comes due is rendered, its send fails with "no SMTP relay
//! is configured" and it stays `scheduled` for a retry — enough to see what was chosen and
//! rendered.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{id_of, ids, Resp, TestServer};

const TEMPLATES: &str = "/api/v1/notification-templates";
const NO_RELAY: &str = "no SMTP relay is configured";

fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..750 {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

fn create_template(srv: &TestServer, tok: &str, body: &Value) -> Value {
    let t = srv.post(TEMPLATES, tok, body).expect(201).clone();
    assert!(t["id"].as_str().is_some_and(|id| id.starts_with("ntt_")), "{t}");
    t
}

fn template_ids(srv: &TestServer, tok: &str) -> Vec<String> {
    ids(&srv.list_all(&format!("{TEMPLATES}?limit=500"), tok))
}

fn notification_ids(srv: &TestServer, tok: &str) -> Vec<String> {
    ids(&srv.list_all("/api/v1/notifications?limit=500", tok))
}

fn with_if_match(srv: &TestServer, m: Method, path: &str, tok: &str, tag: &str, body: Option<&Value>) -> Resp {
    let call = srv.call(m, path).bearer(tok).header("if-match", tag);
    match body {
        Some(b) => call.json(b).send(),
        None => call.send(),
    }
}

/// A customer with an e-mail address (the default recipient) and an optional language.
fn customer(srv: &TestServer, tok: &str, parent: Option<&str>, name: &str, language: Option<&str>) -> String {
    let mut body = json!({"kind": "customer", "name": name, "email": format!("{}@example.com", name.to_lowercase())});
    if let Some(p) = parent {
        body["parent_id"] = json!(p);
    }
    if let Some(l) = language {
        body["language"] = json!(l);
    }
    let acc = srv.create_account(tok, &body);
    if let Some(l) = language {
        assert_eq!(acc["language"], l, "{acc}");
    }
    id_of(&acc)
}

/// The id of the one event of `ty` about `object_id`.
fn event_of(srv: &TestServer, tok: &str, object_id: &str, ty: &str) -> String {
    let events: Vec<Value> = srv.events_of(tok, object_id).into_iter().filter(|e| e["type"] == ty).collect();
    assert_eq!(events.len(), 1, "one {ty} event about {object_id}: {events:?}");
    id_of(&events[0])
}

fn notifications_of(srv: &TestServer, tok: &str, event_id: &str) -> Vec<Value> {
    srv.list_all(&format!("/api/v1/notifications?limit=500&event_id={event_id}"), tok)
}

/// The one notification of an event once it has been rendered and its send attempted.
fn rendered(srv: &TestServer, tok: &str, event_id: &str) -> Value {
    wait_until(&format!("the notification of {event_id} to be rendered and tried"), || {
        let list = notifications_of(srv, tok, event_id);
        list.len() == 1 && list[0]["subject"].is_string() && list[0]["error"].is_string()
    });
    let list = notifications_of(srv, tok, event_id);
    assert_eq!(list.len(), 1, "{list:?}");
    let n = list[0].clone();
    assert_eq!(n["status"], "scheduled", "a failed send waits for its retry: {n}");
    assert!(n["error"].as_str().is_some_and(|e| e.contains(NO_RELAY)), "{n}");
    assert!(n["attempts"].as_i64().is_some_and(|a| a >= 1), "{n}");
    assert!(n["sent_at"].is_null(), "{n}");
    n
}

fn parse_time(v: &Value) -> DateTime<Utc> {
    let s = v.as_str().unwrap_or_else(|| panic!("not a timestamp: {v}"));
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}")).with_timezone(&Utc)
}

fn server_now(srv: &TestServer, tok: &str) -> DateTime<Utc> {
    parse_time(&srv.get("/api/v1/test-clock", tok).expect(200)["now"])
}

/// RFC 3339 with whole seconds, so that what the server stores compares exactly.
fn rfc3339(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[test]
fn template_crud_lifecycle() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let provider = srv.provider_id(&tok);
    let body = json!({
        "event_type": "account.created",
        "language": "en",
        "subject": "Welcome {{ account.name }}",
        "body": "Hello {{ account.name }},\nyour account {{ account.id }} is ready.",
        "html_body": "<p>Hello {{ account.name }}</p>",
        "from": "Billing <billing@example.com>",
        "recipients": ["ops@example.com"],
    });
    let created = create_template(&srv, &tok, &body);
    for k in ["event_type", "language", "subject", "body", "html_body", "from", "recipients"] {
        assert_eq!(created[k], body[k], "{k} echoed: {created}");
    }
    assert_eq!(created["version"], 1);
    assert_eq!(created["enabled"], true);
    assert!(created["schedule"].is_null(), "{created}");
    assert_eq!(created["account_id"], provider.as_str());
    let id = id_of(&created);
    let path = format!("{TEMPLATES}/{id}");

    let got = srv.get(&path, &tok);
    assert_eq!(got.header("etag"), Some("\"1\""));
    assert_eq!(got.expect(200), &created, "GET shows what POST answered");

    // Two more, for the filters.
    let de = create_template(
        &srv,
        &tok,
        &json!({"event_type": "account.*", "language": "de", "subject": "Konto", "body": "Hallo"}),
    );
    let user = create_template(
        &srv,
        &tok,
        &json!({"event_type": "user.created", "language": "en", "subject": "User", "body": "Hi"}),
    );
    let mut all = vec![id.clone(), id_of(&de), id_of(&user)];
    all.sort();
    assert_eq!(template_ids(&srv, &tok), all);
    let filtered = |q: &str| ids(&srv.list_all(&format!("{TEMPLATES}?{q}"), &tok));
    assert_eq!(filtered("event_type=account.created"), vec![id.clone()]);
    assert_eq!(filtered("event_type=account.*"), vec![id_of(&de)], "the pattern as given, not matched");
    assert_eq!(filtered("language=de"), vec![id_of(&de)]);
    let mut en = vec![id.clone(), id_of(&user)];
    en.sort();
    assert_eq!(filtered("language=en"), en);
    assert_eq!(filtered("event_type=account.created&language=de"), Vec::<String>::new());

    // PATCH with If-Match.
    let patch = json!({"subject": "Hi {{ account.name }}", "html_body": null, "enabled": false});
    let r = with_if_match(&srv, Method::PATCH, &path, &tok, "\"1\"", Some(&patch));
    let v2 = r.expect(200).clone();
    assert_eq!(r.header("etag"), Some("\"2\""));
    assert_eq!(v2["version"], 2);
    assert_eq!(v2["subject"], "Hi {{ account.name }}");
    assert!(v2["html_body"].is_null(), "null clears html_body: {v2}");
    assert_eq!(v2["enabled"], false);
    for k in ["id", "account_id", "event_type", "language", "body", "from", "recipients", "created_at"] {
        assert_eq!(v2[k], created[k], "{k} unchanged by the patch");
    }
    assert_eq!(srv.get(&path, &tok).expect(200), &v2);

    // A stale If-Match changes nothing.
    let stale = json!({"subject": "stale"});
    with_if_match(&srv, Method::PATCH, &path, &tok, "\"1\"", Some(&stale)).problem(412, "version_mismatch");
    with_if_match(&srv, Method::DELETE, &path, &tok, "\"1\"", None).problem(412, "version_mismatch");
    let after = srv.get(&path, &tok);
    assert_eq!(after.header("etag"), Some("\"2\""));
    assert_eq!(after.expect(200), &v2, "a refused write leaves the template as it was");

    // DELETE.
    let r = with_if_match(&srv, Method::DELETE, &path, &tok, "\"2\"", None);
    r.expect(204);
    srv.get(&path, &tok).problem(404, "not_found");
    srv.patch(&path, &tok, &json!({"subject": "x"})).problem(404, "not_found");
    srv.delete(&path, &tok).problem(404, "not_found");
    let mut rest = vec![id_of(&de), id_of(&user)];
    rest.sort();
    assert_eq!(template_ids(&srv, &tok), rest);
}

#[test]
fn invalid_templates_are_refused_and_write_nothing() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let valid =
        json!({"event_type": "account.created", "language": "en", "subject": "S {{ account.name }}", "body": "B"});
    let with = |k: &str, v: Value| {
        let mut b = valid.clone();
        b[k] = v;
        b
    };
    let schedule = |field: &str, offsets: Value| json!({"date_field": field, "offsets_days": offsets});
    let cases: Vec<(Value, &str, &str)> = vec![
        (with("subject", json!("Hi {{ account.name")), "subject", "template_syntax"),
        (with("body", json!("Hello {% if account.name %}no end")), "body", "template_syntax"),
        (with("html_body", json!("<p>{% endif %}</p>")), "html_body", "template_syntax"),
        (with("event_type", json!("nothing.*")), "event_type", "unknown_event_type"),
        (with("event_type", json!("account.exploded")), "event_type", "unknown_event_type"),
        (with("language", json!("English")), "language", "invalid_format"),
        (with("language", json!("EN")), "language", "invalid_format"),
        (with("language", json!("en_US")), "language", "invalid_format"),
        (with("from", json!("not an address")), "from", "invalid_format"),
        (with("from", json!("Billing <billing>")), "from", "invalid_format"),
        (with("recipients", json!([])), "recipients", "invalid_length"),
        (with("recipients", json!(["ops@example.com", "nope"])), "recipients", "invalid_format"),
        (with("schedule", schedule("expires_at", json!([]))), "schedule.offsets_days", "invalid_length"),
        (with("schedule", schedule("expires_at", json!([-367]))), "schedule.offsets_days", "out_of_range"),
        (with("schedule", schedule("expires_at", json!([3, 367]))), "schedule.offsets_days", "out_of_range"),
        (with("schedule", schedule("expires at", json!([-3]))), "schedule.date_field", "invalid_format"),
        (with("schedule", schedule("a..b", json!([-3]))), "schedule.date_field", "invalid_format"),
        (with("schedule", schedule("", json!([-3]))), "schedule.date_field", "invalid_format"),
    ];
    for (body, field, code) in &cases {
        let r = srv.post(TEMPLATES, &tok, body);
        assert_eq!(r.status, 422, "{body}: {}", r.text);
        r.validation_code(field, code);
        assert_eq!(template_ids(&srv, &tok), Vec::<String>::new(), "{body} wrote something");
    }
    // A syntax error names its line.
    let r = srv.post(TEMPLATES, &tok, &with("body", json!("line one\n{{ oops")));
    r.validation_code("body", "template_syntax");
    assert!(r.text.contains("line 2"), "the error says where: {}", r.text);

    // The boundaries themselves are fine.
    let edge = json!({"event_type": "api_key.created", "language": "pt-BR", "subject": "S", "body": "B",
        "schedule": {"date_field": "expires_at", "offsets_days": [-366, 366]}});
    let edge = create_template(&srv, &tok, &edge);
    assert_eq!(edge["schedule"]["offsets_days"], json!([-366, 366]));

    // One template per account, event type and language.
    let first = create_template(&srv, &tok, &valid);
    let before = template_ids(&srv, &tok);
    srv.post(TEMPLATES, &tok, &with("subject", json!("Another"))).problem(409, "conflict");
    assert_eq!(template_ids(&srv, &tok), before, "the conflict wrote nothing");
    assert_eq!(srv.get(&format!("{TEMPLATES}/{}", id_of(&first)), &tok).expect(200)["subject"], valid["subject"]);
    // Another language, or another account, is not a duplicate.
    create_template(&srv, &tok, &with("language", json!("de")));
    let reseller = srv.new_account(&tok, "reseller", None, "R");
    create_template(&srv, &tok, &with("account_id", json!(reseller)));
    assert_eq!(template_ids(&srv, &tok).len(), before.len() + 2);
}

#[test]
fn the_deepest_template_in_the_account_language_serves_each_event() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let r = srv.new_account(&tok, "reseller", None, "R");
    let silent = srv.new_account(&tok, "reseller", None, "Silent");
    let r_tok = srv.token_as(&tok, &r, "admin");
    let p_en = create_template(
        &srv,
        &tok,
        &json!({"event_type": "account.created", "language": "en",
            "subject": "P {{ account.name }}", "body": "P body {{ account.language }}"}),
    );
    let p_de = create_template(
        &srv,
        &tok,
        &json!({"event_type": "account.created", "language": "de",
            "subject": "P-de {{ account.name }}", "body": "Hallo {{ account.name }}"}),
    );
    let r_en = create_template(
        &srv,
        &r_tok,
        &json!({"event_type": "account.created", "language": "en",
            "subject": "R {{ account.name }}", "body": "R body"}),
    );
    assert_eq!(r_en["account_id"], r.as_str(), "defaults to the caller's account");
    let off = create_template(
        &srv,
        &tok,
        &json!({"account_id": silent, "event_type": "account.created", "language": "en",
            "subject": "never", "body": "never", "enabled": false}),
    );
    assert_eq!(off["enabled"], false);

    let c_p = customer(&srv, &tok, None, "Ann", None);
    let c_r = customer(&srv, &tok, Some(&r), "Bob", None);
    let c_rde = customer(&srv, &tok, Some(&r), "Carl", Some("de"));
    let c_fr = customer(&srv, &tok, None, "Dora", Some("fr"));
    let c_silent = customer(&srv, &tok, Some(&silent), "Eve", None);
    let c_after = customer(&srv, &tok, None, "Fay", None);

    let check = |acc: &str, template: &Value, lang: &str, subject: &str, body: &str| {
        let ev = event_of(&srv, &tok, acc, "account.created");
        let n = rendered(&srv, &tok, &ev);
        assert_eq!(n["template_id"], template["id"], "{acc}: {n}");
        assert_eq!(n["language"], lang, "{acc}: {n}");
        assert_eq!(n["subject"], subject, "{acc}: {n}");
        assert_eq!(n["body"], body, "{acc}: {n}");
        assert!(n["html_body"].is_null(), "{n}");
        assert_eq!(n["account_id"], acc, "{n}");
        assert_eq!(n["event_type"], "account.created");
        assert_eq!(n["object_id"], acc);
        let email = srv.get(&format!("/api/v1/accounts/{acc}"), &tok).expect(200)["email"].clone();
        assert_eq!(n["recipients"], json!([email]), "the account's own address by default");
        assert!(n["id"].as_str().is_some_and(|id| id.starts_with("ntf_")), "{n}");
        assert_eq!(srv.get(&format!("/api/v1/notifications/{}", id_of(&n)), &tok).expect(200)["subject"], subject);
    };
    check(&c_p, &p_en, "en", "P Ann", "P body en");
    check(&c_r, &r_en, "en", "R Bob", "R body");
    check(&c_rde, &p_de, "de", "P-de Carl", "Hallo Carl");
    // No template in fr: the default language's, with the account's language in the context.
    check(&c_fr, &p_en, "en", "P Dora", "P body fr");
    // The last customer's notification is there, so the silent reseller's customer (whose
    // event came before) has been dispatched: and nothing was planned for it.
    check(&c_after, &p_en, "en", "P Fay", "P body en");
    let ev = event_of(&srv, &tok, &c_silent, "account.created");
    assert_eq!(notifications_of(&srv, &tok, &ev), Vec::<Value>::new(), "a disabled template silences its subtree");
    let by_off = srv.list_all(&format!("/api/v1/notifications?template_id={}", id_of(&off)), &tok);
    assert_eq!(by_off, Vec::<Value>::new());
    // The tasks are there too.
    let tasks = srv.list_all("/api/v1/tasks?kind=notification.send&limit=500", &tok);
    assert_eq!(tasks.len(), 5, "one task per notification: {tasks:?}");
}

#[test]
fn resellers_see_only_their_own_templates_and_notifications() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let a = srv.new_account(&tok, "reseller", None, "A");
    let b = srv.new_account(&tok, "reseller", None, "B");
    let a_tok = srv.token_as(&tok, &a, "admin");
    let b_tok = srv.token_as(&tok, &b, "admin");
    let body =
        json!({"event_type": "account.created", "language": "en", "subject": "S {{ account.name }}", "body": "B"});
    let ta = create_template(&srv, &a_tok, &body);
    let tb = create_template(&srv, &b_tok, &body);
    let ca = customer(&srv, &a_tok, None, "Alpha", None);
    let cb = customer(&srv, &b_tok, None, "Beta", None);
    let na = rendered(&srv, &tok, &event_of(&srv, &tok, &ca, "account.created"));
    let nb = rendered(&srv, &tok, &event_of(&srv, &tok, &cb, "account.created"));
    assert_eq!((na["template_id"].clone(), nb["template_id"].clone()), (ta["id"].clone(), tb["id"].clone()));

    // Lists hold the caller's subtree only; the provider sees both.
    assert_eq!(template_ids(&srv, &a_tok), vec![id_of(&ta)]);
    assert_eq!(notification_ids(&srv, &a_tok), vec![id_of(&na)]);
    assert_eq!(template_ids(&srv, &tok).len(), 2);
    assert_eq!(notification_ids(&srv, &tok).len(), 2);
    let tb_path = format!("{TEMPLATES}/{}", id_of(&tb));
    let nb_path = format!("/api/v1/notifications/{}", id_of(&nb));
    srv.get(&tb_path, &a_tok).problem(404, "not_found");
    srv.patch(&tb_path, &a_tok, &json!({"subject": "hijacked"})).problem(404, "not_found");
    srv.delete(&tb_path, &a_tok).problem(404, "not_found");
    let ev_b = event_of(&srv, &tok, &cb, "account.created");
    // A's own template with B's event: the event is refused like a missing one.
    let ta_preview = format!("{TEMPLATES}/{}/preview", id_of(&ta));
    for event_id in [ev_b.as_str(), "evt_00000000000000000000000000"] {
        let answer = srv.post(&ta_preview, &a_tok, &json!({"event_id": event_id}));
        let p = answer.problem(422, "validation_failed");
        assert_eq!(p["errors"][0]["field"], "event_id");
        assert_eq!(p["errors"][0]["code"], "unknown_event");
    }
    srv.post(&format!("{tb_path}/preview"), &a_tok, &json!({"event_id": ev_b})).problem(404, "not_found");
    srv.get(&nb_path, &a_tok).problem(404, "not_found");
    srv.post(&format!("{nb_path}/cancel"), &a_tok, &json!({})).problem(404, "not_found");
    assert_eq!(notifications_of(&srv, &a_tok, &ev_b), Vec::<Value>::new());
    // A template for B's account, made by A, is refused.
    let mut for_b = body.clone();
    for_b["account_id"] = json!(b);
    for_b["language"] = json!("de");
    let r = srv.post(TEMPLATES, &a_tok, &for_b);
    r.problem_one_of(&[(404, "not_found"), (403, "permission_denied")]);
    // Nothing of B's changed.
    assert_eq!(srv.get(&tb_path, &b_tok).expect(200), &tb);
    assert_eq!(srv.get(&nb_path, &b_tok).expect(200)["status"], "scheduled");
    assert_eq!(template_ids(&srv, &tok).len(), 2);

    // A customer's read-only key reads but cannot write.
    let ro = srv.token_as(&tok, &ca, "read_only");
    let mut own = body.clone();
    own["language"] = json!("it");
    srv.post(TEMPLATES, &ro, &own).problem(403, "permission_denied");
    srv.patch(&format!("{TEMPLATES}/{}", id_of(&ta)), &ro, &json!({"subject": "x"}))
        .problem_one_of(&[(403, "permission_denied"), (404, "not_found")]);
    assert_eq!(template_ids(&srv, &tok).len(), 2, "the refused create wrote nothing");
    assert_eq!(template_ids(&srv, &ro), Vec::<String>::new(), "the customer's subtree has no template");
    assert_eq!(notification_ids(&srv, &ro), vec![id_of(&na)], "the customer sees its own notification");
}

#[test]
fn scheduled_reminders_follow_the_test_clock() {
    let srv = TestServer::start_with(&["--test-clock"]);
    let tok = srv.provider_token();
    let acc = customer(&srv, &tok, None, "Keyholder", None);
    let tpl = create_template(
        &srv,
        &tok,
        &json!({"event_type": "api_key.created", "language": "en",
            "schedule": {"date_field": "expires_at", "offsets_days": [-14, -3]},
            "subject": "Your API key {{ data.name }} expires in {{ days_until }} days",
            "body": "It stops working on {{ schedule.date }}."}),
    );
    assert_eq!(tpl["schedule"], json!({"date_field": "expires_at", "offsets_days": [-14, -3]}));

    let keys_before = srv.list_all("/api/v1/api-keys?limit=500", &tok).len();
    let now = server_now(&srv, &tok);
    let key = |name: &str, expires: DateTime<Utc>| {
        let body = json!({"account_id": acc, "role": "read_only", "name": name, "expires_at": rfc3339(expires)});
        srv.post("/api/v1/api-keys", &tok, &body)
    };
    // Expiry in the past (by the server's clock) is refused.
    let r = key("late", now - chrono::Duration::seconds(60));
    r.validation_code("expires_at", "not_in_future");
    assert_eq!(srv.list_all("/api/v1/api-keys?limit=500", &tok).len(), keys_before, "nothing written");

    let expires = now + chrono::Duration::days(20);
    let expires = parse_time(&json!(rfc3339(expires)));
    let long = key("long", expires).expect(201).clone();
    assert_eq!(parse_time(&long["expires_at"]), expires, "{long}");
    let soon_expires = parse_time(&json!(rfc3339(now + chrono::Duration::days(5))));
    let soon = key("soon", soon_expires).expect(201).clone();
    let later_expires = parse_time(&json!(rfc3339(now + chrono::Duration::days(40))));
    let later = key("later", later_expires).expect(201).clone();

    let planned = |key_id: &str, n: usize| {
        let ev = event_of(&srv, &tok, key_id, "api_key.created");
        wait_until(&format!("{n} notifications of {ev}"), || notifications_of(&srv, &tok, &ev).len() >= n);
        std::thread::sleep(Duration::from_millis(300));
        let mut list = notifications_of(&srv, &tok, &ev);
        list.sort_by_key(|x| parse_time(&x["send_at"]));
        assert_eq!(list.len(), n, "{list:?}");
        list
    };
    let long_list = planned(&id_of(&long), 2);
    for (n, days) in long_list.iter().zip([14, 3]) {
        assert_eq!(n["status"], "scheduled", "{n}");
        assert_eq!(parse_time(&n["send_at"]), expires - chrono::Duration::days(days), "{n}");
        assert!(n["subject"].is_null() && n["body"].is_null(), "not rendered before its time: {n}");
        assert_eq!(n["attempts"], 0, "{n}");
        assert!(n["error"].is_null(), "{n}");
        assert_eq!(n["template_id"], tpl["id"]);
        let task =
            srv.get(&format!("/api/v1/tasks/{}", n["task_id"].as_str().expect("task")), &tok).expect(200).clone();
        assert_eq!(task["kind"], "notification.send");
        assert_eq!(task["status"], "queued", "{task}");
    }
    // Fourteen days before an expiry five days away is past: only the three-day reminder.
    let soon_list = planned(&id_of(&soon), 1);
    assert_eq!(parse_time(&soon_list[0]["send_at"]), soon_expires - chrono::Duration::days(3));
    let later_list = planned(&id_of(&later), 2);

    // Cancelling a notification's task over the tasks API cancels the notification.
    let soon_task = soon_list[0]["task_id"].as_str().expect("task").to_owned();
    srv.post(&format!("/api/v1/tasks/{soon_task}/cancel"), &tok, &json!({})).expect(200);
    let soon_path = format!("/api/v1/notifications/{}", id_of(&soon_list[0]));
    assert_eq!(srv.get(&soon_path, &tok).expect(200)["status"], "cancelled", "the notification follows its task");

    // Cancel the fourteen-day reminder.
    let first = &long_list[0];
    let path = format!("/api/v1/notifications/{}/cancel", id_of(first));
    let cancelled = srv.post(&path, &tok, &json!({})).expect(200).clone();
    assert_eq!(cancelled["status"], "cancelled", "{cancelled}");
    let task_path = format!("/api/v1/tasks/{}", first["task_id"].as_str().expect("task"));
    assert_eq!(srv.get(&task_path, &tok).expect(200)["status"], "cancelled");
    srv.post(&path, &tok, &json!({})).problem(409, "invalid_state_transition");
    let again = srv.get(&format!("/api/v1/notifications/{}", id_of(first)), &tok).expect(200).clone();
    assert_eq!(again, cancelled, "the refused cancel changed nothing");
    assert_eq!(srv.get(&task_path, &tok).expect(200)["status"], "cancelled");

    // The key works until it expires.
    let secret = long["key"].as_str().expect("key");
    srv.token_for(secret);
    srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 21 * 86_400})).expect(200);
    let r = srv.post("/api/v1/auth/token", "", &json!({"api_key": secret}));
    r.problem(401, "invalid_api_key");

    // The three-day reminder came due: rendered with the days until the expiry.
    let second = id_of(&long_list[1]);
    wait_until("the three-day reminder to be rendered", || {
        srv.get(&format!("/api/v1/notifications/{second}"), &tok).expect(200)["error"].is_string()
    });
    let n = srv.get(&format!("/api/v1/notifications/{second}"), &tok).expect(200).clone();
    assert_eq!(n["subject"], "Your API key long expires in 3 days", "{n}");
    assert_eq!(n["status"], "scheduled", "{n}");
    assert!(n["error"].as_str().is_some_and(|e| e.contains(NO_RELAY)), "{n}");
    // The cancelled one stayed cancelled and unrendered.
    let c = srv.get(&format!("/api/v1/notifications/{}", id_of(first)), &tok).expect(200).clone();
    assert_eq!(c["status"], "cancelled");
    assert!(c["subject"].is_null(), "{c}");
    let c = srv.get(&soon_path, &tok).expect(200).clone();
    assert_eq!(c["status"], "cancelled");
    assert!(c["subject"].is_null(), "{c}");

    // A deleted template's reminders fail when their time comes.
    srv.delete(&format!("{TEMPLATES}/{}", id_of(&tpl)), &tok).expect(204);
    srv.post("/api/v1/test-clock/advance", &tok, &json!({"seconds": 20 * 86_400})).expect(200);
    for n in &later_list {
        let path = format!("/api/v1/notifications/{}", id_of(n));
        wait_until("the orphaned reminder to fail", || srv.get(&path, &tok).expect(200)["status"] != "scheduled");
        let n = srv.get(&path, &tok).expect(200).clone();
        assert_eq!(n["status"], "failed", "{n}");
        assert!(n["error"].as_str().is_some_and(|e| e.contains("the template was deleted")), "{n}");
        let task = srv.get(&format!("/api/v1/tasks/{}", n["task_id"].as_str().expect("task")), &tok);
        assert_eq!(task.expect(200)["status"], "dead");
    }
}

#[test]
fn preview_renders_without_writing() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let tpl = create_template(
        &srv,
        &tok,
        &json!({"event_type": "account.created", "language": "en",
            "subject": "  Welcome {{ account.name }}  ",
            "body": "Hello {{ account.name }} ({{ event.type }}, {{ data.kind }})",
            "html_body": "<p>Hello {{ account.name }}</p>"}),
    );
    let acc = id_of(
        &srv.create_account(&tok, &json!({"kind": "customer", "name": "Ann <b>&</b>", "email": "ann@example.com"})),
    );
    let ev = event_of(&srv, &tok, &acc, "account.created");
    rendered(&srv, &tok, &ev);
    let before = notification_ids(&srv, &tok);
    let tasks_before = srv.list_all("/api/v1/tasks?limit=500", &tok).len();

    let path = format!("{TEMPLATES}/{}/preview", id_of(&tpl));
    let p = srv.post(&path, &tok, &json!({"event_id": ev})).expect(200).clone();
    assert_eq!(p["subject"], "Welcome Ann <b>&</b>", "{p}");
    assert_eq!(p["body"], "Hello Ann <b>&</b> (account.created, customer)", "text is not escaped: {p}");
    assert_eq!(p["html_body"], "<p>Hello Ann &lt;b&gt;&amp;&lt;&#x2f;b&gt;</p>", "HTML is escaped: {p}");
    assert_eq!(p["recipients"], json!(["ann@example.com"]));
    assert_eq!(notification_ids(&srv, &tok), before, "a preview writes no notification");
    assert_eq!(srv.list_all("/api/v1/tasks?limit=500", &tok).len(), tasks_before, "nor a task");

    // Fixed recipients are what the preview shows.
    srv.patch(&format!("{TEMPLATES}/{}", id_of(&tpl)), &tok, &json!({"recipients": ["ops@example.com"]})).expect(200);
    let p = srv.post(&path, &tok, &json!({"event_id": ev})).expect(200).clone();
    assert_eq!(p["recipients"], json!(["ops@example.com"]));
    // An unknown event is a field error of the body (the path's template would be the 404).
    let missing = crate::support::fake_id_like(&ev);
    let answer = srv.post(&path, &tok, &json!({"event_id": missing}));
    assert_eq!(answer.problem(422, "validation_failed")["errors"][0]["code"], "unknown_event");
    assert_eq!(notification_ids(&srv, &tok), before);
}
