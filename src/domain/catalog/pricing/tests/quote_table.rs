//! Hand-computed quotes. Each row lists every line as (kind, amount) in quote order, then the total; amounts
//! are compared as strings so the number of decimals is checked too.

use super::support::*;
use crate::catalog::pricing::DiscountDuration::{Forever, Periods};
use crate::catalog::pricing::DiscountTarget::{Recurring, Setup, SetupAndRecurring};
use crate::catalog::pricing::*;

const S: LineKind = LineKind::Setup;
const R: LineKind = LineKind::Recurring;
const RS: LineKind = LineKind::ResourceSetup;
const RR: LineKind = LineKind::ResourceRecurring;
const D: LineKind = LineKind::Discount;

struct Case {
    name: &'static str,
    input: QuoteInput,
    lines: Vec<(LineKind, &'static str)>,
    total: &'static str,
}

fn case(name: &'static str, input: QuoteInput, lines: &[(LineKind, &'static str)], total: &'static str) -> Case {
    Case { name, input, lines: lines.to_vec(), total }
}

/// Tiers used by the volume/graduated rows: 0–10 at 1.00, 10–50 at 0.80, above at 0.50 (per unit per month).
const STEPS: &[(&str, &str, &str)] = &[("10", "1.00", "0"), ("50", "0.80", "0"), ("", "0.50", "0")];

