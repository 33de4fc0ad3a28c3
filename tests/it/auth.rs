//! API-key exchange and bearer-token verification (docs/api.md "Authentication").

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD as B64};
use base64::Engine;
use reqwest::Method;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::support::{random_alnum, TestServer};

/// A bearer token that is not a valid access token (docs/errors.md).
const INVALID_TOKEN: &[(u16, &str)] = &[(401, "invalid_token")];
/// No `Authorization: Bearer …` header at all.
const UNAUTHENTICATED: &[(u16, &str)] = &[(401, "unauthenticated")];

fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let ipad: Vec<u8> = block.iter().map(|b| b ^ 0x36).collect();
    let opad: Vec<u8> = block.iter().map(|b| b ^ 0x5c).collect();
    let inner = Sha256::new().chain_update(&ipad).chain_update(msg).finalize();
    Sha256::new().chain_update(&opad).chain_update(inner).finalize().into()
}

fn part(v: &Value) -> String {
    B64.encode(serde_json::to_vec(v).expect("serialize jwt part"))
}

fn unpart(s: &str) -> Value {
    let bytes = B64.decode(s).expect("jwt part is base64url");
    serde_json::from_slice(&bytes).expect("jwt part is JSON")
}

/// (header, payload, signature) of a compact JWT.
pub fn decode(token: &str) -> (Value, Value, String) {
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "a JWS compact token: {token}");
    (unpart(parts[0]), unpart(parts[1]), parts[2].to_string())
}

pub fn sign(header: &Value, payload: &Value, secret: &str) -> String {
    let input = format!("{}.{}", part(header), part(payload));
    let sig = B64.encode(hmac_sha256(secret.as_bytes(), input.as_bytes()));
    format!("{input}.{sig}")
}

pub fn hs256_header(kid: &str) -> Value {
    json!({ "alg": "HS256", "typ": "JWT", "kid": kid })
}

/// A real token's payload, made valid for another ten minutes.
fn fresh_payload(tok: &str) -> Value {
    let (_, mut payload, _) = decode(tok);
    payload["exp"] = json!(chrono::Utc::now().timestamp() + 600);
    payload
}

/// The header is rejected with 401 by a read and by a write, and the write changed nothing.
fn assert_rejected(srv: &TestServer, authorization: Option<&str>, codes: &[(u16, &str)]) {
    let provider = srv.provider_token();
    let before = srv.account_ids(&provider);
    let name = format!("should-not-exist-{}", random_alnum(6));
    let with_auth = |method: Method, path: &str| {
        let call = srv.call(method, path);
        match authorization {
            Some(h) => call.header("authorization", h),
            None => call,
        }
    };
    with_auth(Method::GET, "/api/v1/accounts").send().problem_one_of(codes);
    with_auth(Method::POST, "/api/v1/accounts")
        .json(&json!({ "kind": "customer", "name": name }))
        .send()
        .problem_one_of(codes);
    assert_eq!(srv.account_ids(&provider), before, "a rejected call wrote");
}

#[test]
fn token_exchange_with_json_and_client_credentials_form() {
    let srv = TestServer::start();
    let r = srv.post("/api/v1/auth/token", "", &json!({ "api_key": srv.bootstrap_key }));
    let body = r.expect(200);
    assert_eq!(body["token_type"], "Bearer", "{body}");
    assert_eq!(body["expires_in"], 900, "{body}");
    let tok = body["access_token"].as_str().expect("access_token");
    srv.get("/api/v1/accounts", tok).expect(200);

    let form = format!("grant_type=client_credentials&client_secret={}", srv.bootstrap_key);
    let r = srv.call(Method::POST, "/api/v1/auth/token").raw(Some("application/x-www-form-urlencoded"), form).send();
    let body = r.expect(200);
    assert_eq!(body["token_type"], "Bearer", "{body}");
    let tok = body["access_token"].as_str().expect("access_token");
    srv.get("/api/v1/accounts", tok).expect(200);
}

#[test]
fn wrong_api_key_is_401_invalid_api_key() {
    let srv = TestServer::start();
    let wrong = format!("stk_{}", random_alnum(40));
    srv.post("/api/v1/auth/token", "", &json!({ "api_key": wrong })).problem(401, "invalid_api_key");
    let form = format!("grant_type=client_credentials&client_secret={wrong}");
    srv.call(Method::POST, "/api/v1/auth/token")
        .raw(Some("application/x-www-form-urlencoded"), form)
        .send()
        .problem(401, "invalid_api_key");
}

