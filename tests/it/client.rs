//! The HTTP side of the harness: a request builder and a response with assertions.

use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::Method;
use serde_json::Value;

use crate::support::TestServer;

enum Body {
    None,
    Json(Value),
    Raw(Option<String>, Vec<u8>),
}

/// One request under construction.
pub struct Call<'a> {
    srv: &'a TestServer,
    method: Method,
    path: String,
    headers: Vec<(String, String)>,
    body: Body,
}

impl<'a> Call<'a> {
    pub fn new(srv: &'a TestServer, method: Method, path: &str) -> Call<'a> {
        Call { srv, method, path: path.to_string(), headers: Vec::new(), body: Body::None }
    }

    /// `Authorization: Bearer <tok>`; an empty token sends no header.
    pub fn bearer(self, tok: &str) -> Self {
        if tok.is_empty() {
            self
        } else {
            self.header("authorization", &format!("Bearer {tok}"))
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn json(mut self, body: &Value) -> Self {
        self.body = Body::Json(body.clone());
        self
    }

    /// Raw bytes with an optional Content-Type.
    pub fn raw(mut self, content_type: Option<&str>, bytes: impl Into<Vec<u8>>) -> Self {
        self.body = Body::Raw(content_type.map(str::to_string), bytes.into());
        self
    }

    pub fn send(self) -> Resp {
        let desc = format!("{} {}", self.method, self.path);
        let mut req = self.srv.http.request(self.method.clone(), self.srv.url(&self.path));
        for (k, v) in &self.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        req = match self.body {
            Body::None => req,
            Body::Json(v) => {
                req.header(CONTENT_TYPE, "application/json").body(serde_json::to_vec(&v).expect("serialize body"))
            }
            Body::Raw(ct, bytes) => {
                let req = match ct {
                    Some(ct) => req.header(CONTENT_TYPE, ct),
                    None => req,
                };
                req.body(bytes)
            }
        };
        let resp = req.send().unwrap_or_else(|e| panic!("{desc}: request failed: {e:?}"));
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.text().unwrap_or_else(|e| panic!("{desc}: reading body failed: {e:?}"));
        let body = if text.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.clone()))
        };
        Resp { desc, status, headers, body, text }
    }
}

/// A response: status, headers and the body parsed as JSON (a string if it is not JSON).
#[derive(Debug, Clone)]
pub struct Resp {
    pub desc: String,
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts the status and returns the body.
    #[track_caller]
    pub fn expect(&self, status: u16) -> &Value {
        assert_eq!(
            self.status, status,
            "{}: expected {status}, got {} with body {}",
            self.desc, self.status, self.text
        );
        &self.body
    }

    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    /// Asserts a problem document with this status and code.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        self.expect(status);
        self.assert_problem_shape();
        assert_eq!(self.code(), code, "{}: wrong code in {}", self.desc, self.text);
        &self.body
    }

    /// Asserts a problem document whose (status, code) is one of `allowed`.
    #[track_caller]
    pub fn problem_one_of(&self, allowed: &[(u16, &str)]) -> &Value {
        assert!(
            allowed.iter().any(|(s, c)| *s == self.status && (c.is_empty() || *c == self.code())),
            "{}: expected one of {allowed:?}, got {} with body {}",
            self.desc,
            self.status,
            self.text
        );
        self.assert_problem_shape();
        &self.body
    }

    #[track_caller]
    pub fn assert_problem_shape(&self) {
        let ct = self.header("content-type").unwrap_or("");
        assert!(
            ct.starts_with("application/problem+json"),
            "{}: content-type {ct:?} is not application/problem+json (status {}, body {})",
            self.desc,
            self.status,
            self.text
        );
        assert_eq!(
            self.body["status"].as_u64(),
            Some(u64::from(self.status)),
            "{}: problem status field: {}",
            self.desc,
            self.text
        );
        assert!(
            self.body["type"].is_string() && self.body["title"].is_string(),
            "{}: problem without type/title: {}",
            self.desc,
            self.text
        );
    }

    /// The fields named in a validation problem's `errors`.
    pub fn error_fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|errs| errs.iter().filter_map(|e| e["field"].as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    }

    /// Asserts 422 validation_failed with an error of this code on a field containing `field`.
    #[track_caller]
    pub fn validation_code(&self, field: &str, code: &str) {
        self.validation(field);
        let errs = self.body["errors"].as_array().cloned().unwrap_or_default();
        assert!(
            errs.iter().any(|e| e["field"].as_str().is_some_and(|f| f.contains(field)) && e["code"] == code),
            "{}: expected error code {code:?} on {field:?}: {}",
            self.desc,
            self.text
        );
    }

    /// Asserts 422 validation_failed naming a field that contains `field`.
    #[track_caller]
    pub fn validation(&self, field: &str) {
        self.problem(422, "validation_failed");
        let fields = self.error_fields();
        assert!(fields.iter().any(|f| f.contains(field)), "{}: errors should name {field:?}: {}", self.desc, self.text);
    }
}

/// The JSON pointer of the first place where `a` and `b` differ, with both values.
pub fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| {
                let null = Value::Null;
                first_difference(x.get(k).unwrap_or(&null), y.get(k).unwrap_or(&null), format!("{at}/{k}"))
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| first_difference(p, q, format!("{at}/{i}")))
        }
        _ if a == b => None,
        _ => Some(format!("{at}: {a} vs {b}")),
    }
}

/// Asserts two JSON documents are equal, naming the first difference.
#[track_caller]
pub fn assert_same(a: &Value, b: &Value, what: &str) {
    if let Some(diff) = first_difference(a, b, String::new()) {
        panic!("{what}: differs at {diff}");
    }
}
