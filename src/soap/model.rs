//! The SOAP view of the API, derived from the OpenAPI document: every operation with its
//! request and response elements, and every schema as an XML type. The WSDL is written
//! from this model and envelopes are translated by it, so neither needs per-operation code.

use std::collections::BTreeMap;

use serde_json::Value;

/// The XML type of a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XType {
    String,
    DateTime,
    Decimal,
    Long,
    Int,
    Boolean,
    Double,
    /// A named schema: a complex type or an enumeration.
    Named(String),
    /// A map of strings: repeated `entry` elements with `key` and `value`.
    StringMap,
    /// Free-form JSON, carried as text.
    Json,
}

/// An element of a sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub ty: XType,
    pub required: bool,
    pub nullable: bool,
    pub repeated: bool,
    pub doc: Option<String>,
}

/// A named schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeDef {
    Complex { fields: Vec<Field>, doc: Option<String> },
    Enum { values: Vec<String>, doc: Option<String> },
}

/// Where an operation's request field goes when the call becomes a REST request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Path,
    Query,
    Body,
}

/// A request field and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub field: Field,
    pub slot: Slot,
}

/// One operation: the REST route it runs and its SOAP shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The REST operationId, also the SOAP operation and request element name.
    pub name: String,
    pub method: String,
    pub path: String,
    pub inputs: Vec<Input>,
    /// Whether the REST operation has a body (sent as `{}` when no body field is given).
    pub has_body: bool,
    /// HTTP header parameters (`Idempotency-Key`, `If-Match`), taken from SOAP headers.
    pub headers: Vec<String>,
    /// The children of the response element: none, or one element named after the
    /// success schema and of its type. One child makes a Java (JAX-WS) or .NET client
    /// return the object itself, and a type name (PascalCase) never meets a request
    /// child (snake_case fields), which wrapper-style mapping could not express.
    pub outputs: Vec<Field>,
    pub secured: bool,
    pub doc: String,
}

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub types: BTreeMap<String, TypeDef>,
    pub operations: Vec<Operation>,
}

#[derive(Debug, thiserror::Error)]
#[error("the OpenAPI document cannot be expressed in SOAP: {0}")]
pub struct ModelError(pub String);

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn ref_name(v: &Value) -> Option<&str> {
    v.get("$ref")?.as_str()?.strip_prefix("#/components/schemas/")
}

fn doc_of(v: &Value) -> Option<String> {
    v.get("description").and_then(Value::as_str).map(str::to_owned)
}

/// The type of a property schema, and whether it admits null.
fn field_type(schema: &Value, at: &str) -> Result<(XType, bool, bool), ModelError> {
    if let Some(name) = ref_name(schema) {
        return Ok((XType::Named(name.to_owned()), false, false));
    }
    if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
        let non_null: Vec<&Value> = alts.iter().filter(|a| a.get("type") != Some(&Value::from("null"))).collect();
        if let ([only], true) = (non_null.as_slice(), alts.len() == 2) {
            let (t, _, rep) = field_type(only, at)?;
            return Ok((t, true, rep));
        }
        return Err(ModelError(format!("{at}: oneOf other than `T | null`")));
    }
    let (ty, nullable) = match schema.get("type") {
        Some(Value::String(t)) => (t.clone(), false),
        Some(Value::Array(ts)) => {
            let named: Vec<&str> = ts.iter().filter_map(Value::as_str).filter(|t| *t != "null").collect();
            match named.as_slice() {
                [t] => ((*t).to_owned(), ts.len() == 2),
                _ => return Err(ModelError(format!("{at}: union type {ts:?}"))),
            }
        }
        // No type at all: any JSON value.
        _ => return Ok((XType::Json, true, false)),
    };
    let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
    let x = match ty.as_str() {
        "string" if format == "date-time" => XType::DateTime,
        "string" if format == "decimal" => XType::Decimal,
        "string" => XType::String,
        "integer" if format == "int64" => XType::Long,
        "integer" => XType::Int,
        "boolean" => XType::Boolean,
        "number" => XType::Double,
        "array" => {
            let items = schema.get("items").ok_or_else(|| ModelError(format!("{at}: array without items")))?;
            let (t, _, rep) = field_type(items, at)?;
            if rep {
                return Err(ModelError(format!("{at}: nested arrays")));
            }
            return Ok((t, nullable, true));
        }
        "object" => match schema.get("additionalProperties") {
            Some(ap) if ap.get("type") == Some(&Value::from("string")) => XType::StringMap,
            _ if schema.get("properties").is_some() => {
                return Err(ModelError(format!("{at}: inline object; give it a named schema")))
            }
            _ => XType::Json,
        },
        other => return Err(ModelError(format!("{at}: type {other}"))),
    };
    Ok((x, nullable, false))
}

