pub mod task;
pub mod test_clock;
