//! Notification templates: e-mail texts per event type and language, their schedules
//! relative to dates in the event, and previews.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// When a notification goes out relative to a date that its event carries, instead of at
/// once: e.g. 14 and 3 days before `data.expires_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationSchedule {
    /// The field of the event's `data` that holds an RFC 3339 timestamp (`expires_at`);
    /// dots reach into nested objects (`subscription.expires_at`).
    #[schema(max_length = 100, pattern = r"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$")]
    pub date_field: String,
    /// Days relative to that date, negative before and positive after (`[-14, -3]`): one
    /// notification each. 1 to 10 entries, each within ±366.
    #[schema(schema_with = offsets_days)]
    pub offsets_days: Vec<i32>,
}

/// 1 to 10 days, each within ±366.
fn offsets_days() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
    let day = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(-366))
        .maximum(Some(366));
    ArrayBuilder::new()
        .items(day)
        .min_items(Some(1))
        .max_items(Some(10))
        .description(Some(
            "Days relative to that date, negative before and positive after (`[-14, -3]`): one notification each.",
        ))
        .into()
}

/// A notification template for an event type and a language. Texts are MiniJinja
/// (Jinja2) templates; see docs/notifications.md for the variables.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationTemplateIn {
    /// Defaults to the caller's account; the template serves the events of its subtree,
    /// unless a descendant overrides it.
    #[serde(default)]
    pub account_id: Option<String>,
    /// An exact type (`account.created`) or a wildcard (`subscription.*`, `*`).
    #[schema(value_type = crate::messaging::event_type_name::EventTypeFilter)]
    pub event_type: String,
    /// `en`, `de`, `pt-BR`, …
    #[schema(max_length = 35, pattern = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    pub language: String,
    /// One line once rendered.
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub subject: String,
    /// The plain-text body.
    #[schema(min_length = 1, max_length = 100000, pattern = r"\S")]
    pub body: String,
    /// An HTML alternative (rendered with HTML escaping).
    #[serde(default)]
    #[schema(max_length = 100000)]
    pub html_body: Option<String>,
    /// The sender (`Billing <billing@example.com>`); defaults to the server's `mail_from`.
    #[serde(default)]
    #[schema(schema_with = sender)]
    pub from: Option<String>,
    /// Fixed recipients; by default, the e-mail address of the account the event is about.
    #[serde(default)]
    #[schema(schema_with = fixed_recipients)]
    pub recipients: Option<Vec<String>>,
    /// Send at dates relative to a date in the event, instead of at once.
    #[serde(default)]
    pub schedule: Option<NotificationSchedule>,
    /// Defaults to true. A disabled template still overrides its ancestors' templates:
    /// that is how a reseller silences a notification of its parent.
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// Change a template. Absent fields stay as they are; `null` clears an optional field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationTemplatePatch {
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub subject: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = String)]
    #[schema(min_length = 1, max_length = 100000, pattern = r"\S")]
    pub body: Option<String>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<String>)]
    #[schema(max_length = 100000)]
    pub html_body: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(schema_with = crate::field_schema::optional_mailbox)]
    pub from: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(schema_with = crate::field_schema::optional_emails)]
    pub recipients: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "crate::nullable::deserialize")]
    #[schema(value_type = Option<NotificationSchedule>)]
    pub schedule: Option<Option<NotificationSchedule>>,
    #[serde(default, deserialize_with = "crate::nullable::non_null")]
    #[schema(value_type = bool)]
    pub enabled: Option<bool>,
}

/// A notification template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct NotificationTemplateOut {
    pub id: String,
    pub account_id: String,
    pub event_type: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub html_body: Option<String>,
    pub from: Option<String>,
    pub recipients: Option<Vec<String>>,
    pub schedule: Option<NotificationSchedule>,
    pub enabled: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(NotificationTemplatePage, NotificationTemplateOut, "A page of notification templates.");

/// Render a template against a stored event, without sending anything.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreviewIn {
    pub event_id: String,
}

/// A rendered notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct NotificationPreviewOut {
    pub recipients: Vec<String>,
    pub subject: String,
    pub body: String,
    pub html_body: Option<String>,
}

/// Filters of `NotificationTemplateList`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationTemplateListQuery {
    /// The pattern exactly as the template gives it (`account.created`, `invoice.*`).
    pub event_type: Option<String>,
    pub language: Option<String>,
}

crate::described!(
    sender = optional_mailbox,
    "The sender (`Billing <billing@example.com>`); defaults to the server's `mail_from`."
);
crate::described!(
    fixed_recipients = optional_emails,
    "Fixed recipients (1 to 20); by default, the e-mail address of the account the event is about."
);
