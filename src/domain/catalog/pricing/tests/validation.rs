//! Validation of periods, rates, discounts, currencies and quantities.

use super::support::*;
use crate::catalog::pricing::DiscountDuration::{Forever, Periods};
use crate::catalog::pricing::DiscountTarget::Recurring;
use crate::catalog::pricing::*;

fn err(input: &QuoteInput) -> PricingError {
    quote(input).unwrap_err()
}

#[test]
fn minor_units_per_currency() {
    for (code, dp) in [("EUR", 2), ("USD", 2), ("JPY", 0), ("KRW", 0), ("XOF", 0), ("KWD", 3), ("TND", 3), ("ZZZ", 2)] {
        assert_eq!(minor_units(code).unwrap(), dp, "{code}");
    }
    for code in ["eur", "EU", "EURO", "E1R", ""] {
        assert_eq!(minor_units(code), Err(PricingError::InvalidCurrency { currency: code.to_owned() }));
    }
}

#[test]
fn rounding_is_half_away_from_zero_with_fixed_scale() {
    for (amount, currency, want) in [
        ("0.005", "EUR", "0.01"),
        ("-0.005", "EUR", "-0.01"),
        ("0.0049", "EUR", "0.00"),
        ("2.5", "JPY", "3"),
        ("-2.5", "JPY", "-3"),
        ("1.0005", "BHD", "1.001"),
        ("7", "EUR", "7.00"),
    ] {
        assert_eq!(round_amount(d(amount), currency).unwrap().to_string(), want, "{amount} {currency}");
    }
}

#[test]
fn periods() {
    for m in PeriodLength::ALLOWED_MONTHS {
        assert_eq!(validate_period(&period(PeriodLength::Months(m), "1", "1")), Ok(()));
    }
    assert_eq!(validate_period(&period(PeriodLength::Days(7), "0", "1")), Ok(()));
    for length in [PeriodLength::Months(2), PeriodLength::Months(0), PeriodLength::Days(0)] {
        assert_eq!(validate_period(&period(length, "0", "1")), Err(PricingError::UnsupportedPeriod { length }));
    }
    let negative = |field: &str| Err(PricingError::NegativeFee { field: field.to_owned() });
    assert_eq!(validate_period(&period(PeriodLength::Months(1), "-1", "1")), negative("period.setup_fee"));
    assert_eq!(validate_period(&period(PeriodLength::Months(1), "0", "-1")), negative("period.recurring_fee"));
    let renewal = BillingPeriod { renewal_fee: Some(d("-0.01")), ..period(PeriodLength::Months(1), "0", "1") };
    assert_eq!(validate_period(&renewal), negative("period.renewal_fee"));
}

#[test]
fn rates() {
    let ok = rate("ram", "2", "1", "1");
    assert_eq!(validate_rate(&ok), Ok(()));
    let field = |f: &str| f.to_owned();
    let cases: Vec<(ResourceRate, PricingError)> = vec![
        (rate("ram", "-1", "0", "0"), PricingError::NegativeQuantity { resource: field("ram") }),
        (
            ResourceRate { maximum: Some(d("-1")), ..rate("ram", "0", "0", "0") },
            PricingError::NegativeQuantity { resource: field("ram") },
        ),
        (
            ResourceRate { maximum: Some(d("1")), ..ok.clone() },
            PricingError::IncludedAboveMaximum { resource: field("ram") },
        ),
        (rate("ram", "0", "-1", "0"), PricingError::NegativeFee { field: field("rates[ram].setup_fee.unit_price") }),
        (
            tiered_rate("ram", "0", volume(&[("5", "1", "0"), ("", "-1", "0")])),
            PricingError::NegativeFee { field: field("rates[ram].recurring_fee.tiers[1].unit_price") },
        ),
        (
            tiered_rate("ram", "0", graduated(&[("", "1", "-2")])),
            PricingError::NegativeFee { field: field("rates[ram].recurring_fee.tiers[0].flat_fee") },
        ),
        (tiered_rate("ram", "0", volume(&[])), PricingError::EmptyTiers { field: field("rates[ram].recurring_fee") }),
        (
            tiered_rate("ram", "0", volume(&[("5", "1", "0"), ("5", "1", "0"), ("", "1", "0")])),
            PricingError::TiersNotAscending { field: field("rates[ram].recurring_fee") },
        ),
        (
            tiered_rate("ram", "0", volume(&[("10", "1", "0"), ("5", "1", "0"), ("", "1", "0")])),
            PricingError::TiersNotAscending { field: field("rates[ram].recurring_fee") },
        ),
        (
            tiered_rate("ram", "0", graduated(&[("0", "1", "0"), ("", "1", "0")])),
            PricingError::TiersNotAscending { field: field("rates[ram].recurring_fee") },
        ),
        (
            tiered_rate("ram", "0", graduated(&[("", "1", "0"), ("5", "1", "0")])),
            PricingError::TiersNotAscending { field: field("rates[ram].recurring_fee") },
        ),
        // no maximum: a bounded last tier leaves large orders unpriced
        (
            tiered_rate("ram", "0", graduated(&[("5", "1", "0")])),
            PricingError::TiersIncomplete { field: field("rates[ram].recurring_fee") },
        ),
        // maximum 10, included 2: 8 additional units must be priced, the tiers stop at 5
        (
            ResourceRate { maximum: Some(d("10")), ..tiered_rate("ram", "2", graduated(&[("5", "1", "0")])) },
            PricingError::TiersIncomplete { field: field("rates[ram].recurring_fee") },
        ),
        // metered use has no maximum, so overage tiers must end unbounded even when a maximum exists
        (
            ResourceRate { maximum: Some(d("10")), overage: volume(&[("100", "1", "0")]), ..ok.clone() },
            PricingError::TiersIncomplete { field: field("rates[ram].overage") },
        ),
    ];
    for (rate, want) in cases {
        assert_eq!(validate_rate(&rate), Err(want.clone()), "{want}");
    }
    let capped = ResourceRate {
        maximum: Some(d("10")),
        ..tiered_rate("ram", "2", graduated(&[("3", "1", "0"), ("8", "1", "0")]))
    };
    assert_eq!(validate_rate(&capped), Ok(()));
}

