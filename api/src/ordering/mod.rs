pub mod fraud_rule;
pub mod order;
