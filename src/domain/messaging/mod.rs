pub mod notification;
pub mod webhook;
