//! Stratum: a headless billing and provisioning platform for hosting and cloud service
//! providers. The binary's `serve` runs [`app::run`]; everything is reachable over REST.

pub mod app;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub use stratum_domain as domain;
pub mod events;
pub mod ids;
pub mod rest;
pub mod service;
pub mod soap;
pub use stratum_store as store;
pub mod tasks;
pub mod telemetry;
