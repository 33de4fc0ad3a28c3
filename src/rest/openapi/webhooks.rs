//! The contract's `webhooks` section (OpenAPI 3.1): one entry per event type, keyed by its
//! wire name, describing the `POST` Stratum sends to webhook endpoints.
//!
//! utoipa derives `paths` from the handlers but has nothing to derive webhooks from, so
//! they are built here from the event table. The body of a delivery is the event exactly as
//! `GET /api/v1/events/{id}` answers it (`EventOut`, see `service::messaging::dispatch`); what
//! this adds is the type of `data`: one envelope component per payload schema
//! (`AccountEvent` is `EventOut` with `type` one of the account events and `data` an
//! `AccountOut`), and `WebhookEvent`, every envelope by `type`, to parse any body with.
//! They are components (not inline schemas) so that the client generators emit them.
//! The SOAP contract is built from `paths` alone (`super::operations`): none of this is in it.

use std::collections::BTreeMap;

use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{Discriminator, ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::openapi::{ContentBuilder, OpenApi as Spec, Paths, Ref, RefOr, Required, ResponseBuilder};

use crate::events::CATALOG;

/// The component that parses any webhook body.
pub const UNION: &str = "WebhookEvent";

/// The envelope component of a payload schema: `AccountOut` → `AccountEvent`,
/// `OrderEventData` → `OrderEvent`.
pub fn envelope_name(payload: &str) -> String {
    let base = payload.strip_suffix("EventData").or_else(|| payload.strip_suffix("Out")).unwrap_or(payload);
    format!("{base}Event")
}

/// The operation id of an event type's webhook: `account.hold.placed` → `AccountHoldPlacedWebhook`
/// (never a REST operation id, so never a SOAP operation either).
pub fn operation_id(event_type: &str) -> String {
    let mut id = String::new();
    for word in event_type.split(['.', '_']) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            id.push(first.to_ascii_uppercase());
            id.extend(chars);
        }
    }
    id.push_str("Webhook");
    id
}

/// Adds the payload schemas, the envelopes, `WebhookEvent` and the `webhooks` section.
pub fn add(spec: &mut Spec) {
    let components = spec.components.get_or_insert_with(Default::default);
    let Some(RefOr::T(Schema::Object(event))) = components.schemas.get("EventOut").cloned() else {
        panic!("EventOut is a component (GET /api/v1/events/{{id}} answers it)");
    };

    // The payload schemas: most are components already (their REST operations answer them),
    // the placeholders are not.
    let mut collected = Vec::new();
    for d in CATALOG {
        d.event_type.payload_schemas(&mut collected);
    }
    for (name, schema) in collected {
        components.schemas.entry(name).or_insert(schema);
    }

    // One envelope per payload schema, in the order the table first names it.
    let mut envelopes: Vec<(&str, Vec<&str>)> = Vec::new();
    for d in CATALOG {
        match envelopes.iter_mut().find(|(p, _)| *p == d.payload) {
            Some((_, names)) => names.push(d.name),
            None => envelopes.push((d.payload, vec![d.name])),
        }
    }
    let mut mapping = BTreeMap::new();
    let mut union = OneOfBuilder::new()
        .description(Some("An event as delivered on webhooks, typed by its `type`: the envelope whose `type` it is."));
    for (payload, names) in &envelopes {
        let envelope = envelope_name(payload);
        let mut schema = event.clone();
        schema.description = Some(format!(
            "An event whose `data` is of type `{payload}`, as delivered on webhooks and as `GET /api/v1/events/{{id}}` \
             answers it."
        ));
        schema.properties.insert(
            "type".into(),
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some("The event type (the wire name of the catalog)."))
                .enum_values(Some(names.iter().copied()))
                .into(),
        );
        let mut data = Ref::from_schema_name(*payload);
        data.description = "The object's snapshot after the change.".into();
        schema.properties.insert("data".into(), RefOr::Ref(data));
        let reference = format!("#/components/schemas/{envelope}");
        for name in names {
            mapping.insert((*name).to_owned(), reference.clone());
        }
        union = union.item(Ref::new(reference));
        let clash = components.schemas.insert(envelope.clone(), Schema::Object(schema).into());
        assert!(clash.is_none(), "{envelope} is a component already");
    }
    let mut union = union.build();
    union.discriminator = Some(Discriminator::with_mapping("type", mapping));
    components.schemas.insert(UNION.into(), Schema::OneOf(union).into());

    let mut webhooks = Paths::new();
    for d in CATALOG {
        let envelope = envelope_name(d.payload);
        let mut description = format!("Fires when {}.", d.description);
        if let Some(legacy) = d.legacy_name {
            description.push_str(&format!(" Its name in the Parallels event manager: {legacy}."));
        }
        description.push_str(" Signed with the Standard Webhooks headers; see docs/webhooks.md.");
        let op = OperationBuilder::new()
            .operation_id(Some(operation_id(d.name)))
            .tag("Webhooks")
            .summary(Some(format!("`{}` ({}: {})", d.name, d.domain.as_str(), d.object)))
            .description(Some(description))
            .parameters(Some(signature_headers()))
            .request_body(Some(
                RequestBodyBuilder::new()
                    .description(Some("The event, as `GET /api/v1/events/{id}` answers it."))
                    .required(Some(Required::True))
                    .content(
                        "application/json",
                        ContentBuilder::new().schema(Some(Ref::from_schema_name(&envelope))).build(),
                    )
                    .build(),
            ))
            .response("2XX", ResponseBuilder::new().description("Received: the delivery succeeded.").build())
            .response(
                "410",
                ResponseBuilder::new()
                    .description("Gone: the endpoint is disabled at once, nothing is retried.")
                    .build(),
            )
            .response(
                "default",
                ResponseBuilder::new()
                    .description("Any other answer, or none within 10 seconds: a failed attempt, retried later.")
                    .build(),
            )
            .build();
        webhooks.paths.insert(d.name.to_owned(), PathItem::new(HttpMethod::Post, op));
    }
    spec.webhooks = Some(webhooks);
}

