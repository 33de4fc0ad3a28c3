//! Subscriptions: the lifecycle state machine and the proration rule of mid-period changes.

pub mod lifecycle;
pub mod proration;
