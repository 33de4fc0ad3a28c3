//! Between XML elements and JSON values, guided by the model's types: requests become the
//! REST call they stand for, REST answers become response elements.

use std::fmt::Write;

use serde_json::{Map, Value};

use super::model::{Field, Model, Operation, Slot, TypeDef, XType};
use super::wsdl::NAMESPACE;
use super::xml::{escape, Element};

/// A field the request got wrong, by its path in the request element.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("`{path}`: {message}")]
pub struct ConvertError {
    pub path: String,
    pub message: String,
    pub kind: ConvertErrorKind,
}

/// What a request got wrong: the shape of its XML, or a value in a well-formed request.
/// The fault code follows the kind (`invalid_body` or `validation_failed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvertErrorKind {
    /// An element the operation does not have, in the wrong namespace, or repeated.
    Structure,
    /// A value that is missing or not of its type.
    Value,
}

fn err(path: &str, message: impl Into<String>) -> ConvertError {
    ConvertError { path: path.to_owned(), message: message.into(), kind: ConvertErrorKind::Value }
}

fn malformed(path: &str, message: impl Into<String>) -> ConvertError {
    ConvertError { path: path.to_owned(), message: message.into(), kind: ConvertErrorKind::Structure }
}

/// The REST request a SOAP operation element stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct RestCall {
    pub method: String,
    /// Path and query string.
    pub uri: String,
    pub body: Option<Value>,
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Collects the children of `el` by the fields they belong to, refusing strangers.
fn group<'e, 'f>(
    el: &'e Element,
    fields: &'f [&'f Field],
    path: &str,
) -> Result<Vec<(&'f Field, Vec<&'e Element>)>, ConvertError> {
    let mut groups: Vec<(&Field, Vec<&Element>)> = fields.iter().map(|f| (*f, Vec::new())).collect();
    for child in &el.children {
        let at = format!("{path}/{}", child.name);
        if child.ns.as_deref() != Some(NAMESPACE) {
            return Err(malformed(&at, format!("the element must be in the namespace {NAMESPACE}")));
        }
        let slot =
            groups.iter_mut().find(|(f, _)| f.name == child.name).ok_or_else(|| malformed(&at, "unknown element"))?;
        if !slot.0.repeated && !slot.1.is_empty() {
            return Err(malformed(&at, "the element may appear only once"));
        }
        slot.1.push(child);
    }
    if !el.text.trim().is_empty() {
        return Err(err(path, "text is not allowed here"));
    }
    Ok(groups)
}

fn scalar_text(el: &Element) -> &str {
    el.text.trim()
}

/// The lexical form of xsd:decimal: an optional sign, digits with at most one point, at
/// least one digit.
fn is_xsd_decimal(t: &str) -> bool {
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    !(int.is_empty() && frac.is_empty())
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
}

fn value(model: &Model, ty: &XType, el: &Element, path: &str) -> Result<Value, ConvertError> {
    if el.is_nil() {
        return Ok(Value::Null);
    }
    let text = scalar_text(el);
    let leaf = |el: &Element| {
        if el.children.is_empty() {
            Ok(())
        } else {
            Err(err(path, "a simple value cannot have child elements"))
        }
    };
    match ty {
        XType::String | XType::DateTime => {
            leaf(el)?;
            Ok(Value::String(el.text.clone()))
        }
        XType::Decimal => {
            leaf(el)?;
            // xsd:decimal: surrounding white space collapses; no exponent.
            let t = text.trim();
            if is_xsd_decimal(t) {
                Ok(Value::String(t.to_owned()))
            } else {
                Err(err(path, "must be a decimal number (xsd:decimal, e.g. 12.50)"))
            }
        }
        XType::Long | XType::Int => {
            leaf(el)?;
            text.parse::<i64>().map(Value::from).map_err(|_| err(path, "must be an integer"))
        }
        XType::Double => {
            leaf(el)?;
            text.parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| err(path, "must be a number"))
        }
        XType::Boolean => {
            leaf(el)?;
            match text {
                "true" | "1" => Ok(Value::Bool(true)),
                "false" | "0" => Ok(Value::Bool(false)),
                _ => Err(err(path, "must be true or false")),
            }
        }
        XType::Json => {
            leaf(el)?;
            serde_json::from_str(text).map_err(|e| err(path, format!("must be JSON text: {e}")))
        }
        XType::StringMap => {
            let mut map = Map::new();
            for entry in &el.children {
                let at = format!("{path}/{}", entry.name);
                if entry.name != "entry" || entry.ns.as_deref() != Some(NAMESPACE) {
                    return Err(err(&at, "a map holds only `entry` elements"));
                }
                let key = entry.child(NAMESPACE, "key").ok_or_else(|| err(&at, "an entry needs a `key`"))?;
                let val = entry.child(NAMESPACE, "value").ok_or_else(|| err(&at, "an entry needs a `value`"))?;
                if entry.children.len() != 2 {
                    return Err(err(&at, "an entry holds exactly `key` and `value`"));
                }
                map.insert(key.text.clone(), Value::String(val.text.clone()));
            }
            Ok(Value::Object(map))
        }
        XType::Named(name) => match model.types.get(name) {
            Some(TypeDef::Enum { .. }) => {
                leaf(el)?;
                Ok(Value::String(text.to_owned()))
            }
            Some(TypeDef::Complex { fields, .. }) => {
                let refs: Vec<&Field> = fields.iter().collect();
                object(model, &refs, el, path).map(Value::Object)
            }
            None => Err(err(path, format!("unknown type {name}"))),
        },
    }
}

