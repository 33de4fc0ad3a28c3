//! Hand-computed proration cases (each amount's arithmetic in a comment beside it) and property tests.

mod cancellation;
mod changes;
mod days;
mod errors;
mod props;
mod resources;

use std::str::FromStr;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use super::*;

/// January 2027: 31 days.
pub const JAN_2027: (&str, &str) = ("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z");
/// February 2027: 28 days.
pub const FEB_2027: (&str, &str) = ("2027-02-01T00:00:00Z", "2027-03-01T00:00:00Z");
/// February 2028, a leap year: 29 days.
pub const FEB_2028: (&str, &str) = ("2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z");
/// April 2027: 30 days.
pub const APR_2027: (&str, &str) = ("2027-04-01T00:00:00Z", "2027-05-01T00:00:00Z");
/// The year 2027: 365 days.
pub const YEAR_2027: (&str, &str) = ("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
/// The year 2028: 366 days.
pub const YEAR_2028: (&str, &str) = ("2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z");
/// A month bought at 14:32: its days run from 17 January to 17 February, 31 of them.
pub const FROM_1432: (&str, &str) = ("2027-01-16T14:32:00Z", "2027-02-16T14:32:00Z");

pub fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn period((start, end): (&str, &str)) -> Period {
    Period { start: at(start), end: at(end) }
}

pub fn days_at(p: (&str, &str), change_at: &str) -> ProrationDays {
    proration_days(&period(p), at(change_at)).unwrap()
}
