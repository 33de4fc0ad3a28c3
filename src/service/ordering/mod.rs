pub mod order;
pub mod persisted;
