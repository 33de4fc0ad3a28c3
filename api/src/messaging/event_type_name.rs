//! Event type names as the contract declares them, from the event table: `EventTypeName`
//! (an exact name of the catalog, an enum) and `EventTypeFilter` (an exact name or a
//! wildcard that matches at least one type, a pattern). Fields that hold such names are
//! plain strings in Rust; these types give them their schema (`value_type`), so that
//! the contract refuses exactly what the server refuses (an unknown name, `nothing.*`).

use std::borrow::Cow;
use std::collections::BTreeSet;

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

use serde::{Deserialize, Serialize};

use super::event_type::{EventType, CATALOG};

/// An exact event type name (`account.created`), as a value where one is sent on its own
/// (the Rust client's `EventList` filter); fields of wire types hold it as a `String`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventTypeName(pub String);

impl From<EventType> for EventTypeName {
    fn from(t: EventType) -> Self {
        EventTypeName(t.name().to_owned())
    }
}

impl utoipa::PartialSchema for EventTypeName {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("An event type of the catalog (`GET /api/v1/event-types`)."))
            .enum_values(Some(CATALOG.iter().map(|d| d.name)))
            .into()
    }
}

impl utoipa::ToSchema for EventTypeName {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("EventTypeName")
    }
}

/// The schema of an event type filter entry: an exact name, `prefix.*`, `*.suffix` or `*`,
/// matching at least one type of the catalog.
pub struct EventTypeFilter;

impl utoipa::PartialSchema for EventTypeFilter {
    fn schema() -> RefOr<Schema> {
        let alternatives: Vec<String> = filters().iter().map(|f| regex_literal(f)).collect();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "An event type (`account.created`), a prefix wildcard (`invoice.*`), a suffix wildcard \
                 (`*.failed`) or `*`; a wildcard must match some type of the catalog.",
            ))
            .pattern(Some(format!("^(?:{})$", alternatives.join("|"))))
            .into()
    }
}

impl utoipa::ToSchema for EventTypeFilter {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("EventTypeFilter")
    }
}

/// Every filter entry that matches some type: `*`, each name, and for each name every
/// `prefix.*` and `*.suffix` cut at one of its dots (what the webhook matcher accepts).
pub fn filters() -> BTreeSet<String> {
    let mut all = BTreeSet::from(["*".to_owned()]);
    for name in CATALOG.iter().map(|d| d.name) {
        all.insert(name.to_owned());
        for (dot, _) in name.match_indices('.') {
            all.insert(format!("{}.*", &name[..dot]));
            all.insert(format!("*.{}", &name[dot + 1..]));
        }
    }
    all
}

/// `s` as a regular expression that matches only itself (names have letters, digits,
/// `_`, `.` and `*`).
fn regex_literal(s: &str) -> String {
    s.replace('.', r"\.").replace('*', r"\*")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_exact_names_and_wildcards_cut_at_dots() {
        let f = filters();
        assert!(f.contains("*"));
        assert!(f.contains("account.created"));
        assert!(f.contains("account.*"));
        assert!(f.contains("*.created"));
        assert!(f.contains("account.hold.*"));
        assert!(!f.contains("nothing.*"));
        assert!(!f.contains("acc*"));
        assert!(f.iter().all(|e| e.chars().all(|c| c.is_ascii_alphanumeric() || "_.*".contains(c))));
    }
}
