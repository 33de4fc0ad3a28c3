pub mod demo;
pub mod demo_catalog;
pub mod demo_orders;
pub mod idempotency;
pub mod periodic;
pub mod task;
pub mod test_clock;
