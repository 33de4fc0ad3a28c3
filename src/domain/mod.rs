//! Business rules as plain functions and types: no actix, diesel or tokio here.

pub mod account;
pub mod catalog;
pub mod notification;
pub mod pagination;
pub mod permission;
pub mod pricing;
pub mod tree;
pub mod validation;
pub mod webhook;
