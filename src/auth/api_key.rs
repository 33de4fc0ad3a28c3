//! API key secrets: made from 240 random bits, stored only as a SHA-256 digest.
//!
//! A fast digest is enough (no password hash): the secret is random and long, so nothing
//! can be guessed from its digest, and the exchange for a token stays cheap.

use rand::distr::{Alphanumeric, SampleString};
use sha2::{Digest, Sha256};

pub const PREFIX: &str = "stk_";
const SECRET_LEN: usize = 40;
/// Characters of a key shown to recognise it (`stk_` and the next eight).
const DISPLAY_LEN: usize = 12;

/// A new secret key: `stk_` and 40 alphanumerics.
pub fn generate() -> String {
    format!("{PREFIX}{}", Alphanumeric.sample_string(&mut rand::rng(), SECRET_LEN))
}

/// Whether a string has the shape of a key; a bootstrap key must.
pub fn is_well_formed(key: &str) -> bool {
    key.starts_with(PREFIX)
        && (PREFIX.len() + 32..=128).contains(&key.len())
        && key[PREFIX.len()..].chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The stored digest of a key.
pub fn digest(key: &str) -> String {
    let hash = Sha256::digest(key.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// The part of a key that is shown in lists.
pub fn display_prefix(key: &str) -> String {
    key.chars().take(DISPLAY_LEN).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_are_well_formed_and_distinct() {
        let a = generate();
        let b = generate();
        assert!(is_well_formed(&a), "{a}");
        assert_ne!(a, b);
        assert_eq!(digest(&a).len(), 64);
        assert_ne!(digest(&a), digest(&b));
        assert_eq!(display_prefix(&a).len(), 12);
    }

    #[test]
    fn malformed_keys() {
        for bad in [
            "",
            "stk_short",
            "sk_0123456789012345678901234567890123456789",
            "stk_abc def 0123456789012345678901234567890",
        ] {
            assert!(!is_well_formed(bad), "{bad}");
        }
    }
}
