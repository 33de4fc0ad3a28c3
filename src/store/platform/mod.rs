pub mod idempotency;
pub mod soap_nonce;
pub mod task;
