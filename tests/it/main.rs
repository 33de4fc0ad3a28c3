//! Black-box integration tests: each test starts a real `stratum serve` process on a
//! fresh database and talks to it over HTTP. `docs/api.md` is the contract.
#![allow(clippy::unwrap_used)]

mod client;
mod receiver;
mod support;

mod accounts;
mod auth;
mod auth_matrix;
mod catalog;
mod concurrency;
mod contract;
mod events;
mod foreign_references;
mod idempotency;
mod malformed;
mod notifications;
mod ops;
mod orders;
mod pagination;
mod permissions;
mod quotes;
mod screening;
mod script_actions;
mod soap;
mod sqlite_file;
mod task_events;
mod tenancy;
mod users_roles_keys;
mod webhook_payloads;
mod webhooks;
mod workflows;
