//! Schemas of field shapes that many wire types share and that a `#[schema(...)]`
//! attribute cannot spell (rules on map keys and on list items), for `schema_with`. Each
//! says in JSON Schema what the server's field checks enforce, so that the contract
//! refuses what the server refuses.

use utoipa::openapi::schema::{AdditionalProperties, ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::RefOr;

/// An e-mail address as the server checks it: one `@`, a domain with a dot inside, no
/// white space or control characters, at most 254 characters.
pub const EMAIL_PATTERN: &str = r"^[^@\s\x00-\x1f\x7f-\x9f]+@[^@\s\x00-\x1f\x7f-\x9f.][^@\s\x00-\x1f\x7f-\x9f]*\.[^@\s\x00-\x1f\x7f-\x9f]*[^@\s\x00-\x1f\x7f-\x9f.]$";
pub const EMAIL_MAX: usize = 254;

/// A BCP 47 language tag of the common shapes (`en`, `de`, `pt-BR`, `zh-Hant`).
pub const LANGUAGE_PATTERN: &str = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
pub const LANGUAGE_MAX: usize = 35;

/// An http(s) URL with a host and no white space: scheme, optional user info, a host name
/// (or an IPv6 address in brackets), an optional port up to 65535, then anything.
pub fn http_url_pattern() -> String {
    let port = "(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})?";
    format!(r"^https?://([^/?#\s]*@)?(\[{}\]|[^@/?#:\[\]\s]+)(:{port})?([/?#]\S*)?$", ipv6_pattern())
}
pub const HTTP_URL_MAX: usize = 2000;

/// RFC 3986's `IPv6address` (hex groups, one `::`, an IPv4 address in the last 32 bits).
fn ipv6_pattern() -> String {
    let h16 = "[0-9A-Fa-f]{1,4}";
    let octet = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    let ls32 = format!(r"({h16}:{h16}|{octet}\.{octet}\.{octet}\.{octet})");
    // Up to `n` groups before the `::`.
    let head = |n: usize| format!("(({h16}:){{0,{}}}{h16})?", n - 1);
    let forms = [
        format!("({h16}:){{6}}{ls32}"),
        format!("::({h16}:){{5}}{ls32}"),
        format!("({h16})?::({h16}:){{4}}{ls32}"),
        format!("{}::({h16}:){{3}}{ls32}", head(2)),
        format!("{}::({h16}:){{2}}{ls32}", head(3)),
        format!("{}::{h16}:{ls32}", head(4)),
        format!("{}::{ls32}", head(5)),
        format!("{}::{h16}", head(6)),
        format!("{}::", head(7)),
    ];
    format!("({})", forms.join("|"))
}

/// Text that is not blank (a non-space character somewhere).
pub const NOT_BLANK: &str = r"\S";

/// Makes a function of no arguments (what `schema_with` takes) that gives one of the shapes
/// here the field's own description, which `schema_with` would otherwise drop:
/// `described!(sender = optional_mailbox, "The sender …");`
#[macro_export]
macro_rules! described {
    ($name:ident = $shape:ident, $doc:literal) => {
        fn $name() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
            $crate::field_schema::with_description($crate::field_schema::$shape(), $doc)
        }
    };
}

pub fn with_description(schema: RefOr<Schema>, doc: &str) -> RefOr<Schema> {
    match schema {
        RefOr::T(Schema::Object(mut o)) => {
            o.description = Some(doc.to_owned());
            RefOr::T(Schema::Object(o))
        }
        RefOr::T(Schema::Array(mut a)) => {
            a.description = Some(doc.to_owned());
            RefOr::T(Schema::Array(a))
        }
        other => other,
    }
}

fn text(pattern: &str, min: Option<usize>, max: usize, nullable: bool) -> ObjectBuilder {
    let ty = if nullable { SchemaType::from_iter([Type::String, Type::Null]) } else { SchemaType::new(Type::String) };
    ObjectBuilder::new().schema_type(ty).pattern(Some(pattern)).min_length(min).max_length(Some(max))
}

