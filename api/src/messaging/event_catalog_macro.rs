//! `event_catalog!`: turns the one table of event types (`event_type.rs`) into everything
//! that lists them, so nothing else spells an event type out again.

/// Expands the event table into:
/// - `EventType`, one variant per row, with `name`/`FromStr`/`def`;
/// - `CATALOG`, the rows in declaration order (what `GET /api/v1/event-types` lists and
///   `docs/events.md` is rendered from);
/// - `EventPayload`, the typed `data` of an event, one variant per row;
/// - what the OpenAPI `webhooks` section needs: each row's payload schema (by name, and
///   with the schemas it refers to) and the payload's Rust type, checked when an event is
///   emitted.
///
/// A row is `Variant: "wire.name", Domain, object_kind, PayloadType, "fires when"` and
/// optionally `, legacy "name in the old event manager"`, ended by `;`.
macro_rules! event_catalog {
    (@legacy) => { None };
    (@legacy $legacy:literal) => { Some($legacy) };
    ($(
        $variant:ident : $name:literal, $domain:ident, $object:ident, $payload:ident,
            $description:literal $(, legacy $legacy:literal)? ;
    )*) => {
        /// Every event type, by its wire name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum EventType {
            $(
                #[doc = concat!("`", $name, "`: ", $description)]
                $variant,
            )*
        }

        /// The catalog, in the declaration order of `EventType` (so its discriminant indexes it).
        pub static CATALOG: &[EventTypeDef] = &[
            $(
                EventTypeDef {
                    event_type: EventType::$variant,
                    name: $name,
                    domain: EventDomain::$domain,
                    object: stringify!($object),
                    payload: stringify!($payload),
                    description: $description,
                    legacy_name: event_catalog!(@legacy $($legacy)?),
                },
            )*
        ];

        /// The `data` of an event, typed by its event type.
        #[derive(Debug, Clone)]
        pub enum EventPayload {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant($payload),
            )*
        }

        impl EventPayload {
            /// Reads `data` as the payload of `event_type`.
            pub fn parse(event_type: EventType, data: serde_json::Value) -> Result<Self, serde_json::Error> {
                Ok(match event_type {
                    $(EventType::$variant => EventPayload::$variant(serde_json::from_value(data)?),)*
                })
            }

            pub fn event_type(&self) -> EventType {
                match self {
                    $(EventPayload::$variant(_) => EventType::$variant,)*
                }
            }
        }

        impl EventType {
            /// The Rust type of this event type's `data`: the outbox checks that what a
            /// change emits is what the contract promises.
            pub fn payload_type_id(self) -> std::any::TypeId {
                match self {
                    $(EventType::$variant => std::any::TypeId::of::<$payload>(),)*
                }
            }

            /// The name of this event type's payload schema in `components/schemas`.
            pub fn payload_schema_name(self) -> std::borrow::Cow<'static, str> {
                match self {
                    $(EventType::$variant => <$payload as utoipa::ToSchema>::name(),)*
                }
            }

            /// Adds this event type's payload schema, and every schema it refers to, to `out`.
            pub fn payload_schemas(
                self,
                out: &mut Vec<(String, utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>)>,
            ) {
                match self {
                    $(EventType::$variant => {
                        out.push((
                            <$payload as utoipa::ToSchema>::name().into_owned(),
                            <$payload as utoipa::PartialSchema>::schema(),
                        ));
                        <$payload as utoipa::ToSchema>::schemas(out);
                    })*
                }
            }
        }
    };
}
