pub mod account;
pub mod api_key;
pub mod role;
pub mod user;
