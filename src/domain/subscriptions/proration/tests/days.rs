//! Days counted and the factor: each change counts from the first UTC midnight at or after it.

use super::*;

struct Case {
    name: &'static str,
    period: (&'static str, &'static str),
    change_at: &'static str,
    /// Remaining and total days.
    days: (i64, i64),
    /// The factor to 6 decimals.
    factor: &'static str,
}

fn case(
    name: &'static str,
    period: (&'static str, &'static str),
    change_at: &'static str,
    days: (i64, i64),
    factor: &'static str,
) -> Case {
    Case { name, period, change_at, days, factor }
}

/// 16 February to 16 March 2027: 28 days.
const ACROSS_FEB: (&str, &str) = ("2027-02-16T00:00:00Z", "2027-03-16T00:00:00Z");
const TEN_DAYS: (&str, &str) = ("2027-03-05T00:00:00Z", "2027-03-15T00:00:00Z");
const ONE_DAY: (&str, &str) = ("2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z");
/// 23 hours holding one midnight.
const NOON_TO_11: (&str, &str) = ("2027-01-01T12:00:00Z", "2027-01-02T11:00:00Z");

fn cases() -> Vec<Case> {
    vec![
        // 1 Feb − 1 Jan = 31 days, all left: 31/31
        case("at the start", JAN_2027, "2027-01-01T00:00:00Z", (31, 31), "1.000000"),
        // 1 Feb − 16 Jan = 16: 16/31 = 0.5161290…
        case("at midnight mid-month", JAN_2027, "2027-01-16T00:00:00Z", (16, 31), "0.516129"),
        // noon counts from 17 Jan: 1 Feb − 17 Jan = 15; 15/31 = 0.4838709…
        case("mid-day", JAN_2027, "2027-01-16T12:00:00Z", (15, 31), "0.483871"),
        // one second past midnight is already the next day's count: 15/31
        case("a second past midnight", JAN_2027, "2027-01-16T00:00:01Z", (15, 31), "0.483871"),
        // 1 Feb − 31 Jan = 1: 1/31 = 0.0322580…
        case("last day at midnight", JAN_2027, "2027-01-31T00:00:00Z", (1, 31), "0.032258"),
        // counts from 1 Feb = the end: 0/31
        case("last second", JAN_2027, "2027-01-31T23:59:59Z", (0, 31), "0.000000"),
        // the last representable instant, too: 0/31
        case("last nanosecond", JAN_2027, "2027-01-31T23:59:59.999999999Z", (0, 31), "0.000000"),
        // 1 Mar − 15 Feb 2027 = 14 of 28: exactly 0.5
        case("February, 28 days", FEB_2027, "2027-02-15T00:00:00Z", (14, 28), "0.500000"),
        // 1 Mar − 15 Feb 2028 = 15 of 29 (29 Feb counted): 15/29 = 0.5172413…
        case("February, 29 days", FEB_2028, "2028-02-15T00:00:00Z", (15, 29), "0.517241"),
        // 1 May − 16 Apr = 15 of 30: 0.5
        case("April, 30 days", APR_2027, "2027-04-16T00:00:00Z", (15, 30), "0.500000"),
        // Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 184 of 365: 0.5041095…
        case("a year", YEAR_2027, "2027-07-01T00:00:00Z", (184, 365), "0.504110"),
        // the same 184 days of a leap year's 366: 0.5027322…
        case("a leap year", YEAR_2028, "2028-07-01T00:00:00Z", (184, 366), "0.502732"),
        // 17 Feb − 17 Jan = 31, every day left at the start instant: 31/31
        case("bought at 14:32, at the start", FROM_1432, "2027-01-16T14:32:00Z", (31, 31), "1.000000"),
        // 10:00 on the last date counts from 17 Feb = the end's boundary: 0/31
        case("bought at 14:32, on the last date", FROM_1432, "2027-02-16T10:00:00Z", (0, 31), "0.000000"),
        // 09:00 on 31 Jan counts from 1 Feb: 17 Feb − 1 Feb = 16 of 31 = 0.5161290…
        case("bought at 14:32, mid-period", FROM_1432, "2027-01-31T09:00:00Z", (16, 31), "0.516129"),
        // 16 Feb → 16 Mar 2027 = 28 days; 16 Mar − 1 Mar = 15: 15/28 = 0.5357142…
        case("a month across February", ACROSS_FEB, "2027-03-01T00:00:00Z", (15, 28), "0.535714"),
        // a 10-day period; 06:00 on 10 Mar counts from 11 Mar: 15 − 11 = 4 of 10 = 0.4
        case("a period of 10 days", TEN_DAYS, "2027-03-10T06:00:00Z", (4, 10), "0.400000"),
        // one day: at its midnight 1/1, at 08:00 0/1
        case("a one-day period, at its start", ONE_DAY, "2027-01-01T00:00:00Z", (1, 1), "1.000000"),
        case("a one-day period, at 08:00", ONE_DAY, "2027-01-01T08:00:00Z", (0, 1), "0.000000"),
        // 12:00 → 11:00 next day holds one midnight: boundaries 2 Jan and 3 Jan, one day
        case("23 hours across a midnight", NOON_TO_11, "2027-01-01T12:00:00Z", (1, 1), "1.000000"),
    ]
}

#[test]
fn days_and_factor_of_each_case() {
    let cases = cases();
    assert!(cases.len() >= 20);
    for case in &cases {
        let days = days_at(case.period, case.change_at);
        assert_eq!((days.remaining(), days.total()), case.days, "{}", case.name);
        assert_eq!(days.used(), case.days.1 - case.days.0, "{}", case.name);
        let factor = proration_factor(&period(case.period), at(case.change_at)).unwrap();
        assert_eq!(factor, days.factor(), "{}", case.name);
        assert_eq!(factor.round_dp(6), d(case.factor), "{}", case.name);
    }
}

#[test]
fn an_exact_factor_is_not_rounded() {
    // 14/28 and 15/30 are exactly one half; 184/365 keeps the 28 digits a decimal holds
    assert_eq!(days_at(FEB_2027, "2027-02-15T00:00:00Z").factor(), d("0.5"));
    assert_eq!(days_at(YEAR_2027, "2027-07-01T00:00:00Z").factor(), d("0.5041095890410958904109589041"));
}