fn fields_of(schema: &Value, at: &str) -> Result<Vec<Field>, ModelError> {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut fields = Vec::new();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            let (ty, nullable, repeated) = field_type(prop, &format!("{at}.{name}"))?;
            fields.push(Field {
                name: name.clone(),
                ty,
                required: required.contains(&name.as_str()) && !repeated,
                nullable,
                repeated,
                doc: doc_of(prop),
            });
        }
    }
    Ok(fields)
}

/// A named schema that is a plain scalar (a string of a pattern, say), not an enum or an
/// object: in XML Schema its fields are of the scalar's own type, so references to it are
/// replaced by its schema and it gets no type of its own.
fn is_scalar_alias(schema: &Value) -> bool {
    let scalar =
        matches!(schema.get("type").and_then(Value::as_str), Some("string" | "integer" | "number" | "boolean"));
    scalar && schema.get("enum").is_none()
}

fn inline_refs(v: &mut Value, aliases: &serde_json::Map<String, Value>) {
    if let Some(schema) = ref_name(v).and_then(|name| aliases.get(name)) {
        *v = schema.clone();
        return;
    }
    match v {
        Value::Object(o) => o.values_mut().for_each(|x| inline_refs(x, aliases)),
        Value::Array(a) => a.iter_mut().for_each(|x| inline_refs(x, aliases)),
        _ => {}
    }
}

/// Whether two element names become the same identifier in generated code (JAXB and
/// svcutil drop `_` and change case: `max_attempts` and `maxAttempts` are one name).
pub fn same_identifier(a: &str, b: &str) -> bool {
    let key = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    key(a) == key(b)
}