fn list(item: ObjectBuilder, max: usize, nullable: bool) -> RefOr<Schema> {
    let array = ArrayBuilder::new().items(item).max_items(Some(max));
    let array = if nullable { array.schema_type(SchemaType::from_iter([Type::Array, Type::Null])) } else { array };
    array.into()
}

/// Up to 50 pairs for the integrator's own use: keys of 1 to 40 characters, values of at
/// most 500.
pub fn metadata() -> RefOr<Schema> {
    let mut map = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("Up to 50 string pairs for the integrator's own use (e.g. a CRM id): keys of 1 to 40 characters, values of at most 500."))
        .additional_properties(Some(AdditionalProperties::RefOr(
            ObjectBuilder::new().schema_type(Type::String).max_length(Some(500)).into(),
        )))
        .max_properties(Some(50))
        .build();
    map.extensions
        .get_or_insert_with(Default::default)
        .insert("propertyNames".to_owned(), serde_json::json!({"minLength": 1, "maxLength": 40}));
    Schema::Object(map).into()
}

pub fn email() -> RefOr<Schema> {
    text(EMAIL_PATTERN, None, EMAIL_MAX, false).into()
}

pub fn optional_email() -> RefOr<Schema> {
    text(EMAIL_PATTERN, None, EMAIL_MAX, true).into()
}

/// 1 to 20 e-mail addresses, or `null`.
pub fn optional_emails() -> RefOr<Schema> {
    let ty = SchemaType::from_iter([Type::Array, Type::Null]);
    ArrayBuilder::new()
        .schema_type(ty)
        .items(text(EMAIL_PATTERN, None, EMAIL_MAX, false))
        .min_items(Some(1))
        .max_items(Some(20))
        .into()
}

/// A sender: an address, or a display name (no quotes, no angle brackets) and the
/// address in angle brackets (`Billing <billing@example.com>`), at most 200 characters.
pub fn optional_mailbox() -> RefOr<Schema> {
    let bare = &EMAIL_PATTERN[1..EMAIL_PATTERN.len() - 1];
    // Inside a mailbox the address has no angle brackets of its own.
    let address = bare.replace(r"\x7f-\x9f", r"\x7f-\x9f<>");
    let pattern = format!(r#"^\s*({address}|[^"\r\n<>]*<{address}>)\s*$"#);
    text(&pattern, None, 200, true).into()
}

/// Digits, spaces and `+-().`, with at least one digit, at most 40 characters.
pub fn optional_phone() -> RefOr<Schema> {
    text(r"^[0-9 +().-]*[0-9][0-9 +().-]*$", None, 40, true).into()
}

/// Up to 50 language tags.
pub fn languages() -> RefOr<Schema> {
    list(text(LANGUAGE_PATTERN, None, LANGUAGE_MAX, false), 50, false)
}

/// Up to 20 labels of 1 to 64 characters, not blank.
pub fn labels() -> RefOr<Schema> {
    list(text(NOT_BLANK, Some(1), 64, false), 20, false)
}

/// Up to 100 domain names in lower case (`mailinator.com`).
pub fn domain_names() -> RefOr<Schema> {
    let domain = r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
    list(text(domain, Some(3), 253, false), 100, false)
}

pub fn http_url() -> RefOr<Schema> {
    text(&http_url_pattern(), None, HTTP_URL_MAX, false).into()
}

/// Order parameters by name: up to 20, names as a template defines them, values of at most
/// 10,000 characters.
pub fn order_parameters() -> RefOr<Schema> {
    let mut map = ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(AdditionalProperties::RefOr(
            ObjectBuilder::new().schema_type(Type::String).max_length(Some(10_000)).into(),
        )))
        .max_properties(Some(20))
        .build();
    map.extensions
        .get_or_insert_with(Default::default)
        .insert("propertyNames".to_owned(), serde_json::json!({"pattern": "^[a-z][a-z0-9_]{0,63}$"}));
    Schema::Object(map).into()
}
