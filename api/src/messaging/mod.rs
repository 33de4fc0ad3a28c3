#[macro_use]
mod event_catalog_macro;

pub mod delivery;
pub mod event;
pub mod event_data;
pub mod event_type;
pub mod event_type_name;
pub mod notification;
pub mod notification_template;
pub mod script_action;
pub mod webhook_endpoint;
