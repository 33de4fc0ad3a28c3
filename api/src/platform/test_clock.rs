//! The test clock of a sandbox server (`stratum serve --test-clock`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Move the clock forward.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TestClockAdvanceIn {
    /// 1 to 315,360,000 (ten years).
    #[schema(minimum = 1, maximum = 315360000)]
    pub seconds: i64,
}

/// The server's clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TestClockOut {
    /// Whether the server runs on a test clock.
    pub enabled: bool,
    /// The server's current time.
    pub now: DateTime<Utc>,
    /// How far the test clock is ahead of real time.
    pub offset_seconds: i64,
}
