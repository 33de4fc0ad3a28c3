pub mod account;
pub mod api_key;
pub mod auth;
pub mod bootstrap;
pub mod role;
pub mod user;
