//! The one source of "now", so that a sandbox can run on a test clock.

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The system's clock, to the microsecond: the precision both databases store, so that an
/// object answered on create is identical to the same object read back.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now().trunc_subsecs(6)
    }
}

/// A clock that the API can move forward (`serve --test-clock`): the system's time plus
/// an offset, so that renewals, retries and reminders due in days happen in seconds.
#[derive(Debug, Default)]
pub struct TestClock {
    offset_ms: std::sync::atomic::AtomicI64,
}

impl TestClock {
    pub fn advance(&self, by: chrono::Duration) {
        self.offset_ms.fetch_add(by.num_milliseconds(), std::sync::atomic::Ordering::SeqCst);
    }

    pub fn offset(&self) -> chrono::Duration {
        chrono::Duration::milliseconds(self.offset_ms.load(std::sync::atomic::Ordering::SeqCst))
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        (Utc::now() + self.offset()).trunc_subsecs(6)
    }
}

/// Timestamps are stored as UTC without zone.
pub fn to_db(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

pub fn from_db(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_clock_moves_forward_and_keeps_running() {
        let clock = TestClock::default();
        let before = clock.now();
        clock.advance(chrono::Duration::days(2));
        let after = clock.now();
        assert!(after - before >= chrono::Duration::days(2));
        assert!(after - before < chrono::Duration::days(2) + chrono::Duration::seconds(5));
        assert_eq!(clock.offset(), chrono::Duration::days(2));
    }
}
