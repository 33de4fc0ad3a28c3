pub mod activation;
pub mod fraud_rule;
pub mod order;
pub mod persisted;
pub mod workflow;
pub mod workflow_def;
