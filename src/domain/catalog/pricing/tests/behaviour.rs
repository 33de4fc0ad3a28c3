//! Coupon applicability, overage, tier pricing and the quote's metadata.

use super::support::*;
use crate::catalog::pricing::DiscountDuration::{Forever, Periods};
use crate::catalog::pricing::DiscountTarget::{Recurring, Setup, SetupAndRecurring};
use crate::catalog::pricing::*;

fn limited_coupon() -> Coupon {
    Coupon {
        valid_from: Some(1_000),
        valid_until: Some(2_000),
        max_redemptions: Some(5),
        plan_ids: vec!["vps-s".to_owned(), "vps-m".to_owned()],
        ..coupon("TEN", fixed("10", "EUR", Recurring, Forever))
    }
}

#[test]
fn coupon_refusals_and_their_order() {
    let c = limited_coupon();
    assert_eq!(coupon_applicability(&c, "vps-s", "EUR", 1_000, 4), Ok(()));
    assert_eq!(coupon_applicability(&c, "vps-m", "EUR", 1_999, 0), Ok(()));
    assert_eq!(coupon_applicability(&c, "vps-s", "EUR", 999, 0), Err(CouponRefusal::NotYetValid));
    assert_eq!(coupon_applicability(&c, "vps-s", "EUR", 2_000, 0), Err(CouponRefusal::Expired));
    assert_eq!(coupon_applicability(&c, "vps-s", "EUR", 1_500, 5), Err(CouponRefusal::UsageLimitReached));
    assert_eq!(coupon_applicability(&c, "vps-l", "EUR", 1_500, 0), Err(CouponRefusal::NotForPlan));
    assert_eq!(coupon_applicability(&c, "vps-s", "USD", 1_500, 0), Err(CouponRefusal::CurrencyMismatch));
    // several failures: the first in variant order is reported
    assert_eq!(coupon_applicability(&c, "vps-l", "USD", 5_000, 9), Err(CouponRefusal::Expired));
    let open = coupon("ANY", pct("10", Recurring, Forever));
    assert_eq!(coupon_applicability(&open, "whatever", "JPY", i64::MIN, u32::MAX), Ok(()));
}

#[test]
fn tier_pricing() {
    let steps = [("10", "1", "0"), ("50", "0.8", "0"), ("", "0.5", "0")];
    for (units, vol, grad) in
        [("0", "0", "0"), ("4", "4", "4"), ("10", "10", "10"), ("50", "40", "42"), ("51", "25.5", "42.5")]
    {
        assert_eq!(price_units(&volume(&steps), d(units)).unwrap(), d(vol), "volume {units}");
        assert_eq!(price_units(&graduated(&steps), d(units)).unwrap(), d(grad), "graduated {units}");
    }
    // no units, no flat fee
    assert_eq!(price_units(&volume(&[("", "1", "99")]), d("0")).unwrap(), d("0"));
    let bounded = graduated(&[("5", "1", "0")]);
    assert_eq!(price_units(&bounded, d("6")), Err(PricingError::QuantityBeyondTiers { quantity: d("6") }));
    assert_eq!(
        price_units(&volume(&[("5", "1", "0")]), d("5.01")),
        Err(PricingError::QuantityBeyondTiers { quantity: d("5.01") })
    );
}

#[test]
fn overage_amounts() {
    let bw = ResourceRate {
        overage: graduated(&[("100", "0.01", "0"), ("", "0.005", "0")]),
        ..rate("bw", "1000", "0", "0")
    };
    // 1250 used − 1000 free = 250: 100 × 0.01 + 150 × 0.005 = 1.75
    assert_eq!(overage(&bw, d("1250"), d("1000"), "EUR").unwrap().to_string(), "1.75");
    assert_eq!(overage(&bw, d("999"), d("1000"), "EUR").unwrap().to_string(), "0.00");
    // the included amount is the caller's: a pro-rated 500 makes 750 over: 1 + 650 × 0.005 = 4.25
    assert_eq!(overage(&bw, d("1250"), d("500"), "EUR").unwrap().to_string(), "4.25");
    // 0.5 over × 0.01 = 0.005 → 0.01
    assert_eq!(overage(&bw, d("1000.5"), d("1000"), "EUR").unwrap().to_string(), "0.01");
    let jpy = ResourceRate { overage: UnitPricing::flat(d("2.5")), ..rate("bw", "0", "0", "0") };
    assert_eq!(overage(&jpy, d("3"), d("0"), "JPY").unwrap().to_string(), "8");
    assert_eq!(overage(&bw, d("-1"), d("0"), "EUR"), Err(PricingError::NegativeQuantity { resource: "bw".to_owned() }));
    assert_eq!(overage(&bw, d("1"), d("-1"), "EUR"), Err(PricingError::NegativeQuantity { resource: "bw".to_owned() }));
}

