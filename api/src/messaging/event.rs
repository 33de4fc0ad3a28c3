//! Events: what changed, in the outbox and on webhooks.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::event_type::{EventPayload, EventType};

/// One type of the event catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EventTypeOut {
    /// The wire name (`order.placed`).
    #[serde(rename = "type")]
    pub event_type: String,
    /// `billing` or `provisioning`.
    pub domain: String,
    /// The kind of object whose snapshot the event carries.
    pub object: String,
    /// When it fires.
    pub description: String,
    /// Its name in the Parallels Business/Operations Automation event manager, if known.
    pub legacy_name: Option<String>,
}

crate::page_type!(EventTypePage, EventTypeOut, "The event catalog.");

/// The object an event is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ObjectRef {
    pub kind: String,
    pub id: String,
}

/// An event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventOut {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub domain: String,
    pub occurred_at: DateTime<Utc>,
    /// The account that owns the object.
    pub account_id: String,
    pub object: ObjectRef,
    /// Per object, from 1, without gaps.
    pub sequence: i64,
    /// The object's snapshot after the change.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    /// The previous values of the fields that changed, where the event type gives them.
    #[schema(value_type = Option<Object>)]
    pub previous: Option<serde_json::Value>,
}

impl EventOut {
    /// `data` typed by the event's type (an event body received on a webhook, say).
    pub fn payload(&self) -> Result<EventPayload, serde_json::Error> {
        let t: EventType = self.event_type.parse().map_err(serde::de::Error::custom)?;
        EventPayload::parse(t, self.data.clone())
    }
}

crate::page_type!(EventPage, EventOut, "A page of events.");

/// Filters of `EventList`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventListQuery {
    /// Only events of this type (`account.created`).
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<crate::messaging::event_type_name::EventTypeName>)]
    pub event_type: Option<String>,
    /// Only events about this object.
    pub object_id: Option<String>,
}
