pub mod order;
pub mod spec;
