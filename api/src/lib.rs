//! Every type that crosses the wire of the Stratum API: request bodies (`…In`, `…Patch`),
//! responses (`…Out`, `…Page`), problem documents and event payloads. Shared by the server
//! and the Rust client; no I/O here.

pub mod body_rules;
pub mod catalog;
pub mod empty;
pub mod error;
pub mod field_schema;
pub mod identity;
pub mod messaging;
pub mod nullable;
pub mod ordering;
pub mod page;
pub mod platform;
pub mod subscriptions;

pub use empty::EmptyIn;
pub use error::{ErrorCode, FieldError, Problem};

// Every wire type at the root as well, under the name the OpenAPI document gives its
// schema, so that code generated from the document (the Rust client) can name them.
pub use catalog::brand::*;
pub use catalog::coupon::*;
pub use catalog::plan::*;
pub use catalog::quote::*;
pub use catalog::resource_type::*;
pub use catalog::service_template::*;
pub use identity::account::*;
pub use identity::api_key::*;
pub use identity::auth::*;
pub use identity::role::*;
pub use identity::user::*;
pub use messaging::delivery::*;
pub use messaging::event::*;
pub use messaging::event_data::*;
pub use messaging::event_type::{EventPayload, EventType};
pub use messaging::event_type_name::EventTypeName;
pub use messaging::notification::*;
pub use messaging::notification_template::*;
pub use messaging::script_action::*;
pub use messaging::webhook_endpoint::*;
pub use ordering::fraud_rule::*;
pub use ordering::order::*;
pub use ordering::workflow::*;
pub use platform::task::*;
pub use platform::test_clock::*;
pub use subscriptions::subscription::*;