fn cases() -> Vec<Case> {
    vec![
        // --- flat plans, each period length ---
        case("1 month flat", months(1, "10", "5"), &[(S, "10.00"), (R, "5.00")], "15.00"),
        case("3 months, no setup line when free", months(3, "0", "27"), &[(R, "27.00")], "27.00"),
        case("6 months", months(6, "0", "50"), &[(R, "50.00")], "50.00"),
        case("12 months", months(12, "19.99", "99.99"), &[(S, "19.99"), (R, "99.99")], "119.98"),
        // 2 additional GB × 2.00 × 24 months = 96.00
        case(
            "24 months + RAM",
            months(24, "0", "180").resource(rate("ram", "2", "0", "2"), "4"),
            &[(R, "180.00"), (RR, "96.00")],
            "276.00",
        ),
        // (120 − 20) GB × 0.05 × 36 months = 180.00
        case(
            "36 months + disk",
            months(36, "0", "240").resource(rate("disk", "20", "0", "0.05"), "120"),
            &[(R, "240.00"), (RR, "180.00")],
            "420.00",
        ),
        // --- periods in days: per-month resource prices × days / 30 ---
        case(
            "30 days = 1 month",
            days(30, "0", "9").resource(rate("ram", "0", "0", "3"), "1"),
            &[(R, "9.00"), (RR, "3.00")],
            "12.00",
        ),
        // 3 × 2.00 × 45 / 30 = 9.00
        case(
            "45 days",
            days(45, "0", "12").resource(rate("ram", "0", "0", "2"), "3"),
            &[(R, "12.00"), (RR, "9.00")],
            "21.00",
        ),
        // 1 × 1.00 × 10 / 30 = 0.333… → 0.33
        case(
            "10 days",
            days(10, "0", "4").resource(rate("ip", "0", "0", "1"), "1"),
            &[(R, "4.00"), (RR, "0.33")],
            "4.33",
        ),
        // 0.45 × 1 / 30 = 0.015 exactly → 0.02 (a rounded 1/30 would give 0.01499… → 0.01)
        case(
            "1 day midpoint",
            days(1, "0", "1").resource(rate("ip", "0", "0", "0.45"), "1"),
            &[(R, "1.00"), (RR, "0.02")],
            "1.02",
        ),
        // --- extra resources ---
        // 3 ordered − 1 included = 2: setup 2 × 2.00 = 4.00, monthly 2 × 1.50 = 3.00
        case(
            "resource setup and recurring",
            months(1, "0", "10").resource(rate("ip", "1", "2", "1.5"), "3"),
            &[(R, "10.00"), (RS, "4.00"), (RR, "3.00")],
            "17.00",
        ),
        case(
            "only the included amount",
            months(1, "0", "10").resource(rate("ram", "2", "5", "5"), "2"),
            &[(R, "10.00")],
            "10.00",
        ),
        case(
            "below the included amount",
            months(1, "0", "10").resource(rate("ram", "2", "5", "5"), "1"),
            &[(R, "10.00")],
            "10.00",
        ),
        // --- volume vs graduated tiers ---
        // 10 additional sits in tier 1 (bound inclusive): 10 × 1.00
        case(
            "volume at a tier bound",
            months(1, "0", "5").resource(tiered_rate("bw", "0", volume(STEPS)), "10"),
            &[(R, "5.00"), (RR, "10.00")],
            "15.00",
        ),
        // 11 falls in tier 2, which prices all units: 11 × 0.80 = 8.80
        case(
            "volume just past a bound",
            months(1, "0", "5").resource(tiered_rate("bw", "0", volume(STEPS)), "11"),
            &[(R, "5.00"), (RR, "8.80")],
            "13.80",
        ),
        // 10 × 1.00 + 1 × 0.80 = 10.80
        case(
            "graduated just past a bound",
            months(1, "0", "5").resource(tiered_rate("bw", "0", graduated(STEPS)), "11"),
            &[(R, "5.00"), (RR, "10.80")],
            "15.80",
        ),
        // 70 ordered − 10 included = 60: 10 × 1.00 + 40 × 0.80 + 10 × 0.50 = 47.00
        case(
            "graduated across three tiers",
            months(1, "0", "5").resource(tiered_rate("bw", "10", graduated(STEPS)), "70"),
            &[(R, "5.00"), (RR, "47.00")],
            "52.00",
        ),
        // 60 × 0.50 = 30.00
        case(
            "volume in the last tier",
            months(1, "0", "5").resource(tiered_rate("bw", "10", volume(STEPS)), "70"),
            &[(R, "5.00"), (RR, "30.00")],
            "35.00",
        ),
        // (flat 10 + 5 × 0) + (3 × 2.00 + flat 1) = 17 a month × 3 months = 51.00
        case(
            "graduated flat fees",
            months(3, "0", "30").resource(tiered_rate("db", "0", graduated(&[("5", "0", "10"), ("", "2", "1")])), "8"),
            &[(R, "30.00"), (RR, "51.00")],
            "81.00",
        ),
        // --- fractional quantities ---
        // 2.5 GB × 1.99 = 4.975 → 4.98 (midpoint away from zero)
        case(
            "fractional GB midpoint",
            months(1, "0", "10").resource(rate("ram", "0", "0", "1.99"), "2.5"),
            &[(R, "10.00"), (RR, "4.98")],
            "14.98",
        ),
        // (1.5 × 2 + 0.75 × 1) × 3 months = 3.75 × 3 = 11.25
        case(
            "fractional graduated",
            months(3, "0", "0")
                .resource(tiered_rate("ram", "0", graduated(&[("1.5", "2", "0"), ("", "1", "0")])), "2.25"),
            &[(R, "0.00"), (RR, "11.25")],
            "11.25",
        ),
        // --- coupons ---
        case(
            "10% on recurring only",
            months(1, "20", "50").coupon(pct("10", Recurring, Forever)),
            &[(S, "20.00"), (R, "50.00"), (D, "-5.00")],
            "65.00",
        ),
        case(
            "25% on setup only",
            months(1, "20", "50").coupon(pct("25", Setup, Forever)),
            &[(S, "20.00"), (R, "50.00"), (D, "-5.00")],
            "65.00",
        ),
        // 10% of each line: 2.00 + 5.00 + 0.60 (RAM 3 × 2.00 = 6.00)
        case(
            "10% on both, resource lines too",
            months(1, "20", "50").resource(rate("ram", "0", "0", "2"), "3").coupon(pct(
                "10",
                SetupAndRecurring,
                Forever,
            )),
            &[(S, "20.00"), (R, "50.00"), (RR, "6.00"), (D, "-2.00"), (D, "-5.00"), (D, "-0.60")],
            "68.40",
        ),
        // 15.00 spread in line order: setup absorbs 10.00, recurring the other 5.00
        case(
            "fixed spread over lines",
            months(1, "10", "20").coupon(fixed("15", "EUR", SetupAndRecurring, Forever)),
            &[(S, "10.00"), (R, "20.00"), (D, "-10.00"), (D, "-5.00")],
            "15.00",
        ),
        case(
            "fixed larger than the line",
            months(1, "5", "20").coupon(fixed("100", "EUR", Recurring, Forever)),
            &[(S, "5.00"), (R, "20.00"), (D, "-20.00")],
            "5.00",
        ),
        case(
            "fixed larger than everything",
            months(1, "5", "20").coupon(fixed("100", "EUR", SetupAndRecurring, Forever)),
            &[(S, "5.00"), (R, "20.00"), (D, "-5.00"), (D, "-20.00")],
            "0.00",
        ),
        case(
            "N-period coupon in its last period",
            months(1, "0", "50").renewal(None).with(|i| i.coupon_periods_applied = 2).coupon(pct(
                "20",
                Recurring,
                Periods(3),
            )),
            &[(R, "50.00"), (D, "-10.00")],
            "40.00",
        ),
        case(
            "N-period coupon the period after",
            months(1, "0", "50").renewal(None).with(|i| i.coupon_periods_applied = 3).coupon(pct(
                "20",
                Recurring,
                Periods(3),
            )),
            &[(R, "50.00")],
            "50.00",
        ),
        // --- promotion + coupon stacking ---
        // fixed first: 100 − 10 = 90; then 20% of 90 = 18. Lines: promotion first, then coupon.
        case(
            "promotion % + coupon fixed",
            months(1, "0", "100")
                .promo(promo("p", pct("20", Recurring, Forever)))
                .coupon(fixed("10", "EUR", Recurring, Forever)),
            &[(R, "100.00"), (D, "-18.00"), (D, "-10.00")],
            "72.00",
        ),
        // 50% of 80 = 40, then 50% of the 40 left = 20
        case(
            "percentages compound",
            months(1, "0", "80").promo(promo("p", pct("50", Recurring, Forever))).coupon(pct("50", Recurring, Forever)),
            &[(R, "80.00"), (D, "-40.00"), (D, "-20.00")],
            "20.00",
        ),
        // 5% of 150 = 7.50 < fixed 20 on setup: the fixed promotion wins, the other is dropped
        case(
            "best promotion only",
            months(1, "100", "50")
                .promo(promo("five", pct("5", SetupAndRecurring, Forever)))
                .promo(promo("twenty", fixed("20", "EUR", Setup, Forever))),
            &[(S, "100.00"), (R, "50.00"), (D, "-20.00")],
            "130.00",
        ),
        // --- trials ---
        case("trial charges setup", months(1, "10", "30").trial(14, false), &[(S, "10.00"), (R, "0.00")], "10.00"),
        // RAM: setup 2 × 5 and monthly 2 × 3 are shown at zero too
        case(
            "trial waiving setup",
            months(1, "10", "30").resource(rate("ram", "0", "5", "3"), "2").trial(14, true),
            &[(S, "0.00"), (R, "0.00"), (RS, "0.00"), (RR, "0.00")],
            "0.00",
        ),
        case(
            "trial leaves a recurring coupon unused",
            months(1, "10", "30").trial(7, false).coupon(pct("20", Recurring, Periods(1))),
            &[(S, "10.00"), (R, "0.00")],
            "10.00",
        ),
        case(
            "after the trial",
            months(1, "10", "30").trial(14, false).with(|i| i.period_kind = PeriodKind::AfterTrial),
            &[(R, "30.00")],
            "30.00",
        ),
        // --- renewals ---
        // renewal fee, no setup, resource setup dropped, RAM 2 × 2.00 still charged
        case(
            "renewal with renewal fee",
            months(1, "10", "30").resource(rate("ram", "0", "5", "2"), "2").renewal(Some("36")),
            &[(R, "36.00"), (RR, "4.00")],
            "40.00",
        ),
        case("renewal without renewal fee", months(12, "10", "300").renewal(None), &[(R, "300.00")], "300.00"),
        case(
            "renewal ignores the trial",
            months(1, "10", "30").trial(14, true).renewal(None),
            &[(R, "30.00")],
            "30.00",
        ),
        // --- currencies with 0 and 3 decimals, midpoints ---
        // 3 × 12.5 = 37.5 → 38
        case(
            "JPY midpoint",
            plan("JPY", period(PeriodLength::Months(1), "0", "1000")).resource(rate("ram", "0", "0", "12.5"), "3"),
            &[(R, "1000"), (RR, "38")],
            "1038",
        ),
        // 15% of 999 = 149.85 → 150
        case(
            "JPY coupon",
            plan("JPY", period(PeriodLength::Months(1), "0", "999")).coupon(pct("15", Recurring, Forever)),
            &[(R, "999"), (D, "-150")],
            "849",
        ),
        // 1 × 0.1235 × 3 = 0.3705 → 0.371
        case(
            "KWD midpoint",
            plan("KWD", period(PeriodLength::Months(3), "0", "4.5")).resource(rate("ram", "0", "0", "0.1235"), "1"),
            &[(R, "4.500"), (RR, "0.371")],
            "4.871",
        ),
        // 12.5% of 4.500 = 0.5625 → 0.563
        case(
            "KWD coupon",
            plan("KWD", period(PeriodLength::Months(1), "0", "4.5")).coupon(pct("12.5", Recurring, Forever)),
            &[(R, "4.500"), (D, "-0.563")],
            "3.937",
        ),
        // 10.005 → 10.01; 10% of the rounded 10.01 = 1.001 → 1.00
        case(
            "EUR midpoint fee",
            months(1, "0", "10.005").coupon(pct("10", Recurring, Forever)),
            &[(R, "10.01"), (D, "-1.00")],
            "9.01",
        ),
        // maximum 20, included 4: the last tier may stop at 16; 16 × 0.50 = 8.00
        case(
            "bounded last tier up to the maximum",
            months(1, "0", "1").resource(
                ResourceRate {
                    maximum: Some(d("20")),
                    ..tiered_rate("ip", "4", volume(&[("8", "1", "0"), ("16", "0.5", "0")]))
                },
                "20",
            ),
            &[(R, "1.00"), (RR, "8.00")],
            "9.00",
        ),
    ]
}

#[test]
fn hand_computed_quotes() {
    let cases = cases();
    assert!(cases.len() >= 30);
    for case in cases {
        let quote = quote(&case.input).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let got: Vec<(LineKind, String)> = quote.lines.iter().map(|l| (l.kind, l.amount.to_string())).collect();
        let want: Vec<(LineKind, String)> = case.lines.iter().map(|(k, a)| (*k, (*a).to_owned())).collect();
        assert_eq!(got, want, "{}", case.name);
        assert_eq!(quote.total.to_string(), case.total, "{}", case.name);
        let sum: rust_decimal::Decimal = quote.lines.iter().map(|l| l.amount).sum();
        assert_eq!(sum, quote.total, "{}", case.name);
        assert_eq!(quote.subtotal - quote.discount_total, quote.total, "{}", case.name);
    }
}
