pub mod fraud_rule;
pub mod order;
pub mod spec;
pub mod workflow;
