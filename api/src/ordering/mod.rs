pub mod fraud_rule;
pub mod order;
pub mod workflow;
