//! Object ids: a type prefix and a ULID (`acc_01JD…`), so ids say what they name and sort
//! in creation order, which lists rely on.

use std::sync::Mutex;

use ulid::{Generator, Ulid};

/// Monotonic within the process: ids made in the same millisecond still sort in the order
/// they were made. Across processes they sort by millisecond.
static GENERATOR: Mutex<Generator> = Mutex::new(Generator::new());

pub fn new_id(prefix: &str) -> String {
    let ulid = GENERATOR
        .lock()
        .map_err(|_| ())
        .and_then(|mut g| g.generate().map_err(|_| ()))
        // The generator refuses only when 2^80 ids were made in one millisecond, or when a
        // panic poisoned its lock; a random id keeps the system going either way.
        .unwrap_or_else(|()| Ulid::new());
    format!("{prefix}_{ulid}")
}

pub const ACCOUNT: &str = "acc";
pub const USER: &str = "usr";
pub const ROLE: &str = "rol";
pub const API_KEY: &str = "key";
pub const EVENT: &str = "evt";
pub const WEBHOOK_ENDPOINT: &str = "whe";
pub const DELIVERY: &str = "dlv";
pub const ATTEMPT: &str = "att";
pub const TASK: &str = "tsk";
pub const NOTIFICATION_TEMPLATE: &str = "ntt";
pub const NOTIFICATION: &str = "ntf";
pub const SCRIPT_ACTION: &str = "scr";
pub const RESOURCE_TYPE: &str = "rst";
pub const SERVICE_TEMPLATE: &str = "stp";
pub const PLAN: &str = "pln";
pub const BRAND: &str = "brd";
pub const COUPON: &str = "cpn";
pub const ORDER: &str = "ord";
pub const FRAUD_RULE: &str = "frr";
pub const SUBSCRIPTION: &str = "sub";
pub const WORKFLOW: &str = "wfl";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_in_creation_order() {
        let ids: Vec<String> = (0..1000).map(|_| new_id(ACCOUNT)).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert!(ids[0].starts_with("acc_"));
    }
}
