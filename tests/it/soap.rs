//! The SOAP endpoint over real HTTP: envelopes in, the same REST operations behind,
//! responses and faults out (docs/soap.md). The conformance runs with third-party
//! clients are in tests/soap/.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::Method;
use serde_json::json;
use sha1::Digest as _;

use crate::client::Resp;
use crate::support::TestServer;

pub(crate) const SOAP11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12: &str = "http://www.w3.org/2003/05/soap-envelope";
const WSSE: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
const WSU: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

pub(crate) fn text_token(key: &str) -> String {
    format!(
        "<wsse:Security xmlns:wsse=\"{WSSE}\"><wsse:UsernameToken><wsse:Username>api</wsse:Username>\
         <wsse:Password>{key}</wsse:Password></wsse:UsernameToken></wsse:Security>"
    )
}

pub(crate) fn envelope(ns: &str, headers: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"{ns}\" xmlns:t=\"urn:stratum:api:v1\">\
         <s:Header>{headers}</s:Header><s:Body>{body}</s:Body></s:Envelope>"
    )
}

pub(crate) fn soap11(srv: &TestServer, action: &str, xml: String) -> Resp {
    srv.call(Method::POST, "/soap")
        .header("SOAPAction", &format!("\"urn:stratum:api:v1/{action}\""))
        .raw(Some("text/xml; charset=utf-8"), xml)
        .send()
}

/// The text of the first `<name>` element of a response.
fn field<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let start = xml.find(&format!("<{name}>"))? + name.len() + 2;
    let end = xml[start..].find(&format!("</{name}>"))?;
    Some(&xml[start..start + end])
}

/// Asserts a SOAP fault with the HTTP status, the fault code and the StratumFault code.
pub(crate) fn assert_fault(r: &Resp, status: u16, fault_code: &str, code: &str) {
    assert_eq!(r.status, status, "{}: {}", r.desc, r.text);
    assert!(r.text.contains(fault_code), "{}: expected {fault_code} in {}", r.desc, r.text);
    let detail = r.text.split("<StratumFault").nth(1).unwrap_or_else(|| panic!("no StratumFault in {}", r.text));
    assert_eq!(field(detail, "code"), Some(code), "{}: {}", r.desc, r.text);
}

fn account_count(srv: &TestServer, tok: &str) -> usize {
    srv.list_all("/api/v1/accounts", tok).len()
}

#[test]
fn accounts_round_trip_over_soap_and_agree_with_rest() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let auth = text_token(&srv.bootstrap_key);
    let create = "<t:AccountCreate><t:kind>reseller</t:kind><t:name>Soap &amp; Co</t:name>\
        <t:reseller_tier>advanced</t:reseller_tier><t:metadata><t:entry><t:key>crm</t:key><t:value>7</t:value></t:entry>\
        </t:metadata></t:AccountCreate>";
    let r = soap11(&srv, "AccountCreate", envelope(SOAP11, &auth, create));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.header("content-type"), Some("text/xml; charset=utf-8"));
    let id = field(&r.text, "id").expect("id").to_owned();
    assert_eq!(field(&r.text, "name"), Some("Soap &amp; Co"));
    let rest = srv.get(&format!("/api/v1/accounts/{id}"), &tok);
    let rest = rest.expect(200);
    assert_eq!(rest["name"], "Soap & Co");
    assert_eq!(rest["metadata"], json!({"crm": "7"}));
    assert_eq!(rest["reseller_tier"], "advanced");

    // Pages of one, following next_cursor, reach every account exactly once.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let c = cursor.as_ref().map(|c| format!("<t:cursor>{c}</t:cursor>")).unwrap_or_default();
        let list = format!("<t:AccountList><t:limit>1</t:limit>{c}</t:AccountList>");
        let r = soap11(&srv, "AccountList", envelope(SOAP11, &auth, &list));
        assert_eq!(r.status, 200, "{}", r.text);
        let data = r.text.split("<data>").nth(1).expect("one account");
        seen.push(field(data, "id").expect("id").to_owned());
        cursor = field(&r.text, "next_cursor").map(str::to_owned);
        if cursor.is_none() {
            break;
        }
    }
    assert_eq!(seen.len(), 2, "the provider and the new reseller: {seen:?}");
    assert!(seen.contains(&id));
    // Metrics tell SOAP calls apart from the REST routes they run.
    let metrics = srv.call(Method::GET, "/metrics").send();
    assert!(metrics.text.contains("route=\"/soap#AccountList\",status=\"200\""), "{}", metrics.text);
}

