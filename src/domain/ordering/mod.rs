pub mod fraud;
pub mod order;
pub mod workflow;
