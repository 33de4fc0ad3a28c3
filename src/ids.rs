//! Object ids: a type prefix and a ULID (`acc_01JD…`), so ids sort by creation time and
//! say what they name.

pub fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", ulid::Ulid::new())
}

pub const ACCOUNT: &str = "acc";
pub const USER: &str = "usr";
pub const ROLE: &str = "rol";
pub const API_KEY: &str = "key";
pub const EVENT: &str = "evt";