#[test]
fn soap_1_2_with_a_bearer_token_and_its_faults() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let xml = envelope(SOAP12, "", "<t:AccountGet><t:id>acc_nope</t:id></t:AccountGet>");
    let r = srv
        .call(Method::POST, "/soap")
        .bearer(&tok)
        .raw(Some("application/soap+xml; charset=utf-8; action=\"urn:stratum:api:v1/AccountGet\""), xml)
        .send();
    assert_fault(&r, 400, "soap:Sender", "not_found");
    assert_eq!(r.header("content-type"), Some("application/soap+xml; charset=utf-8"));
    let get = envelope(SOAP12, "", &format!("<t:AccountGet><t:id>{}</t:id></t:AccountGet>", srv.provider_id(&tok)));
    let r = srv.call(Method::POST, "/soap").bearer(&tok).raw(Some("application/soap+xml"), get).send();
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(field(&r.text, "kind"), Some("provider"));
}

#[test]
fn hostile_or_oversized_xml_is_refused_and_writes_nothing() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let before = account_count(&srv, &tok);
    let auth = text_token(&srv.bootstrap_key);
    let create = "<t:AccountCreate><t:kind>customer</t:kind><t:name>X</t:name></t:AccountCreate>";
    let ok = envelope(SOAP11, &auth, create);
    let xxe = format!("<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{}", &ok[38..]);
    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\
         <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>{}",
        ok[38..].replace("<t:name>X</t:name>", "<t:name>&c;</t:name>")
    );
    let deep =
        ok.replace("<t:name>X</t:name>", &format!("<t:name>{}X{}</t:name>", "<t:n>".repeat(40), "</t:n>".repeat(40)));
    let wide = ok.replace("<t:name>X</t:name>", &format!("<t:name>X</t:name>{}", "<t:e/>".repeat(12_000)));
    let huge = ok.replace("<t:name>X</t:name>", &format!("<t:name>{}</t:name>", "x".repeat(2 * 1024 * 1024)));
    let cases: Vec<(&str, String, &str)> = vec![
        ("xxe", xxe, "invalid_body"),
        ("billion laughs", laughs, "invalid_body"),
        ("deep nesting", deep, "invalid_body"),
        ("too many elements", wide, "invalid_body"),
        ("oversized", huge, "payload_too_large"),
        ("not xml", "hello".to_owned(), "invalid_body"),
        ("unclosed", ok[..ok.len() - 12].to_owned(), "invalid_body"),
        ("undefined entity", ok.replace("<t:name>X", "<t:name>&nbsp;X"), "invalid_body"),
        ("processing instruction", ok.replace("<s:Body>", "<s:Body><?evil x?>"), "invalid_body"),
    ];
    for (what, xml, code) in cases {
        let r = soap11(&srv, "AccountCreate", xml);
        assert_fault(&r, 500, "soap:Client", code);
        assert!(!r.text.contains("root:"), "{what} leaked a file");
    }
    assert_eq!(account_count(&srv, &tok), before, "a refused request wrote something");
    // The control: the same envelope without the attack works.
    assert_eq!(soap11(&srv, "AccountCreate", ok).status, 200);
}

#[test]
fn malformed_calls_answer_client_faults() {
    let srv = TestServer::start();
    let auth = text_token(&srv.bootstrap_key);
    let list = "<t:AccountList/>";
    let cases = vec![
        ("unknown operation", "AccountList", envelope(SOAP11, &auth, "<t:NoSuchThing/>"), "route_not_found"),
        (
            "foreign namespace",
            "AccountList",
            envelope(SOAP11, &auth, "<AccountList xmlns=\"urn:other\"/>"),
            "invalid_body",
        ),
        (
            "unknown element",
            "AccountList",
            envelope(SOAP11, &auth, "<t:AccountList><t:bogus>1</t:bogus></t:AccountList>"),
            "invalid_body",
        ),
        (
            "bad integer",
            "AccountList",
            envelope(SOAP11, &auth, "<t:AccountList><t:limit>ten</t:limit></t:AccountList>"),
            "validation_failed",
        ),
        (
            "limit out of range",
            "AccountList",
            envelope(SOAP11, &auth, "<t:AccountList><t:limit>0</t:limit></t:AccountList>"),
            "invalid_query",
        ),
        ("action mismatch", "AccountCreate", envelope(SOAP11, &auth, list), "invalid_header"),
        ("empty body", "AccountList", envelope(SOAP11, &auth, ""), "invalid_body"),
        ("two operations", "AccountList", envelope(SOAP11, &auth, "<t:AccountList/><t:AccountList/>"), "invalid_body"),
        ("no credentials", "AccountList", envelope(SOAP11, "", list), "unauthenticated"),
        (
            "wrong key",
            "AccountList",
            envelope(SOAP11, &text_token("stk_wrongwrongwrongwrongwrongwrongwrongwrong"), list),
            "invalid_api_key",
        ),
        ("missing path parameter", "AccountGet", envelope(SOAP11, &auth, "<t:AccountGet/>"), "validation_failed"),
        (
            "empty name",
            "AccountCreate",
            envelope(SOAP11, &auth, "<t:AccountCreate><t:kind>customer</t:kind><t:name></t:name></t:AccountCreate>"),
            "validation_failed",
        ),
        (
            "bad enum",
            "AccountCreate",
            envelope(SOAP11, &auth, "<t:AccountCreate><t:kind>emperor</t:kind><t:name>N</t:name></t:AccountCreate>"),
            "invalid_body",
        ),
    ];
    for (what, action, xml, code) in cases {
        let r = soap11(&srv, action, xml);
        assert_eq!(r.status, 500, "{what}: {}", r.text);
        assert_fault(&r, 500, "soap:Client", code);
    }
    let json = srv.call(Method::POST, "/soap").raw(Some("application/json"), envelope(SOAP11, &auth, list)).send();
    assert_fault(&json, 500, "soap:Client", "invalid_header");
}

