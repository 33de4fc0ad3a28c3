//! API keys, access tokens and the authenticated caller.

pub mod api_key;
pub mod caller;
pub mod jwt;

pub use caller::Caller;