#[test]
fn missing_or_garbled_authorization_is_401() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    assert_rejected(&srv, None, UNAUTHENTICATED);
    assert_rejected(&srv, Some("Bearer garbage"), INVALID_TOKEN);
    assert_rejected(&srv, Some("Bearer a.b.c"), INVALID_TOKEN);
    assert_rejected(&srv, Some("Bearer "), &[(401, "unauthenticated"), (401, "invalid_token")]);
    let basic = format!("Basic {}", STANDARD.encode(format!("x:{}", srv.bootstrap_key)));
    assert_rejected(&srv, Some(&basic), UNAUTHENTICATED);
    // The right token under the wrong scheme is still refused.
    assert_rejected(&srv, Some(&format!("Basic {tok}")), UNAUTHENTICATED);
    assert_rejected(&srv, Some(&format!("Token {tok}")), UNAUTHENTICATED);
    // An API key is not a bearer token.
    let key_as_bearer = format!("Bearer {}", srv.bootstrap_key);
    assert_rejected(&srv, Some(&key_as_bearer), INVALID_TOKEN);
}

/// Control for the forgery tests: a token built here with the shared secret is accepted,
/// so the rejections below are about the one thing each one changes.
#[test]
fn token_forged_with_the_shared_secret_is_accepted() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let (header, payload, sig) = decode(&tok);
    assert_eq!(header["alg"], "HS256", "{header}");
    assert_eq!(header["kid"], srv.jwt_kid.as_str(), "{header}");
    assert!(payload["exp"].is_i64(), "exp claim: {payload}");
    let input = tok.rsplit_once('.').expect("signed token").0;
    let expected = B64.encode(hmac_sha256(srv.jwt_secret.as_bytes(), input.as_bytes()));
    assert_eq!(sig, expected, "token is HMAC-SHA256 over the configured secret");

    let forged = sign(&hs256_header(&srv.jwt_kid), &fresh_payload(&tok), &srv.jwt_secret);
    srv.get("/api/v1/accounts", &forged).expect(200);
}

#[test]
fn expired_token_is_401() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let (_, mut payload, _) = decode(&tok);
    let now = chrono::Utc::now().timestamp();
    payload["exp"] = json!(now - 3600);
    for claim in ["iat", "nbf"] {
        if payload.get(claim).is_some() {
            payload[claim] = json!(now - 7200);
        }
    }
    let expired = sign(&hs256_header(&srv.jwt_kid), &payload, &srv.jwt_secret);
    assert_rejected(&srv, Some(&format!("Bearer {expired}")), INVALID_TOKEN);
}

fn replace_strings(v: &mut Value, from: &str, to: &str) -> usize {
    match v {
        Value::String(s) if s == from => {
            *s = to.to_string();
            1
        }
        Value::Array(items) => items.iter_mut().map(|i| replace_strings(i, from, to)).sum(),
        Value::Object(map) => map.values_mut().map(|i| replace_strings(i, from, to)).sum(),
        _ => 0,
    }
}

#[test]
fn tampered_payload_is_401() {
    let srv = TestServer::start();
    let provider = srv.provider_token();
    let r1 = srv.new_account(&provider, "reseller", None, "R1");
    let r2 = srv.new_account(&provider, "reseller", None, "R2");
    let r1_tok = srv.token_as(&provider, &r1, "admin");
    srv.get(&format!("/api/v1/accounts/{r1}"), &r1_tok).expect(200);
    srv.get(&format!("/api/v1/accounts/{r2}"), &r1_tok).problem(404, "not_found");

    let (_, mut payload, _) = decode(&r1_tok);
    let swapped = replace_strings(&mut payload, &r1, &r2);
    assert!(swapped > 0, "the token carries its account id: {payload}");
    let mut parts: Vec<String> = r1_tok.split('.').map(str::to_string).collect();
    parts[1] = part(&payload);
    let tampered = parts.join(".");
    assert_rejected(&srv, Some(&format!("Bearer {tampered}")), INVALID_TOKEN);
    srv.get(&format!("/api/v1/accounts/{r2}"), &tampered).problem_one_of(INVALID_TOKEN);
}

#[test]
fn alg_none_token_is_401() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let payload = fresh_payload(&tok);
    let header = json!({ "alg": "none", "typ": "JWT", "kid": srv.jwt_kid });
    let unsigned = format!("{}.{}.", part(&header), part(&payload));
    assert_rejected(&srv, Some(&format!("Bearer {unsigned}")), INVALID_TOKEN);
    let unsigned_no_dot = format!("{}.{}", part(&header), part(&payload));
    assert_rejected(&srv, Some(&format!("Bearer {unsigned_no_dot}")), INVALID_TOKEN);
}

#[test]
fn token_signed_with_another_secret_is_401() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let forged = sign(&hs256_header(&srv.jwt_kid), &fresh_payload(&tok), &random_alnum(48));
    assert_rejected(&srv, Some(&format!("Bearer {forged}")), INVALID_TOKEN);
}

#[test]
fn token_with_unknown_kid_is_401() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let forged = sign(&hs256_header("unknown-kid"), &fresh_payload(&tok), &srv.jwt_secret);
    assert_rejected(&srv, Some(&format!("Bearer {forged}")), INVALID_TOKEN);
}
