pub mod account;
pub mod permission;
pub mod tree;