fn object(model: &Model, fields: &[&Field], el: &Element, path: &str) -> Result<Map<String, Value>, ConvertError> {
    let mut out = Map::new();
    for (field, els) in group(el, fields, path)? {
        if els.is_empty() {
            continue;
        }
        let at = |e: &Element| format!("{path}/{}", e.name);
        let v = if field.repeated {
            Value::Array(els.iter().map(|e| value(model, &field.ty, e, &at(e))).collect::<Result<_, _>>()?)
        } else {
            value(model, &field.ty, els[0], &at(els[0]))?
        };
        out.insert(field.name.clone(), v);
    }
    Ok(out)
}

/// The REST call for the operation element `el`.
pub fn to_rest(model: &Model, op: &Operation, el: &Element) -> Result<RestCall, ConvertError> {
    let path = format!("/{}", op.name);
    let fields: Vec<&Field> = op.inputs.iter().map(|i| &i.field).collect();
    let mut values = object(model, &fields, el, &path)?;
    let mut uri = op.path.clone();
    let mut query = Vec::new();
    let mut body = Map::new();
    for input in &op.inputs {
        let name = &input.field.name;
        let Some(v) = values.remove(name) else {
            if input.slot == Slot::Path {
                return Err(err(&format!("{path}/{name}"), "is required"));
            }
            continue;
        };
        let text = || match &v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match input.slot {
            Slot::Path => uri = uri.replace(&format!("{{{name}}}"), &encode(&text())),
            Slot::Query if !v.is_null() => query.push(format!("{}={}", encode(name), encode(&text()))),
            Slot::Query => {}
            Slot::Body => {
                body.insert(name.clone(), v);
            }
        }
    }
    if !query.is_empty() {
        uri = format!("{uri}?{}", query.join("&"));
    }
    Ok(RestCall { method: op.method.clone(), uri, body: op.has_body.then_some(Value::Object(body)) })
}

