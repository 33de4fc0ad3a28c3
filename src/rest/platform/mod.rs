pub mod known_paths;
pub mod metrics;
pub mod ops;
pub mod task;
pub mod test_clock;
