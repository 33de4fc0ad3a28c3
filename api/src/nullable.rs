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