#[test]
fn password_digest_works_once_per_nonce() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let keys = srv.get("/api/v1/api-keys", &tok);
    let key_id = keys.expect(200)["data"][0]["id"].as_str().expect("key id").to_owned();
    let secret: String =
        sha2::Sha256::digest(srv.bootstrap_key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let digest_header = |nonce: &[u8], created: &str| {
        let mut h = sha1::Sha1::new();
        h.update(nonce);
        h.update(created.as_bytes());
        h.update(secret.as_bytes());
        format!(
            "<wsse:Security xmlns:wsse=\"{WSSE}\" xmlns:wsu=\"{WSU}\"><wsse:UsernameToken><wsse:Username>{key_id}</wsse:Username>\
             <wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">{}</wsse:Password>\
             <wsse:Nonce>{}</wsse:Nonce><wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>",
            STANDARD.encode(h.finalize()),
            STANDARD.encode(nonce)
        )
    };
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let nonce = crate::support::random_alnum(16);
    let call = |header: String| soap11(&srv, "AccountList", envelope(SOAP11, &header, "<t:AccountList/>"));
    assert_eq!(call(digest_header(nonce.as_bytes(), &now)).status, 200);
    assert_fault(&call(digest_header(nonce.as_bytes(), &now)), 500, "soap:Client", "invalid_api_key");
    let stale = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert_fault(&call(digest_header(b"another-nonce-1", &stale)), 500, "soap:Client", "invalid_api_key");
    assert_eq!(call(digest_header(b"another-nonce-2", &now)).status, 200);
}

#[test]
fn idempotency_and_if_match_travel_as_soap_headers() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let auth = text_token(&srv.bootstrap_key);
    let create =
        |name: &str| format!("<t:AccountCreate><t:kind>customer</t:kind><t:name>{name}</t:name></t:AccountCreate>");
    let idem = format!("{auth}<t:IdempotencyKey>soap-key-1</t:IdempotencyKey>");
    let first = soap11(&srv, "AccountCreate", envelope(SOAP11, &idem, &create("Once")));
    let again = soap11(&srv, "AccountCreate", envelope(SOAP11, &idem, &create("Once")));
    assert_eq!((first.status, again.status), (200, 200), "{}", again.text);
    assert_eq!(field(&first.text, "id"), field(&again.text, "id"));
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let reused = soap11(&srv, "AccountCreate", envelope(SOAP11, &idem, &create("Twice")));
    assert_fault(&reused, 500, "soap:Client", "idempotency_key_reused");
    let id = field(&first.text, "id").expect("id").to_owned();
    let stale = format!("{auth}<t:IfMatch>\"7\"</t:IfMatch>");
    let update = format!("<t:AccountUpdate><t:id>{id}</t:id><t:name>Renamed</t:name></t:AccountUpdate>");
    assert_fault(
        &soap11(&srv, "AccountUpdate", envelope(SOAP11, &stale, &update)),
        500,
        "soap:Client",
        "version_mismatch",
    );
    assert_eq!(srv.get(&format!("/api/v1/accounts/{id}"), &tok).expect(200)["name"], "Once");
    let fresh = format!("{auth}<t:IfMatch>\"1\"</t:IfMatch>");
    let r = soap11(&srv, "AccountUpdate", envelope(SOAP11, &fresh, &update));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(field(&r.text, "version"), Some("2"));
}