#[test]
fn lines_carry_units_prices_and_links() {
    let input = months(3, "10", "30")
        .resource(rate("ram", "2", "1", "2"), "5")
        .resource(tiered_rate("bw", "0", graduated(&[("10", "1", "0"), ("", "0.5", "0")])), "12")
        .coupon(pct("10", SetupAndRecurring, Forever));
    let q = quote(&input).unwrap();
    let ram: Vec<&QuoteLine> = q.lines.iter().filter(|l| l.resource.as_deref() == Some("ram")).collect();
    // setup 3 × 1, recurring 3 × 2 × 3 months = 18, then their two discount lines
    assert_eq!(ram[0].kind, LineKind::ResourceSetup);
    assert_eq!((ram[0].quantity, ram[0].unit_price), (d("3"), Some(d("1"))));
    assert_eq!((ram[1].quantity, ram[1].unit_price, ram[1].amount), (d("3"), Some(d("6")), d("18.00")));
    assert_eq!(ram[1].description, "RAM — 3 additional (5 ordered, 2 included), 3 months");
    let bw = q.lines.iter().find(|l| l.resource.as_deref() == Some("bw")).unwrap();
    assert_eq!((bw.unit_price, bw.amount), (None, d("33.00")));
    for line in q.lines.iter().filter(|l| l.kind == LineKind::Discount) {
        let target = &q.lines[line.discounted_line.unwrap()];
        assert_ne!(target.kind, LineKind::Discount);
        assert_eq!(line.resource, target.resource);
        assert!(line.description.starts_with("SAVE — on "));
    }
    assert!(q.coupon_applied);
    assert_eq!(q.trial_ends_in_days, None);
}

#[test]
fn day_periods_show_the_scaled_unit_price() {
    let q = quote(&days(15, "0", "5").resource(rate("ip", "0", "0", "3"), "2")).unwrap();
    // 3.00 a month × 15 / 30 = 1.50 per unit, 2 units = 3.00
    assert_eq!((q.lines[1].unit_price, q.lines[1].amount), (Some(d("1.5")), d("3.00")));
}

#[test]
fn trial_reports_its_end_and_zeroes_prices() {
    let q = quote(&months(1, "10", "30").trial(14, false)).unwrap();
    assert_eq!(q.trial_ends_in_days, Some(14));
    assert_eq!(q.lines[1].unit_price, Some(d("0")));
    assert!(q.lines[1].description.ends_with("(free during trial)"));
    let after =
        quote(&months(1, "10", "30").trial(14, false).with(|i| i.period_kind = PeriodKind::AfterTrial)).unwrap();
    assert_eq!(after.trial_ends_in_days, None);
}

#[test]
fn promotion_choice() {
    let base = || months(1, "100", "50");
    // equal savings (15.00 each): the earlier promotion wins
    let q = quote(
        &base()
            .promo(promo("a", pct("10", SetupAndRecurring, Forever)))
            .promo(promo("b", fixed("15", "EUR", Setup, Forever))),
    )
    .unwrap();
    assert_eq!(q.applied_promotion.as_deref(), Some("a"));
    // an exhausted promotion is not a candidate
    let used_up = Promotion { periods_applied: 1, ..promo("big", pct("90", SetupAndRecurring, Periods(1))) };
    let q = quote(&base().promo(used_up).promo(promo("small", pct("1", Recurring, Forever)))).unwrap();
    assert_eq!((q.applied_promotion.as_deref(), q.total), (Some("small"), d("149.50")));
    // nothing to reduce: no promotion reported
    let q = quote(&base().promo(promo("s", pct("50", Setup, Forever))).renewal(None)).unwrap();
    assert_eq!(q.applied_promotion, None);
    // the coupon eats the whole line first, so the promotion takes nothing and is not reported
    let q =
        quote(&base().promo(promo("p", pct("10", Recurring, Forever))).coupon(fixed("60", "EUR", Recurring, Forever)))
            .unwrap();
    assert_eq!((q.applied_promotion, q.coupon_applied, q.total), (None, true, d("100.00")));
}

#[test]
fn coupon_applied_counts_only_real_reductions() {
    let setup_only = || months(1, "10", "30").coupon(pct("50", Setup, Periods(1)));
    assert!(quote(&setup_only()).unwrap().coupon_applied);
    assert!(!quote(&setup_only().renewal(None)).unwrap().coupon_applied);
    assert!(!quote(&months(1, "10", "30")).unwrap().coupon_applied);
}

#[test]
fn worked_example_of_pricing_md() {
    let ip = ResourceRate {
        setup_fee: UnitPricing::flat(d("2")),
        recurring_fee: graduated(&[("1", "1.50", "0"), ("", "1.00", "0")]),
        ..rate("ipv4", "1", "0", "0")
    };
    let input = months(12, "20", "120")
        .resource(rate("ram", "4", "0", "1.99"), "6.5")
        .resource(ip, "3")
        .promo(promo("five", pct("5", SetupAndRecurring, Forever)))
        .promo(promo("spring", pct("10", Recurring, Forever)))
        .coupon(fixed("15", "EUR", SetupAndRecurring, Periods(1)));
    let q = quote(&input).unwrap();
    let amounts: Vec<String> = q.lines.iter().map(|l| l.amount.to_string()).collect();
    let want = ["20.00", "120.00", "59.70", "4.00", "30.00", "-12.00", "-5.97", "-3.00", "-15.00"];
    assert_eq!(amounts, want);
    assert_eq!((q.subtotal, q.discount_total, q.total), (d("233.70"), d("35.97"), d("197.73")));
    assert_eq!((q.applied_promotion.as_deref(), q.coupon_applied), (Some("spring"), true));
}
