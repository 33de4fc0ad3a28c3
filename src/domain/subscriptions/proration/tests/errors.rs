//! Refused input: each error names what is wrong.

use super::*;

fn outside(change_at: &str) -> ProrationError {
    ProrationError::ChangeOutsidePeriod {
        change_at: at(change_at),
        period_start: at(JAN_2027.0),
        period_end: at(JAN_2027.1),
    }
}

fn empty(p: (&str, &str)) -> ProrationError {
    ProrationError::EmptyPeriod { period_start: at(p.0), period_end: at(p.1) }
}

#[test]
fn a_change_outside_the_period() {
    let jan = period(JAN_2027);
    assert_eq!(proration_days(&jan, at("2026-12-31T23:59:59Z")), Err(outside("2026-12-31T23:59:59Z")));
    // the end belongs to the next period, where it is a change at the start
    assert_eq!(proration_days(&jan, at(JAN_2027.1)), Err(outside(JAN_2027.1)));
    assert_eq!(proration_factor(&jan, at("2027-03-01T00:00:00Z")), Err(outside("2027-03-01T00:00:00Z")));
}

#[test]
fn a_period_without_a_whole_day() {
    for p in [
        (JAN_2027.0, JAN_2027.0),                         // zero length
        (JAN_2027.1, JAN_2027.0),                         // ends before it starts
        ("2027-01-01T08:00:00Z", "2027-01-01T20:00:00Z"), // no midnight inside
        ("2027-01-01T00:00:01Z", "2027-01-02T00:00:00Z"), // a second short of a day
    ] {
        assert_eq!(proration_days(&period(p), at(p.0)), Err(empty(p)), "{p:?}");
    }
}

#[test]
fn negative_quantities_and_prices() {
    let days = days_at(JAN_2027, "2027-01-16T00:00:00Z");
    let quantity = |field: &str| ProrationError::NegativeQuantity { field: field.to_owned() };
    let price = |field: &str| ProrationError::NegativePrice { field: field.to_owned() };
    let change = |old: &str, new: &str, qty: &str| PriceChange {
        old_unit_price: d(old),
        new_unit_price: d(new),
        quantity: d(qty),
    };
    assert_eq!(change_lines(&days, &change("1", "2", "-1"), "EUR").unwrap_err(), quantity("quantity"));
    assert_eq!(change_lines(&days, &change("-1", "2", "1"), "EUR").unwrap_err(), price("old_unit_price"));
    assert_eq!(change_lines(&days, &change("1", "-0.01", "1"), "EUR").unwrap_err(), price("new_unit_price"));
    // −0 is zero, not negative
    assert!(change_lines(&days, &change("-0", "0", "-0"), "EUR").is_ok());

    let resource = |included: &str, old: &str, new: &str, unit: &str| ResourceChange {
        unit_price: d(unit),
        included: d(included),
        old_quantity: d(old),
        new_quantity: d(new),
    };
    assert_eq!(resource_change(&days, &resource("-1", "1", "2", "1"), "EUR").unwrap_err(), quantity("included"));
    assert_eq!(resource_change(&days, &resource("0", "-1", "2", "1"), "EUR").unwrap_err(), quantity("old_quantity"));
    assert_eq!(resource_change(&days, &resource("0", "1", "-2", "1"), "EUR").unwrap_err(), quantity("new_quantity"));
    assert_eq!(resource_change(&days, &resource("0", "1", "2", "-1"), "EUR").unwrap_err(), price("unit_price"));

    let refund = |unit: &str, qty: &str| cancellation_refund(&days, RefundPolicy::None, d(unit), d(qty), "EUR");
    assert_eq!(refund("30", "-1").unwrap_err(), quantity("quantity"));
    assert_eq!(refund("-30", "1").unwrap_err(), price("unit_price"));
}

#[test]
fn an_invalid_currency_even_when_nothing_is_refunded() {
    let days = days_at(JAN_2027, "2027-01-16T00:00:00Z");
    let invalid = ProrationError::InvalidCurrency { currency: "eur".to_owned() };
    let change = PriceChange { old_unit_price: d("1"), new_unit_price: d("2"), quantity: d("1") };
    assert_eq!(change_lines(&days, &change, "eur").unwrap_err(), invalid);
    assert_eq!(cancellation_refund(&days, RefundPolicy::None, d("1"), d("1"), "eur").unwrap_err(), invalid);
}

#[test]
fn an_absurd_amount_is_an_error_not_a_panic() {
    let days = days_at(JAN_2027, "2027-01-16T00:00:00Z");
    let change = PriceChange { old_unit_price: Decimal::MAX, new_unit_price: d("1"), quantity: Decimal::MAX };
    assert_eq!(change_lines(&days, &change, "EUR"), Err(ProrationError::Overflow));
}

#[test]
fn errors_serialise_with_a_snake_case_code() {
    let code = |e: ProrationError| serde_json::to_value(e).unwrap()["error"].as_str().unwrap().to_owned();
    assert_eq!(code(outside(JAN_2027.1)), "change_outside_period");
    assert_eq!(code(empty(JAN_2027)), "empty_period");
    assert_eq!(code(ProrationError::NegativeQuantity { field: "quantity".to_owned() }), "negative_quantity");
    assert_eq!(code(ProrationError::Overflow), "overflow");
    assert_eq!(
        outside(JAN_2027.1).to_string(),
        "2027-02-01 00:00:00 UTC is not within the period [2027-01-01 00:00:00 UTC, 2027-02-01 00:00:00 UTC)"
    );
}