impl Model {
    /// Builds the model from an OpenAPI 3.1 document (as JSON).
    pub fn from_openapi(spec: &Value) -> Result<Model, ModelError> {
        let mut model = Model::default();
        let mut spec = spec.clone();
        let aliases: serde_json::Map<String, Value> = spec
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|all| all.iter().filter(|(_, s)| is_scalar_alias(s)).map(|(n, s)| (n.clone(), s.clone())).collect())
            .unwrap_or_default();
        inline_refs(&mut spec, &aliases);
        let spec = &spec;
        let mut schemas = spec.pointer("/components/schemas").and_then(Value::as_object).cloned().unwrap_or_default();
        schemas.retain(|name, _| !aliases.contains_key(name));
        for (name, schema) in &schemas {
            let def = match schema.get("enum").and_then(Value::as_array) {
                Some(values) => TypeDef::Enum {
                    values: values.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
                    doc: doc_of(schema),
                },
                None => TypeDef::Complex { fields: fields_of(schema, name)?, doc: doc_of(schema) },
            };
            model.types.insert(name.clone(), def);
        }
        let paths = spec.get("paths").and_then(Value::as_object).cloned().unwrap_or_default();
        for (path, item) in &paths {
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    model.operations.push(model.operation(path, method, op, &schemas)?);
                }
            }
        }
        model.operations.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(model)
    }

    fn operation(
        &self,
        path: &str,
        method: &str,
        op: &Value,
        schemas: &serde_json::Map<String, Value>,
    ) -> Result<Operation, ModelError> {
        let name = op
            .get("operationId")
            .and_then(Value::as_str)
            .ok_or_else(|| ModelError(format!("{method} {path} has no operationId")))?
            .to_owned();
        let mut inputs = Vec::new();
        let mut headers = Vec::new();
        for p in op.get("parameters").and_then(Value::as_array).into_iter().flatten() {
            let pname = p.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
            let schema = p.get("schema").cloned().unwrap_or(Value::Null);
            let slot = match p.get("in").and_then(Value::as_str) {
                Some("path") => Slot::Path,
                Some("query") => Slot::Query,
                Some("header") => {
                    headers.push(pname);
                    continue;
                }
                other => return Err(ModelError(format!("{name}: parameter in {other:?}"))),
            };
            let (ty, nullable, repeated) = field_type(&schema, &format!("{name}.{pname}"))?;
            let required = p.get("required").and_then(Value::as_bool).unwrap_or(false);
            inputs.push(Input { field: Field { name: pname, ty, required, nullable, repeated, doc: doc_of(p) }, slot });
        }
        let body = op.pointer("/requestBody/content/application~1json/schema");
        if let Some(body) = body {
            let fields = match ref_name(body) {
                Some(r) => fields_of(schemas.get(r).unwrap_or(&Value::Null), r)?,
                None => fields_of(body, &name)?,
            };
            for f in fields {
                if inputs.iter().any(|i| i.field.name == f.name) {
                    return Err(ModelError(format!("{name}: body field `{}` collides with a parameter", f.name)));
                }
                inputs.push(Input { field: f, slot: Slot::Body });
            }
        }
        let success = op
            .get("responses")
            .and_then(Value::as_object)
            .and_then(|r| r.iter().find(|(code, _)| code.starts_with('2')))
            .map(|(_, r)| r.clone())
            .ok_or_else(|| ModelError(format!("{name} has no success response")))?;
        let outputs = match success.pointer("/content/application~1json/schema") {
            Some(s) => {
                let r = ref_name(s)
                    .ok_or_else(|| ModelError(format!("{name}: inline success schema; give it a named schema")))?;
                vec![Field {
                    name: r.to_owned(),
                    ty: XType::Named(r.to_owned()),
                    required: true,
                    nullable: false,
                    repeated: false,
                    doc: None,
                }]
            }
            None => Vec::new(),
        };
        if let Some(clash) = outputs.iter().find(|o| inputs.iter().any(|i| same_identifier(&i.field.name, &o.name))) {
            return Err(ModelError(format!("{name}: the response child `{}` meets a request child", clash.name)));
        }
        let secured = op
            .get("security")
            .and_then(Value::as_array)
            .is_none_or(|s| s.iter().any(|r| r.as_object().is_some_and(|o| !o.is_empty())));
        let summary = op.get("summary").and_then(Value::as_str).unwrap_or_default();
        let description = op.get("description").and_then(Value::as_str).unwrap_or_default();
        Ok(Operation {
            name,
            method: method.to_uppercase(),
            path: path.to_owned(),
            inputs,
            has_body: body.is_some() || op.get("requestBody").is_some(),
            headers,
            outputs,
            secured,
            doc: [summary, description].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("\n\n"),
        })
    }

    pub fn operation_named(&self, name: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.name == name)
    }

    pub fn complex(&self, name: &str) -> Option<&[Field]> {
        match self.types.get(name) {
            Some(TypeDef::Complex { fields, .. }) => Some(fields),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec(param: &str, success: Value) -> Value {
        json!({
            "components": {"schemas": {"ThingOut": {"type": "object", "properties": {"id": {"type": "string"}}}}},
            "paths": {"/things": {"get": {
                "operationId": "ThingList",
                "parameters": [{"name": param, "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"content": {"application/json": {"schema": success}}}}
            }}}
        })
    }

    #[test]
    fn the_response_child_is_the_success_type_and_never_a_request_name() {
        let ok = Model::from_openapi(&spec("cursor", json!({"$ref": "#/components/schemas/ThingOut"}))).expect("model");
        let out = &ok.operation_named("ThingList").expect("op").outputs;
        assert_eq!(
            out.iter().map(|f| (f.name.as_str(), &f.ty)).collect::<Vec<_>>(),
            [("ThingOut", &XType::Named("ThingOut".into()))]
        );
        for clash in ["ThingOut", "thing_out"] {
            let err = Model::from_openapi(&spec(clash, json!({"$ref": "#/components/schemas/ThingOut"}))).map(|_| ());
            assert!(err.is_err_and(|e| e.0.contains("meets a request child")), "{clash}");
        }
        let inline = Model::from_openapi(&spec("cursor", json!({"type": "object", "properties": {}}))).map(|_| ());
        assert!(inline.is_err_and(|e| e.0.contains("inline success schema")));
        assert!(same_identifier("max_attempts", "maxAttempts") && !same_identifier("enabled", "enable"));
    }
}
