//! The OpenAPI contract, built from the registered handlers (no config, no database).

use actix_web::App;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Spec, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use stratum_api::{ErrorCode, FieldError, Problem};

mod body_rules;
mod webhooks;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Stratum API",
        description = "Billing and provisioning for hosting and cloud service providers. \
                       Conventions (auth, errors, pagination, idempotency, concurrency): docs/api.md.",
        license(name = "Apache-2.0", identifier = "Apache-2.0")
    ),
    components(schemas(Problem, ErrorCode, FieldError)),
    tags(
        (name = "Auth", description = "API keys to access tokens"),
        (name = "Accounts", description = "The provider, its resellers and customers"),
        (name = "Users", description = "Staff of accounts"),
        (name = "Roles", description = "Roles and permissions"),
        (name = "API keys", description = "Credentials of integrations"),
        (name = "Events", description = "The event catalog and the event log"),
        (name = "Webhooks", description = "Webhook endpoints, deliveries and their attempts, and the webhooks Stratum sends (one per event type)"),
        (name = "Catalog", description = "Resource types, service templates, plans, brands, coupons and quotes"),
        (name = "Orders", description = "Orders: a customer buys plans, priced when placed and run through a workflow; fraud rules"),
        (name = "Subscriptions", description = "Subscriptions: what completed orders leave, one per order line"),
        (name = "Script actions", description = "Calls to external scripts when events happen"),
        (name = "Notifications", description = "E-mail templates per event and language, and the notification log"),
        (name = "Tasks", description = "Durable asynchronous work: deliveries, notifications, script calls"),
        (name = "Test clock", description = "Time travel for sandbox servers"),
    )
)]
struct ApiDoc;

/// Adds what every operation shares: bearer auth (unless it declares its own security)
/// and the problem document as the `default` response.
struct Conventions;

impl Modify for Conventions {
    fn modify(&self, spec: &mut Spec) {
        let components = spec.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
        let problem = ResponseBuilder::new()
            .description("An error, as an RFC 9457 problem document with a stable `code`")
            .content(
                "application/problem+json",
                ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build(),
            )
            .build();
        for item in spec.paths.paths.values_mut() {
            let ops: [&mut Option<Operation>; 5] =
                [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
            for op in ops.into_iter().flatten() {
                unwrap_optional_body(op);
                op.responses.responses.insert("default".into(), problem.clone().into());
                let authenticated = op.security.is_none();
                op.security = match op.security.take() {
                    None => Some(vec![SecurityRequirement::new("bearer", Vec::<String>::new())]),
                    // `security(())` on a handler means "no authentication": an empty list,
                    // not one empty requirement (which generators read as "optional").
                    Some(_) => Some(Vec::new()),
                };
                if authenticated {
                    add_access_rule(op);
                }
            }
        }
    }
}

/// The operation's row of `access::TABLE` as `x-authorization`.
fn add_access_rule(op: &mut Operation) {
    let Some(access) = op.operation_id.as_deref().and_then(super::access::of) else { return };
    op.extensions.get_or_insert_with(Default::default).insert("x-authorization".to_owned(), access.extension());
}

/// An optional body is declared `Option<T>` on the handler, which utoipa renders as
/// `T | null` and not required. The body must not be `null`, only absent: keep `T`.
fn unwrap_optional_body(op: &mut Operation) {
    use utoipa::openapi::schema::Schema;
    use utoipa::openapi::RefOr;
    let Some(RefOr::T(body)) = op.request_body.as_mut() else { return };
    for content in body.content.values_mut() {
        let RefOr::T(content) = content else { continue };
        if let Some(RefOr::T(Schema::OneOf(one_of))) = &content.schema {
            if let Some(reference) = one_of.items.iter().find(|i| matches!(i, RefOr::Ref(_))).cloned() {
                content.schema = Some(reference);
            }
        }
    }
}

/// The spec of every `/api/v1` operation, without webhooks: what the SOAP contract is
/// built from (a webhook is a call Stratum makes, not an operation it serves).
pub fn operations() -> Spec {
    let (_, mut spec) =
        App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(super::api_routes).split_for_parts();
    spec.info.version = env!("CARGO_PKG_VERSION").to_owned();
    Conventions.modify(&mut spec);
    body_rules::add(&mut spec);
    spec
}

/// The whole contract: the operations and the `webhooks` section (one entry per event
/// type, built from the event table in `webhooks.rs`).
pub fn spec() -> Spec {
    with_webhooks(operations())
}

/// `operations` with the `webhooks` section added.
pub fn with_webhooks(mut spec: Spec) -> Spec {
    webhooks::add(&mut spec);
    spec
}

/// The committed form: pretty JSON with a final newline, the same text on every run.
pub fn spec_json() -> String {
    let mut doc = serde_json::to_value(spec()).unwrap_or_default();
    order_conditionals(&mut doc);
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Puts `if`, `then`, `else` last and in this order wherever they are: they come from a
/// schema's extensions, a hash map whose order changes from run to run.
fn order_conditionals(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            for key in ["if", "then", "else"] {
                if let Some(x) = o.shift_remove(key) {
                    o.insert(key.to_owned(), x);
                }
            }
            o.values_mut().for_each(order_conditionals);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(order_conditionals),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_spec_matches_the_code() {
        let committed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json")).unwrap_or_default();
        assert!(
            committed == spec_json(),
            "openapi/openapi.json differs from the code; regenerate it with:\n    cargo run -- openapi > openapi/openapi.json"
        );
    }

    #[test]
    fn operation_ids_are_unique_pascal_case_and_every_operation_is_documented() {
        let spec = spec();
        let mut seen = std::collections::HashSet::new();
        for (path, item) in &spec.paths.paths {
            for op in [&item.get, &item.post, &item.put, &item.patch, &item.delete].into_iter().flatten() {
                let id = op.operation_id.clone().unwrap_or_default();
                assert!(id.chars().next().is_some_and(|c| c.is_ascii_uppercase()), "{path}: `{id}`");
                assert!(id.chars().all(|c| c.is_ascii_alphanumeric()), "{path}: `{id}`");
                assert!(seen.insert(id.clone()), "{id} twice");
                assert!(op.description.is_some() || op.summary.is_some(), "{id} undocumented");
            }
        }
        assert!(seen.contains("AccountCreate") && seen.contains("EventTypeList"));
    }

    #[test]
    fn every_authenticated_operation_has_an_access_rule() {
        let spec = spec();
        let mut ids = std::collections::HashSet::new();
        for (path, item) in &spec.paths.paths {
            for op in [&item.get, &item.post, &item.put, &item.patch, &item.delete].into_iter().flatten() {
                let id = op.operation_id.clone().unwrap_or_default();
                let public = op.security.as_ref().is_some_and(Vec::is_empty);
                let rule = op.extensions.as_ref().and_then(|e| e.get("x-authorization"));
                assert_eq!(rule.is_some(), !public, "{path} {id}: an access rule exactly when it needs a token");
                ids.insert(id);
            }
        }
        for (id, _) in super::super::access::TABLE {
            assert!(ids.contains(*id), "access::TABLE names {id}, which is no operation");
        }
    }
}