#[test]
fn the_served_wsdls_are_the_committed_ones_addressed_to_this_server() {
    let srv = TestServer::start();
    let host = srv.base.trim_start_matches("http://");
    for (query, file) in [("wsdl", "stratum.wsdl"), ("wsdl=soap11", "stratum-soap11.wsdl")] {
        let r = srv.call(Method::GET, &format!("/soap?{query}")).send();
        assert_eq!(r.status, 200);
        let committed =
            std::fs::read_to_string(format!("{}/wsdl/{file}", env!("CARGO_MANIFEST_DIR"))).expect("committed");
        assert_eq!(r.text, committed.replace("http://localhost:8080/soap", &format!("http://{host}/soap")), "{file}");
    }
    let bad = srv.call(Method::GET, "/soap?wsdl=soap13").send();
    assert_eq!(bad.status, 400, "{}", bad.text);
    assert_eq!(bad.header("content-type"), Some("application/problem+json"));
}

fn soap12(srv: &TestServer, action: &str, xml: impl Into<Vec<u8>>) -> Resp {
    srv.call(Method::POST, "/soap")
        .raw(Some(&format!("application/soap+xml; charset=utf-8; action=\"urn:stratum:api:v1/{action}\"")), xml)
        .send()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = (if bom { "\u{feff}" } else { "" }).encode_utf16().chain(text.encode_utf16());
    units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
}

#[test]
fn utf16_and_a_utf8_byte_order_mark_are_read() {
    let srv = TestServer::start();
    let auth = text_token(&srv.bootstrap_key);
    let create = |name: &str| {
        envelope(
            SOAP11,
            &auth,
            &format!("<t:AccountCreate><t:kind>customer</t:kind><t:name>{name}</t:name></t:AccountCreate>"),
        )
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("UTF-16LE with a byte order mark", utf16(&create("Grüße LE"), false, true)),
        ("UTF-16BE with a byte order mark", utf16(&create("Grüße BE"), true, true)),
        ("UTF-16LE declared, no mark", utf16(&create("Grüße decl"), false, false)),
        (
            "UTF-8 with a byte order mark",
            [b"\xEF\xBB\xBF".as_slice(), create("Grüße 8").replace("UTF-16", "UTF-8").as_bytes()].concat(),
        ),
    ];
    for (what, bytes) in cases {
        let r = srv
            .call(Method::POST, "/soap")
            .header("SOAPAction", "\"urn:stratum:api:v1/AccountCreate\"")
            .raw(Some("text/xml; charset=utf-16"), bytes)
            .send();
        assert_eq!(r.status, 200, "{what}: {}", r.text);
        assert!(field(&r.text, "name").is_some_and(|n| n.starts_with("Grüße")), "{what}: {}", r.text);
    }
    let latin1 = create("X").replace("UTF-16", "ISO-8859-1");
    assert_fault(&soap11(&srv, "AccountCreate", latin1), 500, "soap:Client", "invalid_body");
}

#[test]
fn must_understand_applies_to_the_blocks_for_this_node() {
    let srv = TestServer::start();
    let auth = text_token(&srv.bootstrap_key);
    let list = "<t:AccountList/>";
    let block = |attrs: &str| format!("<x:Tx xmlns:x=\"urn:x\" {attrs}>1</x:Tx>");
    // SOAP 1.1: another actor's block is not ours to understand; ours (or `next`) is.
    let other =
        envelope(SOAP11, &format!("{auth}{}", block("s:mustUnderstand=\"1\" s:actor=\"urn:other-node\"")), list);
    assert_eq!(soap11(&srv, "AccountList", other).status, 200);
    for attrs in
        ["s:mustUnderstand=\"1\"", "s:mustUnderstand=\"1\" s:actor=\"http://schemas.xmlsoap.org/soap/actor/next\""]
    {
        let r = soap11(&srv, "AccountList", envelope(SOAP11, &format!("{auth}{}", block(attrs)), list));
        assert_eq!(r.status, 500, "{attrs}: {}", r.text);
        assert!(r.text.contains("<faultcode>soap:MustUnderstand</faultcode>"), "{}", r.text);
        assert!(!r.text.contains("detail"), "a SOAP 1.1 MustUnderstand fault has no detail: {}", r.text);
    }
    // SOAP 1.2: role none and other roles are skipped; next and ultimateReceiver are ours.
    let tok = srv.provider_token();
    let v12 = |attrs: &str| {
        srv.call(Method::POST, "/soap")
            .bearer(&tok)
            .raw(Some("application/soap+xml"), envelope(SOAP12, &block(attrs), list))
            .send()
    };
    for role in ["http://www.w3.org/2003/05/soap-envelope/role/none", "urn:other-node"] {
        let r = v12(&format!("s:mustUnderstand=\"true\" s:role=\"{role}\""));
        assert_eq!(r.status, 200, "{role}: {}", r.text);
    }
    for role in [
        "",
        " s:role=\"http://www.w3.org/2003/05/soap-envelope/role/next\"",
        " s:role=\"http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver\"",
    ] {
        let r = v12(&format!("s:mustUnderstand=\"true\"{role}"));
        assert_eq!(r.status, 500, "{role}: {}", r.text);
        assert!(r.text.contains("<soap:Value>soap:MustUnderstand</soap:Value>"), "{}", r.text);
        assert!(
            r.text.contains("<soap:Header><soap:NotUnderstood qname=\"q:Tx\" xmlns:q=\"urn:x\"/></soap:Header>"),
            "{}",
            r.text
        );
    }
}

