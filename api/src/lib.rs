//! Every type that crosses the wire of the Stratum API: request bodies (`…In`, `…Patch`),
//! responses (`…Out`, `…Page`), problem documents and event payloads. Shared by the server
//! and the Rust client; no I/O here.

pub mod account;
pub mod api_key;
pub mod auth;
pub mod brand;
pub mod coupon;
pub mod empty;
pub mod error;
pub mod event;
pub mod notification;
pub mod nullable;
pub mod page;
pub mod plan;
pub mod quote;
pub mod resource_type;
pub mod role;
pub mod script_action;
pub mod service_template;
pub mod task;
pub mod test_clock;
pub mod user;
pub mod webhook;

pub use empty::EmptyIn;
pub use error::{ErrorCode, FieldError, Problem};

// Every wire type at the root as well, under the name the OpenAPI document gives its
// schema, so that code generated from the document (the Rust client) can name them.
pub use account::*;
pub use api_key::*;
pub use auth::*;
pub use brand::*;
pub use coupon::*;
pub use event::*;
pub use notification::*;
pub use plan::*;
pub use quote::*;
pub use resource_type::*;
pub use role::*;
pub use script_action::*;
pub use service_template::*;
pub use task::*;
pub use test_clock::*;
pub use user::*;
pub use webhook::*;
