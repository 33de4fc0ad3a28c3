//! PATCH fields that tell "absent" (leave as is) from `null` (clear).

use serde::{Deserialize, Deserializer};

/// Deserialises a present field into `Some(value)`, so that together with
/// `#[serde(default)]` an absent field stays `None` and an explicit `null` becomes
/// `Some(None)`.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// For optional PATCH fields that cannot be cleared: absent leaves the value, a value sets
/// it, and `null` is refused (rather than silently ignored).
pub fn non_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}
