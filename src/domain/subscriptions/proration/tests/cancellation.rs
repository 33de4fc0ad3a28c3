//! Refunds of a cancellation before the period's end, per policy, for a line paid at `unit × qty`.

use super::*;

const NONE: RefundPolicy = RefundPolicy::None;
const PRORATED: RefundPolicy = RefundPolicy::Prorated;

const fn within(days: u32, after: AfterWindow) -> RefundPolicy {
    RefundPolicy::FullWithin { days, after }
}

#[derive(Debug)]
enum Expect {
    Nothing,
    Prorated(&'static str),
    Full(&'static str),
}

struct Case {
    name: &'static str,
    currency: &'static str,
    period: (&'static str, &'static str),
    cancel_at: &'static str,
    policy: RefundPolicy,
    /// Unit price and quantity paid.
    paid: (&'static str, &'static str),
    expect: Expect,
}

fn case(
    name: &'static str,
    currency: &'static str,
    period: (&'static str, &'static str),
    cancel_at: &'static str,
    policy: RefundPolicy,
    paid: (&'static str, &'static str),
    expect: Expect,
) -> Case {
    Case { name, currency, period, cancel_at, policy, paid, expect }
}

const JAN_16: &str = "2027-01-16T00:00:00Z";
const JAN_16_NOON: &str = "2027-01-16T12:00:00Z";
const JAN_LAST_SECOND: &str = "2027-01-31T23:59:59Z";
const JAN_15: &str = "2027-01-15T00:00:00Z";
const JAN_15_1S: &str = "2027-01-15T00:00:01Z";
const FEB_29_NOON: &str = "2028-02-29T12:00:00Z";
const JUL_1: &str = "2027-07-01T00:00:00Z";
const FEB_15: &str = "2027-02-15T00:00:00Z";

fn cases() -> Vec<Case> {
    use AfterWindow::Nothing as Then0;
    use AfterWindow::Prorated as ThenProrated;
    use Expect::*;
    vec![
        case("policy none", "EUR", JAN_2027, JAN_16, NONE, ("30", "1"), Nothing),
        // 16/31: −30 × 16/31 = −480/31 = −15.483870… → −15.48
        case("prorated", "EUR", JAN_2027, JAN_16, PRORATED, ("30", "1"), Prorated("-15.48")),
        // mid-day counts from 17 Jan, 15/31: −450/31 = −14.516129… → −14.52
        case("prorated mid-day", "EUR", JAN_2027, JAN_16_NOON, PRORATED, ("30", "1"), Prorated("-14.52")),
        // 0/31 at the last second: −0.00 is 0.00
        case("prorated, last second", "EUR", JAN_2027, JAN_LAST_SECOND, PRORATED, ("30", "1"), Prorated("0.00")),
        // 15 Jan 00:00: 1 Feb − 15 Jan = 17 left, 31 − 17 = 14 used ≤ 14: −30.00
        case("full on the 14th day", "EUR", JAN_2027, JAN_15, within(14, Then0), ("30", "1"), Full("-30.00")),
        // a second later counts from 16 Jan: 15 used > 14, nothing after the window
        case("window over", "EUR", JAN_2027, JAN_15_1S, within(14, Then0), ("30", "1"), Nothing),
        // the same, prorated after: 16/31 → −15.48
        case("then prorated", "EUR", JAN_2027, JAN_15_1S, within(14, ThenProrated), ("30", "1"), Prorated("-15.48")),
        // 0 used at the start instant ≤ 0
        case("zero-day window", "EUR", JAN_2027, JAN_2027.0, within(0, Then0), ("30", "1"), Full("-30.00")),
        // 29 Feb at noon counts from 1 Mar: 29 used ≤ 30; −980 × 3 = −2940
        case("30-day guarantee", "JPY", FEB_2028, FEB_29_NOON, within(30, Then0), ("980", "3"), Full("-2940")),
        // 184/365: −12 × 2 × 184/365 = −4416/365 = −12.098630… → −12.099
        case("a year, BHD", "BHD", YEAR_2027, JUL_1, PRORATED, ("12.000", "2"), Prorated("-12.099")),
        // 14 used > 7, then 14/28 = 1/2: −9.99 × 1 / 2 = −4.995 → −5.00
        case("exact half", "EUR", FEB_2027, FEB_15, within(7, ThenProrated), ("9.99", "1"), Prorated("-5.00")),
    ]
}

#[test]
fn refund_of_each_case() {
    for case in cases() {
        let days = days_at(case.period, case.cancel_at);
        let (unit, quantity) = case.paid;
        let refund = cancellation_refund(&days, case.policy, d(unit), d(quantity), case.currency).unwrap();
        match (&refund, &case.expect) {
            (Refund::Nothing, Expect::Nothing) => {}
            (Refund::Prorated { line }, Expect::Prorated(amount)) => {
                assert_eq!(line.amount.to_string(), *amount, "{}", case.name);
                assert_eq!(line.days, days, "{}", case.name);
            }
            (Refund::Full { line }, Expect::Full(amount)) => {
                assert_eq!(line.amount.to_string(), *amount, "{}", case.name);
                assert_eq!(line.days.remaining(), line.days.total(), "{}", case.name);
            }
            _ => panic!("{}: {refund:?}, expected {:?}", case.name, case.expect),
        }
        if let Refund::Prorated { line } | Refund::Full { line } = &refund {
            assert_eq!(line.kind, ProrationLineKind::Credit, "{}", case.name);
        }
    }
}

#[test]
fn a_policy_reads_as_the_seller_writes_it() {
    let json = |s: &str| serde_json::from_str::<RefundPolicy>(s).unwrap();
    assert_eq!(json(r#"{"policy": "none"}"#), NONE);
    assert_eq!(json(r#"{"policy": "prorated"}"#), PRORATED);
    assert_eq!(json(r#"{"policy": "full_within", "days": 14}"#), within(14, AfterWindow::Nothing));
    assert_eq!(
        json(r#"{"policy": "full_within", "days": 30, "after": "prorated"}"#),
        within(30, AfterWindow::Prorated)
    );
}
