pub mod delivery;
pub mod dispatch;
pub mod event;
pub mod notification;
pub mod notification_template;
pub mod script_action;
pub mod webhook_endpoint;
