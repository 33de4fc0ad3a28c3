//! Every type that crosses the wire of the Stratum API: request bodies (`…In`, `…Patch`),
//! responses (`…Out`, `…Page`), problem documents and event payloads. Shared by the server
//! and the Rust client; no I/O here.

pub mod account;
pub mod api_key;
pub mod auth;
pub mod error;
pub mod event;
pub mod nullable;
pub mod page;
pub mod role;
pub mod user;

pub use error::{ErrorCode, FieldError, Problem};
