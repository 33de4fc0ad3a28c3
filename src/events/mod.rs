//! The event catalog (the table lives with the wire types, `stratum_api::messaging::event_type`)
//! and the outbox that every change writes its events to.

pub mod doc;
pub mod outbox;

pub use stratum_api::messaging::event_type::{EventDomain, EventType, CATALOG};