#[test]
fn discounts() {
    assert_eq!(validate_discount(&pct("100", Recurring, Forever), "EUR"), Ok(()));
    assert_eq!(validate_discount(&pct("0", Recurring, Forever), "EUR"), Ok(()));
    for p in ["100.01", "-1"] {
        assert_eq!(
            validate_discount(&pct(p, Recurring, Forever), "EUR"),
            Err(PricingError::InvalidPercentage { percent: d(p) })
        );
    }
    assert_eq!(validate_discount(&pct("5", Recurring, Periods(0)), "EUR"), Err(PricingError::ZeroDiscountPeriods));
    assert_eq!(
        validate_discount(&fixed("-5", "EUR", Recurring, Forever), "EUR"),
        Err(PricingError::NegativeFee { field: "discount.amount".to_owned() })
    );
    assert_eq!(
        validate_discount(&fixed("5", "USD", Recurring, Forever), "EUR"),
        Err(PricingError::CurrencyMismatch { expected: "EUR".to_owned(), found: "USD".to_owned() })
    );
}

#[test]
fn quote_refuses_bad_orders() {
    let ram = || ResourceRate { maximum: Some(d("16")), ..rate("ram", "2", "0", "1") };
    let resource = |r: &str| r.to_owned();
    assert_eq!(
        err(&months(1, "0", "1").resource(ram(), "-1")),
        PricingError::NegativeQuantity { resource: resource("ram") }
    );
    assert_eq!(
        err(&months(1, "0", "1").resource(ram(), "16.5")),
        PricingError::QuantityAboveMaximum { resource: resource("ram"), maximum: d("16") }
    );
    assert!(quote(&months(1, "0", "1").resource(ram(), "16")).is_ok());
    let unknown = months(1, "0", "1").with(|i| {
        i.quantities.insert("gpu".to_owned(), d("1"));
    });
    assert_eq!(err(&unknown), PricingError::UnknownResource { resource: resource("gpu") });
    let twice = months(1, "0", "1").with(|i| i.rates = vec![ram(), ram()]);
    assert_eq!(err(&twice), PricingError::DuplicateResource { resource: resource("ram") });
    assert_eq!(
        err(&months(1, "0", "1").coupon(fixed("5", "USD", Recurring, Forever))),
        PricingError::CurrencyMismatch { expected: "EUR".to_owned(), found: "USD".to_owned() }
    );
    assert_eq!(
        err(&months(1, "0", "1").promo(promo("p", pct("120", Recurring, Forever)))),
        PricingError::InvalidPercentage { percent: d("120") }
    );
    assert_eq!(
        err(&plan("eur", period(PeriodLength::Months(1), "0", "1"))),
        PricingError::InvalidCurrency { currency: "eur".to_owned() }
    );
    assert_eq!(err(&months(1, "-1", "1")), PricingError::NegativeFee { field: "period.setup_fee".to_owned() });
    assert_eq!(err(&months(5, "0", "1")), PricingError::UnsupportedPeriod { length: PeriodLength::Months(5) });
}

#[test]
fn absurd_amounts_are_errors_not_panics() {
    let huge = months(1, "0", "1").resource(rate("ram", "0", "0", "79228162514264337593543950"), "10000");
    assert_eq!(err(&huge), PricingError::Overflow);
}
