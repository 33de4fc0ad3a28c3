//! The test clock: read it, move it forward (sandbox servers only).

use stratum_api::identity::account::AccountKind;
use stratum_api::platform::test_clock::{TestClockAdvanceIn, TestClockOut};

use crate::auth::Caller;
use crate::service::{Context, ServiceError};

/// At most ten years at a time.
const MAX_ADVANCE_SECONDS: i64 = 10 * 365 * 24 * 3600;

fn out(cx: &Context) -> TestClockOut {
    TestClockOut {
        enabled: cx.test_clock.is_some(),
        now: cx.clock.now(),
        offset_seconds: cx.test_clock.as_ref().map_or(0, |c| c.offset().num_seconds()),
    }
}

pub fn get(cx: &Context) -> TestClockOut {
    out(cx)
}

/// Moves the clock forward; only the provider may, since it moves time for every tenant.
pub fn advance(cx: &Context, caller: &Caller, input: &TestClockAdvanceIn) -> Result<TestClockOut, ServiceError> {
    if caller.account_kind != AccountKind::Provider {
        return Err(ServiceError::PermissionDenied("only the provider moves the test clock".into()));
    }
    let clock = cx.test_clock.as_ref().ok_or(ServiceError::TestClockDisabled)?;
    if !(1..=MAX_ADVANCE_SECONDS).contains(&input.seconds) {
        return Err(ServiceError::validation("seconds", "out_of_range", "must be between 1 and 315360000"));
    }
    clock.advance(chrono::Duration::seconds(input.seconds));
    Ok(out(cx))
}
