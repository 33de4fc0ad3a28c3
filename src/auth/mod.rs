//! API keys, access tokens and the authenticated caller.

pub mod api_key;
pub mod caller;
pub mod jwt;
pub mod scope;

pub use caller::Caller;
pub use scope::Scope;
