//! One file per kind of task; each is registered in `runner::TABLE`.

pub mod notification;
pub mod order_step;
pub mod periodic;
pub mod script_call;
pub mod webhook_delivery;
