//! Business rules as plain functions and types: no actix, diesel or tokio here.

pub mod catalog;
pub mod identity;
pub mod messaging;
pub mod ordering;
pub mod pagination;
pub mod subscriptions;
pub mod validation;