/// The Standard Webhooks headers every delivery carries.
fn signature_headers() -> Vec<utoipa::openapi::path::Parameter> {
    [
        ("webhook-id", "The event id: the same for every attempt and replay (deduplicate on it)."),
        ("webhook-timestamp", "Seconds since the epoch, when this attempt was signed."),
        (
            "webhook-signature",
            "`v1,<Base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">`; two, separated by a space, \
             during a secret rotation.",
        ),
    ]
    .into_iter()
    .map(|(name, description)| {
        ParameterBuilder::new()
            .name(name)
            .parameter_in(ParameterIn::Header)
            .required(Required::True)
            .description(Some(description))
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .build()
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_derive_as_documented() {
        assert_eq!(envelope_name("AccountOut"), "AccountEvent");
        assert_eq!(envelope_name("OrderEventData"), "OrderEvent");
        assert_eq!(operation_id("account.hold.placed"), "AccountHoldPlacedWebhook");
        assert_eq!(operation_id("api_key.created"), "ApiKeyCreatedWebhook");
    }

    #[test]
    fn one_webhook_per_event_type_whose_body_is_its_envelope_of_its_payload() {
        let spec = serde_json::to_value(super::super::spec()).expect("spec");
        let webhooks = spec["webhooks"].as_object().expect("a webhooks section");
        assert_eq!(webhooks.len(), CATALOG.len());
        assert_eq!(webhooks.len(), 118);
        let schemas = spec["components"]["schemas"].as_object().expect("components");
        let mut ids = std::collections::HashSet::new();
        for d in CATALOG {
            let op = &webhooks[d.name]["post"];
            assert!(ids.insert(op["operationId"].as_str().expect("an operationId").to_owned()));
            let body = &op["requestBody"]["content"]["application/json"]["schema"]["$ref"];
            let envelope = body.as_str().and_then(|r| r.strip_prefix("#/components/schemas/")).expect("a $ref");
            let envelope = &schemas[envelope];
            assert!(
                envelope["properties"]["type"]["enum"].as_array().is_some_and(|e| e.iter().any(|n| n == d.name)),
                "{}: its envelope does not take its type",
                d.name
            );
            let data = envelope["properties"]["data"]["$ref"].as_str().expect("data is a $ref");
            assert_eq!(data, format!("#/components/schemas/{}", d.payload));
            assert!(schemas.contains_key(d.payload), "{}: {} is not a component", d.name, d.payload);
            assert_eq!(
                spec["components"]["schemas"][UNION]["discriminator"]["mapping"][d.name],
                format!("#/components/schemas/{}", envelope_name(d.payload))
            );
            for status in ["2XX", "410", "default"] {
                assert!(op["responses"][status]["description"].is_string(), "{}: {status}", d.name);
            }
        }
        // Webhook operation ids are not REST (so not SOAP) operation ids.
        for item in spec["paths"].as_object().expect("paths").values() {
            for op in item.as_object().expect("a path item").values() {
                if let Some(id) = op["operationId"].as_str() {
                    assert!(!ids.contains(id), "{id} is a REST operation and a webhook");
                }
            }
        }
    }

    #[test]
    fn every_envelope_has_the_fields_of_an_event() {
        let spec = serde_json::to_value(super::super::spec()).expect("spec");
        let schemas = &spec["components"]["schemas"];
        let event = schemas["EventOut"]["properties"].as_object().expect("EventOut");
        for d in CATALOG {
            let envelope = schemas[envelope_name(d.payload)]["properties"].as_object().expect("an envelope");
            assert_eq!(envelope.keys().collect::<Vec<_>>(), event.keys().collect::<Vec<_>>(), "{}", d.name);
            assert_eq!(schemas[envelope_name(d.payload)]["required"], schemas["EventOut"]["required"]);
        }
    }
}
