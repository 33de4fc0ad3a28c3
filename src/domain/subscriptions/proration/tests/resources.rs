//! More or fewer units of one resource: added billable units are charged `unit × added × remaining / total`;
//! fewer units wait for the period's end.

use super::*;

/// The outcome expected: the charge's amount, nothing charged now, or the quantity left for term end.
#[derive(Debug)]
enum Expect {
    Charge(&'static str),
    NoCharge,
    AtTermEnd(&'static str),
}

struct Case {
    name: &'static str,
    currency: &'static str,
    period: (&'static str, &'static str),
    change_at: &'static str,
    /// Unit price, included units, old quantity, new quantity.
    change: (&'static str, &'static str, &'static str, &'static str),
    expect: Expect,
}

fn case(
    name: &'static str,
    currency: &'static str,
    period: (&'static str, &'static str),
    change_at: &'static str,
    change: (&'static str, &'static str, &'static str, &'static str),
    expect: Expect,
) -> Case {
    Case { name, currency, period, change_at, change, expect }
}

const MID_JAN: &str = "2027-01-16T00:00:00Z";

fn cases() -> Vec<Case> {
    use Expect::*;
    vec![
        // 1 → 3 units, 2 added, 16/31: 2.00 × 2 × 16/31 = 64/31 = 2.064516… → 2.06
        case("two more units", "EUR", JAN_2027, MID_JAN, ("2.00", "0", "1", "3"), Charge("2.06")),
        // 4 included, 3 → 6: billable 0 → 2; 1.99 × 2 × 16/31 = 63.68/31 = 2.054193… → 2.05
        case("past the included amount", "EUR", JAN_2027, MID_JAN, ("1.99", "4", "3", "6"), Charge("2.05")),
        // 4 included, 1 → 4: billable 0 → 0
        case("within the included amount", "EUR", JAN_2027, MID_JAN, ("1.99", "4", "1", "4"), NoCharge),
        case("the same quantity", "EUR", JAN_2027, MID_JAN, ("1.99", "0", "3", "3"), NoCharge),
        case("fewer units", "EUR", JAN_2027, MID_JAN, ("1.99", "0", "5", "2"), AtTermEnd("2")),
        case("down to none", "EUR", JAN_2027, MID_JAN, ("1.99", "1", "5", "0"), AtTermEnd("0")),
        // 10 → 12.5 GB, 1/2: 0.125 × 2.5 / 2 = 0.15625 → 0.156
        case(
            "fractional, three decimals",
            "BHD",
            FEB_2027,
            "2027-02-15T00:00:00Z",
            ("0.125", "0", "10", "12.5"),
            Charge("0.156"),
        ),
        // 3 added, 1/31: 500 × 3 / 31 = 1500/31 = 48.387… → 48
        case("no decimals, last day", "JPY", JAN_2027, "2027-01-31T00:00:00Z", ("500", "0", "0", "3"), Charge("48")),
        // 184/365: 12 × 1 × 184/365 = 2208/365 = 6.049315… → 6.05
        case("a year", "USD", YEAR_2027, "2027-07-01T00:00:00Z", ("12", "0", "2", "3"), Charge("6.05")),
    ]
}

#[test]
fn outcome_of_each_case() {
    for case in cases() {
        let days = days_at(case.period, case.change_at);
        let (unit_price, included, old, new) = case.change;
        let change = ResourceChange {
            unit_price: d(unit_price),
            included: d(included),
            old_quantity: d(old),
            new_quantity: d(new),
        };
        let outcome = resource_change(&days, &change, case.currency).unwrap();
        match (&outcome, &case.expect) {
            (ResourceOutcome::Charge { line }, Expect::Charge(amount)) => {
                assert_eq!(line.amount.to_string(), *amount, "{}", case.name);
                assert_eq!((line.kind, line.unit_price), (ProrationLineKind::Charge, d(unit_price)), "{}", case.name);
            }
            (ResourceOutcome::NoCharge, Expect::NoCharge) => {}
            (ResourceOutcome::AtTermEnd { quantity }, Expect::AtTermEnd(q)) => {
                assert_eq!(*quantity, d(q), "{}", case.name)
            }
            _ => panic!("{}: {outcome:?}, expected {:?}", case.name, case.expect),
        }
    }
}

#[test]
fn only_the_added_billable_units_are_charged() {
    // 4 included, 3 → 6 charges 2 units: 1.99 × 2 × 16/31
    let days = days_at(JAN_2027, MID_JAN);
    let change = ResourceChange { unit_price: d("1.99"), included: d("4"), old_quantity: d("3"), new_quantity: d("6") };
    let ResourceOutcome::Charge { line } = resource_change(&days, &change, "EUR").unwrap() else { panic!() };
    assert_eq!(line.quantity, d("2"));
    assert_eq!(line.unrounded, d("63.68") / d("31"));
}
