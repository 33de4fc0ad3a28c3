pub mod account;
pub mod api_key;
pub mod auth;
pub mod permission_name;
pub mod role;
pub mod user;
