//! Invariants of any period, change instant, prices and quantity.

use chrono::{Duration, TimeZone};
use proptest::prelude::*;

use super::*;
use crate::catalog::pricing::round_amount;

fn amount(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn currency() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("EUR"), Just("BHD"), Just("JPY")]
}

/// A period starting at any second from 2000 to 2100, from one day and a bit to about two years long.
fn any_period() -> impl Strategy<Value = Period> {
    (946_684_800i64..4_102_444_800, 0u32..1_000_000_000, 1i64..=800, 0i64..86_400).prop_map(
        |(secs, nanos, days, extra)| {
            let start = Utc.timestamp_opt(secs, nanos).unwrap();
            Period { start, end: start + Duration::days(days) + Duration::seconds(extra) }
        },
    )
}

/// A period, and an instant within it as a fraction (in millionths) of its length.
fn period_and_instant() -> impl Strategy<Value = (Period, DateTime<Utc>)> {
    (any_period(), 0i64..1_000_000).prop_map(|(p, millionths)| (p, instant(&p, millionths)))
}

fn instant(p: &Period, millionths: i64) -> DateTime<Utc> {
    let length = (p.end - p.start).num_nanoseconds().unwrap();
    p.start + Duration::nanoseconds(i64::try_from(i128::from(length) * i128::from(millionths) / 1_000_000).unwrap())
}

proptest! {
    #[test]
    fn an_unchanged_price_nets_to_zero(
        (p, change_at) in period_and_instant(), price in amount(100_000_000), qty in amount(10_000), cur in currency(),
    ) {
        let days = proration_days(&p, change_at).unwrap();
        let change = PriceChange { old_unit_price: price, new_unit_price: price, quantity: qty };
        let lines = change_lines(&days, &change, cur).unwrap();
        prop_assert_eq!(lines.credit.unrounded + lines.charge.unrounded, Decimal::ZERO);
        prop_assert_eq!(lines.credit.amount, -lines.charge.amount);
    }

    #[test]
    fn a_change_at_the_start_is_the_full_difference(
        p in any_period(), old in amount(100_000_000), new in amount(100_000_000), qty in amount(10_000),
        cur in currency(),
    ) {
        let days = proration_days(&p, p.start).unwrap();
        prop_assert_eq!(days.remaining(), days.total());
        prop_assert_eq!(days.factor(), Decimal::ONE);
        let lines = change_lines(&days, &PriceChange { old_unit_price: old, new_unit_price: new, quantity: qty }, cur)
            .unwrap();
        prop_assert_eq!(lines.credit.unrounded + lines.charge.unrounded, (new - old) * qty);
        prop_assert_eq!(lines.credit.amount, -round_amount(old * qty, cur).unwrap());
        prop_assert_eq!(lines.charge.amount, round_amount(new * qty, cur).unwrap());
    }

    #[test]
    fn a_change_at_the_end_gives_nothing(
        p in any_period(), old in amount(100_000_000), new in amount(100_000_000), qty in amount(10_000),
        cur in currency(),
    ) {
        let is_outside = matches!(proration_days(&p, p.end), Err(ProrationError::ChangeOutsidePeriod { .. }));
        prop_assert!(is_outside);
        let last = p.end - Duration::nanoseconds(1);
        let days = proration_days(&p, last).unwrap();
        prop_assert_eq!(days.remaining(), 0);
        let lines = change_lines(&days, &PriceChange { old_unit_price: old, new_unit_price: new, quantity: qty }, cur)
            .unwrap();
        prop_assert!(lines.credit.amount.is_zero() && lines.charge.amount.is_zero());
        prop_assert!(!lines.credit.amount.is_sign_negative());
        let refund = cancellation_refund(&days, RefundPolicy::Prorated, old, qty, cur).unwrap();
        let refunds_zero = matches!(refund, Refund::Prorated { line } if line.amount.is_zero());
        prop_assert!(refunds_zero);
    }

    #[test]
    fn the_factor_is_in_0_1_and_never_grows(p in any_period(), a in 0i64..1_000_000, b in 0i64..1_000_000) {
        let (early, late) = (instant(&p, a.min(b)), instant(&p, a.max(b)));
        let (f_early, f_late) = (proration_factor(&p, early).unwrap(), proration_factor(&p, late).unwrap());
        prop_assert!(Decimal::ZERO <= f_late && f_late <= f_early && f_early <= Decimal::ONE);
    }

    #[test]
    fn a_prorated_refund_is_the_credit_of_a_change(
        (p, at) in period_and_instant(), price in amount(100_000_000), qty in amount(10_000), cur in currency(),
    ) {
        let days = proration_days(&p, at).unwrap();
        let change = PriceChange { old_unit_price: price, new_unit_price: Decimal::ZERO, quantity: qty };
        let credit = change_lines(&days, &change, cur).unwrap().credit;
        let refund = cancellation_refund(&days, RefundPolicy::Prorated, price, qty, cur).unwrap();
        prop_assert_eq!(refund, Refund::Prorated { line: credit });
    }

    #[test]
    fn more_units_are_charged_as_a_change_of_the_added_units(
        (p, at) in period_and_instant(), price in amount(1_000_000), included in amount(100),
        old in amount(10_000), added in amount(10_000), cur in currency(),
    ) {
        let days = proration_days(&p, at).unwrap();
        let new = old + added;
        let change = ResourceChange { unit_price: price, included, old_quantity: old, new_quantity: new };
        let billable = (new - included).max(Decimal::ZERO) - (old - included).max(Decimal::ZERO);
        match resource_change(&days, &change, cur).unwrap() {
            ResourceOutcome::Charge { line } => {
                prop_assert_eq!(line.quantity, billable);
                prop_assert!(!line.amount.is_sign_negative());
            }
            ResourceOutcome::NoCharge => prop_assert!(billable.is_zero()),
            ResourceOutcome::AtTermEnd { .. } => prop_assert!(false, "more units never wait"),
        }
        let fewer = ResourceChange { unit_price: price, included, old_quantity: new, new_quantity: old };
        let outcome = resource_change(&days, &fewer, cur).unwrap();
        if added.is_zero() {
            prop_assert_eq!(outcome, ResourceOutcome::NoCharge);
        } else {
            prop_assert_eq!(outcome, ResourceOutcome::AtTermEnd { quantity: old });
        }
    }
}
