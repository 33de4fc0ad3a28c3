//! Property tests: invariants that must hold for any valid plan and order.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::catalog::pricing::*;

fn amount(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

/// 1 to 4 tiers with strictly ascending bounds and an unbounded last tier.
fn tiers() -> impl Strategy<Value = Vec<Tier>> {
    prop::collection::vec(
        (amount(50_000).prop_filter("positive step", |s| *s > Decimal::ZERO), amount(100_000), amount(2_000)),
        1..=4,
    )
    .prop_map(|spec| {
        let last = spec.len() - 1;
        let mut bound = Decimal::ZERO;
        spec.into_iter()
            .enumerate()
            .map(|(i, (step, unit_price, flat_fee))| {
                bound += step;
                Tier { up_to: (i < last).then_some(bound), unit_price, flat_fee }
            })
            .collect()
    })
}

fn pricing() -> impl Strategy<Value = UnitPricing> {
    prop_oneof![
        amount(100_000).prop_map(UnitPricing::flat),
        tiers().prop_map(|tiers| UnitPricing::Volume { tiers }),
        tiers().prop_map(|tiers| UnitPricing::Graduated { tiers }),
    ]
}

fn rate_and_quantity(i: usize) -> impl Strategy<Value = (ResourceRate, Decimal)> {
    (amount(10_000), pricing(), pricing(), amount(100_000)).prop_map(move |(included, setup_fee, recurring_fee, q)| {
        let rate = ResourceRate {
            resource: format!("r{i}"),
            name: format!("Resource {i}"),
            included,
            maximum: None,
            setup_fee,
            recurring_fee,
            overage: UnitPricing::default(),
        };
        (rate, q)
    })
}

fn discount(currency: &'static str) -> impl Strategy<Value = Discount> {
    let value = prop_oneof![
        (0i64..=10_000).prop_map(|p| DiscountValue::Percent { percent: Decimal::new(p, 2) }),
        amount(1_000_000).prop_map(move |a| DiscountValue::Fixed { amount: a, currency: currency.to_owned() }),
    ];
    let target = prop_oneof![
        Just(DiscountTarget::Setup),
        Just(DiscountTarget::Recurring),
        Just(DiscountTarget::SetupAndRecurring)
    ];
    let duration = prop_oneof![(1u32..4).prop_map(DiscountDuration::Periods), Just(DiscountDuration::Forever)];
    (value, target, duration).prop_map(|(value, applies_to, duration)| Discount { value, applies_to, duration })
}

fn period() -> impl Strategy<Value = BillingPeriod> {
    let length = prop_oneof![
        prop::sample::select(PeriodLength::ALLOWED_MONTHS.to_vec()).prop_map(PeriodLength::Months),
        (1u32..=400).prop_map(PeriodLength::Days),
    ];
    (length, amount(1_000_000), amount(1_000_000), prop::option::of(amount(1_000_000)), 0u32..3, any::<bool>())
        .prop_map(|(length, setup_fee, recurring_fee, renewal_fee, trial, trial_waives_setup)| BillingPeriod {
            length,
            setup_fee,
            recurring_fee,
            renewal_fee,
            trial_days: trial * 7,
            trial_waives_setup,
        })
}

fn input() -> impl Strategy<Value = QuoteInput> {
    prop::sample::select(vec!["EUR", "JPY", "KWD"]).prop_flat_map(|currency| {
        let kind = prop_oneof![Just(PeriodKind::First), Just(PeriodKind::AfterTrial), Just(PeriodKind::Renewal)];
        let resources = (rate_and_quantity(0), rate_and_quantity(1), rate_and_quantity(2), 0usize..=3);
        let promotions = prop::collection::vec((discount(currency), 0u32..3), 0..3);
        (period(), kind, resources, prop::option::of(discount(currency)), 0u32..3, promotions).prop_map(
            move |(period, period_kind, (a, b, c, n), coupon, coupon_periods_applied, promotions)| {
                let resources: Vec<(ResourceRate, Decimal)> = [a, b, c].into_iter().take(n).collect();
                QuoteInput {
                    currency: currency.to_owned(),
                    plan_name: "Plan".to_owned(),
                    period,
                    period_kind,
                    quantities: resources.iter().map(|(r, q)| (r.resource.clone(), *q)).collect(),
                    rates: resources.into_iter().map(|(r, _)| r).collect(),
                    coupon: coupon.map(|discount| Coupon {
                        code: "C".to_owned(),
                        discount,
                        valid_from: None,
                        valid_until: None,
                        max_redemptions: None,
                        plan_ids: Vec::new(),
                    }),
                    coupon_periods_applied,
                    promotions: promotions
                        .into_iter()
                        .enumerate()
                        .map(|(i, (discount, periods_applied))| Promotion {
                            id: format!("p{i}"),
                            name: format!("P{i}"),
                            discount,
                            periods_applied,
                        })
                        .collect(),
                }
            },
        )
    })
}

proptest! {
    #[test]
    fn quote_invariants(input in input()) {
        let quote = quote(&input).unwrap();
        let dp = minor_units(&input.currency).unwrap();
        let sum: Decimal = quote.lines.iter().map(|l| l.amount).sum();
        prop_assert_eq!(sum, quote.total);
        prop_assert_eq!(quote.subtotal - quote.discount_total, quote.total);
        prop_assert!(quote.total >= Decimal::ZERO);
        prop_assert!(quote.discount_total <= quote.subtotal);
        for line in &quote.lines {
            prop_assert_eq!(line.amount.scale(), dp, "{:?}", line);
            prop_assert_eq!(line.amount, line.amount.round_dp(dp));
            prop_assert_eq!(line.kind == LineKind::Discount, line.amount < Decimal::ZERO || line.discounted_line.is_some());
        }
        for (i, line) in quote.lines.iter().enumerate().filter(|(_, l)| l.kind != LineKind::Discount) {
            prop_assert!(line.amount >= Decimal::ZERO);
            let taken: Decimal = quote.lines.iter().filter(|d| d.discounted_line == Some(i)).map(|d| -d.amount).sum();
            prop_assert!(taken <= line.amount, "line {} {:?} discounted by {}", i, line, taken);
        }
    }

    #[test]
    fn graduated_is_monotone(tiers in tiers(), a in amount(500_000), b in amount(500_000)) {
        let pricing = UnitPricing::Graduated { tiers };
        let (low, high) = (a.min(b), a.max(b));
        prop_assert!(price_units(&pricing, low).unwrap() <= price_units(&pricing, high).unwrap());
    }

    #[test]
    fn single_tier_graduated_equals_volume(unit_price in amount(100_000), flat_fee in amount(1_000), q in amount(500_000)) {
        let tiers = vec![Tier { up_to: None, unit_price, flat_fee }];
        let volume = price_units(&UnitPricing::Volume { tiers: tiers.clone() }, q).unwrap();
        prop_assert_eq!(volume, price_units(&UnitPricing::Graduated { tiers }, q).unwrap());
    }
}