fn write_value(out: &mut String, model: &Model, name: &str, ty: &XType, v: &Value) {
    match (ty, v) {
        (_, Value::Null) => {}
        (XType::Json, v) => {
            let _ = write!(out, "<{name}>{}</{name}>", escape(&v.to_string()));
        }
        (XType::StringMap, Value::Object(map)) => {
            let _ = write!(out, "<{name}>");
            for (k, val) in map {
                let val = match val {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let _ = write!(out, "<entry><key>{}</key><value>{}</value></entry>", escape(k), escape(&val));
            }
            let _ = write!(out, "</{name}>");
        }
        (XType::Named(t), Value::Object(map)) => {
            let _ = write!(out, "<{name}>");
            if let Some(fields) = model.complex(t) {
                write_fields(out, model, fields, map);
            }
            let _ = write!(out, "</{name}>");
        }
        (_, Value::String(s)) => {
            let _ = write!(out, "<{name}>{}</{name}>", escape(s));
        }
        (_, v) => {
            let _ = write!(out, "<{name}>{v}</{name}>");
        }
    }
}

fn write_fields(out: &mut String, model: &Model, fields: &[Field], map: &Map<String, Value>) {
    for f in fields {
        match map.get(&f.name) {
            Some(Value::Array(items)) if f.repeated => {
                for item in items {
                    write_value(out, model, &f.name, &f.ty, item);
                }
            }
            Some(v) => write_value(out, model, &f.name, &f.ty, v),
            None => {}
        }
    }
}

/// The XML element `<name xmlns="urn:stratum:api:v1">` holding `fields` taken from `json`.
pub fn to_xml(model: &Model, name: &str, fields: &[Field], json: &Value) -> String {
    let mut out = format!("<{name} xmlns=\"{NAMESPACE}\">");
    if let Value::Object(map) = json {
        write_fields(&mut out, model, fields, map);
    }
    let _ = write!(out, "</{name}>");
    out
}

/// The response element of `op` for the REST answer `json`: the answer inside the one
/// child named after its type, or an empty element when the operation answers nothing.
pub fn response_xml(model: &Model, op: &Operation, json: &Value) -> String {
    let name = format!("{}Response", op.name);
    let mut out = format!("<{name} xmlns=\"{NAMESPACE}\">");
    for f in &op.outputs {
        write_value(&mut out, model, &f.name, &f.ty, json);
    }
    let _ = write!(out, "</{name}>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::soap::xml::parse;
    use serde_json::json;

    fn model() -> Model {
        Model::from_openapi(&serde_json::to_value(crate::rest::openapi::operations()).expect("spec")).expect("model")
    }

    #[test]
    fn decimals_take_the_xsd_lexical_form() {
        for ok in ["5", "5.00", "-0.5", "+12.", ".25"] {
            assert!(is_xsd_decimal(ok), "{ok}");
        }
        for bad in ["", ".", "1e2", "abc", "1.2.3", "- 1", "NaN"] {
            assert!(!is_xsd_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn a_request_element_becomes_its_rest_call() {
        let m = model();
        let op = m.operation_named("AccountUpdate").expect("op");
        let el = parse(
            br#"<AccountUpdate xmlns="urn:stratum:api:v1"><id>acc_1 2</id><name>N</name>
                <metadata><entry><key>crm</key><value>42</value></entry></metadata>
                <address><line1>L</line1><city>C</city><postal_code>P</postal_code><country>DE</country></address>
                <email xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/></AccountUpdate>"#,
        )
        .expect("xml");
        let call = to_rest(&m, op, &el).expect("converts");
        assert_eq!(call.method, "PATCH");
        assert_eq!(call.uri, "/api/v1/accounts/acc_1%202");
        assert_eq!(
            call.body,
            Some(json!({"name": "N", "metadata": {"crm": "42"}, "email": null,
                "address": {"line1": "L", "city": "C", "postal_code": "P", "country": "DE"}}))
        );
    }

    #[test]
    fn query_parameters_and_typed_values() {
        let m = model();
        let op = m.operation_named("AccountList").expect("op");
        let el =
            parse(br#"<AccountList xmlns="urn:stratum:api:v1"><limit>2</limit><kind>reseller</kind></AccountList>"#)
                .expect("xml");
        assert_eq!(to_rest(&m, op, &el).expect("converts").uri, "/api/v1/accounts?limit=2&kind=reseller");
        let bad = parse(br#"<AccountList xmlns="urn:stratum:api:v1"><limit>two</limit></AccountList>"#).expect("xml");
        assert_eq!(to_rest(&m, op, &bad).map_err(|e| e.path), Err("/AccountList/limit".to_owned()));
        let unknown = parse(br#"<AccountList xmlns="urn:stratum:api:v1"><bogus/></AccountList>"#).expect("xml");
        assert!(to_rest(&m, op, &unknown).is_err());
        let get = m.operation_named("AccountGet").expect("op");
        let missing = parse(br#"<AccountGet xmlns="urn:stratum:api:v1"/>"#).expect("xml");
        assert_eq!(to_rest(&m, get, &missing).map_err(|e| e.message), Err("is required".to_owned()));
    }

    #[test]
    fn a_rest_answer_becomes_the_response_element() {
        let m = model();
        let op = m.operation_named("AccountList").expect("op");
        let json = json!({"data": [{"id": "a1", "kind": "customer", "name": "X & Y", "metadata": {"k": "v"},
            "version": 1, "parent_id": null}], "next_cursor": null});
        let page = &op.outputs[0].name;
        let xml = response_xml(&m, op, &json);
        assert_eq!(
            xml,
            format!(
                "<AccountListResponse xmlns=\"urn:stratum:api:v1\"><{page}><data><id>a1</id><kind>customer</kind>\
                 <name>X &amp; Y</name><metadata><entry><key>k</key><value>v</value></entry></metadata>\
                 <version>1</version></data></{page}></AccountListResponse>"
            )
        );
        let delete = m.operations.iter().find(|o| o.outputs.is_empty()).expect("an operation without content");
        assert_eq!(
            response_xml(&m, delete, &Value::Null),
            format!("<{0}Response xmlns=\"urn:stratum:api:v1\"></{0}Response>", delete.name)
        );
    }
}