#[test]
fn soap_1_2_version_mismatch_answers_500_and_sender_faults_400() {
    let srv = TestServer::start();
    let auth = text_token(&srv.bootstrap_key);
    let foreign = envelope("urn:not-soap", &auth, "<t:AccountList/>");
    let r = soap12(&srv, "AccountList", foreign);
    assert_eq!(r.status, 500, "{}", r.text);
    assert!(r.text.contains("<soap:Value>soap:VersionMismatch</soap:Value>"), "{}", r.text);
    assert!(r.text.contains("<soap:Upgrade>"), "{}", r.text);
    let sender = soap12(&srv, "AccountList", envelope(SOAP12, &auth, "<t:AccountList><t:bogus/></t:AccountList>"));
    assert_fault(&sender, 400, "soap:Sender", "invalid_body");
}

#[test]
fn a_request_timestamp_is_answered_with_one() {
    let srv = TestServer::start();
    let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let with_ts = text_token(&srv.bootstrap_key).replace(
        "<wsse:UsernameToken>",
        &format!("<wsu:Timestamp xmlns:wsu=\"{WSU}\" wsu:Id=\"_0\"><wsu:Created>{created}</wsu:Created></wsu:Timestamp><wsse:UsernameToken>"),
    );
    let r = soap11(&srv, "AccountList", envelope(SOAP11, &with_ts, "<t:AccountList/>"));
    assert_eq!(r.status, 200, "{}", r.text);
    let header = r.text.split("<soap:Header>").nth(1).and_then(|h| h.split("</soap:Header>").next()).expect("a Header");
    assert!(
        header.contains(&format!("<wsse:Security xmlns:wsse=\"{WSSE}\" xmlns:wsu=\"{WSU}\"><wsu:Timestamp")),
        "{header}"
    );
    let at = |name: &str| {
        let t = field(header, name).unwrap_or_else(|| panic!("no {name} in {header}"));
        chrono::DateTime::parse_from_rfc3339(t).unwrap_or_else(|e| panic!("{name} {t}: {e}"))
    };
    let (c, e) = (at("wsu:Created"), at("wsu:Expires"));
    assert!(e > c, "Expires {e} after Created {c}");
    assert!((c.to_utc() - chrono::Utc::now()).num_seconds().abs() < 60, "Created {c}");
    // Faults too, whether raised here (a wrong key) or by the REST operation (not found).
    let wrong_key = with_ts.replace(&srv.bootstrap_key, "stk_wrongwrongwrongwrongwrongwrongwrongwrong");
    let refused = soap11(&srv, "AccountList", envelope(SOAP11, &wrong_key, "<t:AccountList/>"));
    assert_fault(&refused, 500, "soap:Client", "invalid_api_key");
    let missing =
        soap11(&srv, "AccountGet", envelope(SOAP11, &with_ts, "<t:AccountGet><t:id>acc_nope</t:id></t:AccountGet>"));
    assert_fault(&missing, 500, "soap:Client", "not_found");
    for fault in [&refused, &missing] {
        assert!(fault.text.contains("<soap:Header><wsse:Security"), "{}", fault.text);
        assert!(fault.text.contains("<wsu:Expires>"), "{}", fault.text);
    }
    let plain = soap11(&srv, "AccountList", envelope(SOAP11, &text_token(&srv.bootstrap_key), "<t:AccountList/>"));
    assert_eq!(plain.status, 200);
    assert!(!plain.text.contains("Timestamp"), "no timestamp asked, none sent: {}", plain.text);
}
