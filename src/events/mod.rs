//! The event catalog and the outbox that every change writes its events to.

pub mod catalog;
pub mod outbox;

pub use catalog::{EventDomain, EventType, CATALOG};
