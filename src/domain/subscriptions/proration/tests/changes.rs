//! The two lines of a plan change: `−old × qty × remaining / total` and `+new × qty × remaining / total`, each
//! rounded on its own to the currency's decimals, half away from zero. Amounts are compared as strings, so the
//! number of decimals is checked too.

use super::*;

struct Case {
    name: &'static str,
    currency: &'static str,
    period: (&'static str, &'static str),
    change_at: &'static str,
    /// Old unit price, new unit price, quantity.
    prices: (&'static str, &'static str, &'static str),
    /// Credit and charge amounts.
    lines: (&'static str, &'static str),
}

fn case(
    name: &'static str,
    currency: &'static str,
    period: (&'static str, &'static str),
    change_at: &'static str,
    prices: (&'static str, &'static str, &'static str),
    lines: (&'static str, &'static str),
) -> Case {
    Case { name, currency, period, change_at, prices, lines }
}

const MID_JAN: &str = "2027-01-16T00:00:00Z";
const MID_FEB_2027: &str = "2027-02-15T00:00:00Z";
const MID_FEB_2028: &str = "2028-02-15T00:00:00Z";
const MID_APR: &str = "2027-04-16T00:00:00Z";

fn cases() -> Vec<Case> {
    vec![
        // −9.99 × 16/31 = −5.156129… → −5.16; 19.99 × 16/31 = 10.317419… → 10.32
        case("upgrade, the issue's date", "EUR", JAN_2027, MID_JAN, ("9.99", "19.99", "1"), ("-5.16", "10.32")),
        // from 17 Jan: −9.99 × 15/31 = −4.833870… → −4.83; 19.99 × 15/31 = 9.672580… → 9.67
        case("upgrade mid-day", "EUR", JAN_2027, "2027-01-16T12:00:00Z", ("9.99", "19.99", "1"), ("-4.83", "9.67")),
        // 31/31: the full prices
        case("on the first day", "EUR", JAN_2027, JAN_2027.0, ("9.99", "19.99", "1"), ("-9.99", "19.99")),
        // 1/31: −9.99 / 31 = −0.322258… → −0.32; 19.99 / 31 = 0.644838… → 0.64
        case("on the last day", "EUR", JAN_2027, "2027-01-31T00:00:00Z", ("9.99", "19.99", "1"), ("-0.32", "0.64")),
        // 0/31: nothing either way
        case("at the last second", "EUR", JAN_2027, "2027-01-31T23:59:59Z", ("9.99", "19.99", "1"), ("0.00", "0.00")),
        // 14/28 = 1/2: −9.99 / 2 = −4.995 → −5.00 (away from zero); 19.99 / 2 = 9.995 → 10.00
        case("February 2027, half", "EUR", FEB_2027, MID_FEB_2027, ("9.99", "19.99", "1"), ("-5.00", "10.00")),
        // 15/29: −9.99 × 15/29 = −5.167241… → −5.17; 19.99 × 15/29 = 10.339655… → 10.34
        case("February 2028", "EUR", FEB_2028, MID_FEB_2028, ("9.99", "19.99", "1"), ("-5.17", "10.34")),
        // 15/30: −0.01 / 2 = −0.005 → −0.01; 0.03 / 2 = 0.015 → 0.02
        case("half a cent each way", "USD", APR_2027, MID_APR, ("0.01", "0.03", "1"), ("-0.01", "0.02")),
        // 1/30, divided last: −0.45 / 30 = −0.015 → −0.02 (0.45 × 0.0333…3 would give 0.01499… → 0.01);
        // 0.75 / 30 = 0.025 → 0.03
        case("division last", "USD", APR_2027, "2027-04-30T00:00:00Z", ("0.45", "0.75", "1"), ("-0.02", "0.03")),
        // 10/31: −3.1155 × 10/31 = −31.155/31 = −1.005 → −1.01; 6.2 × 10/31 = 62/31 = 2.00
        case("31 days, exact half", "EUR", JAN_2027, "2027-01-22T00:00:00Z", ("3.1155", "6.2", "1"), ("-1.01", "2.00")),
        // 184/365: −120 × 184/365 = −22080/365 = −60.493150… → −60.49; 240 × 184/365 = 120.986301… → 120.99
        case("a year", "EUR", YEAR_2027, "2027-07-01T00:00:00Z", ("120", "240", "1"), ("-60.49", "120.99")),
        // 184/366: −22080/366 = −60.327868… → −60.33; 44160/366 = 120.655737… → 120.66
        case("a leap year", "EUR", YEAR_2028, "2028-07-01T00:00:00Z", ("120", "240", "1"), ("-60.33", "120.66")),
        // 5 seats, 16/31: −4 × 5 × 16/31 = −320/31 = −10.322580… → −10.32;
        // 6 × 5 × 16/31 = 480/31 = 15.483870… → 15.48
        case("five seats", "EUR", JAN_2027, MID_JAN, ("4.00", "6.00", "5"), ("-10.32", "15.48")),
        // 2.5 units, 1/2: −1.99 × 2.5 / 2 = −2.4875 → −2.49; 2.99 × 2.5 / 2 = 3.7375 → 3.74
        case("fractional quantity", "EUR", FEB_2027, MID_FEB_2027, ("1.99", "2.99", "2.5"), ("-2.49", "3.74")),
        // the date reversed: −19.99 × 16/31 → −10.32; 9.99 × 16/31 → 5.16
        case("downgrade", "EUR", JAN_2027, MID_JAN, ("19.99", "9.99", "1"), ("-10.32", "5.16")),
        // 3 × 15/29: −50 × 3 × 15/29 = −2250/29 = −77.586206… → −77.59;
        // 20 × 3 × 15/29 = 900/29 = 31.034482… → 31.03
        case("downgrade of three", "EUR", FEB_2028, MID_FEB_2028, ("50", "20", "3"), ("-77.59", "31.03")),
        // nothing paid, nothing credited; 9.99 × 16/31 → 5.16
        case("from a free plan", "EUR", JAN_2027, MID_JAN, ("0", "9.99", "1"), ("0.00", "5.16")),
        // −9.99 × 16/31 → −5.16; the free plan charges 0.00
        case("to a free plan", "EUR", JAN_2027, MID_JAN, ("9.99", "0", "1"), ("-5.16", "0.00")),
        case("free to free", "EUR", JAN_2027, MID_JAN, ("0", "0", "1"), ("0.00", "0.00")),
        // 15/31 both ways: −4.833870… → −4.83 and +4.83
        case("unchanged price", "EUR", JAN_2027, "2027-01-16T12:00:00Z", ("9.99", "9.99", "1"), ("-4.83", "4.83")),
        // 31/31 from the start instant of a period bought at 14:32
        case(
            "bought at 14:32, at its start",
            "EUR",
            FROM_1432,
            FROM_1432.0,
            ("9.99", "19.99", "1"),
            ("-9.99", "19.99"),
        ),
        // 16/31: −10 × 16/31 = −160/31 = −5.161290… → −5.161; 25.5 × 16/31 = 408/31 = 13.161290… → 13.161
        case("three decimals", "BHD", JAN_2027, MID_JAN, ("10.000", "25.500", "1"), ("-5.161", "13.161")),
        // 1/2: −1.001 / 2 = −0.5005 → −0.501; 2.003 / 2 = 1.0015 → 1.002
        case("three decimals, exact half", "BHD", APR_2027, MID_APR, ("1.001", "2.003", "1"), ("-0.501", "1.002")),
        // 16/31: −1000 × 16/31 = −516.129… → −516; 3000 × 16/31 = 1548.387… → 1548
        case("no decimals", "JPY", JAN_2027, MID_JAN, ("1000", "3000", "1"), ("-516", "1548")),
        // 1/2: −75 / 2 = −37.5 → −38; 125 / 2 = 62.5 → 63
        case("no decimals, exact half", "JPY", FEB_2027, MID_FEB_2027, ("75", "125", "1"), ("-38", "63")),
        // 29 Feb at midnight, 1/29: −29 / 29 = −1.00; 58 / 29 = 2.00
        case("29 February at midnight", "EUR", FEB_2028, "2028-02-29T00:00:00Z", ("29", "58", "1"), ("-1.00", "2.00")),
        // 29 Feb at noon counts from 1 Mar: 0/29
        case("29 February at noon", "EUR", FEB_2028, "2028-02-29T12:00:00Z", ("29", "58", "10"), ("0.00", "0.00")),
    ]
}

#[test]
fn lines_of_each_case() {
    let cases = cases();
    assert!(cases.len() >= 25);
    for case in &cases {
        let days = days_at(case.period, case.change_at);
        let (old, new, quantity) = case.prices;
        let change = PriceChange { old_unit_price: d(old), new_unit_price: d(new), quantity: d(quantity) };
        let lines = change_lines(&days, &change, case.currency).unwrap();
        let amounts = (lines.credit.amount.to_string(), lines.charge.amount.to_string());
        assert_eq!(amounts, (case.lines.0.to_owned(), case.lines.1.to_owned()), "{}", case.name);
        assert_eq!((lines.credit.kind, lines.charge.kind), (ProrationLineKind::Credit, ProrationLineKind::Charge));
        assert_eq!((lines.credit.days, lines.charge.days), (days, days), "{}", case.name);
        assert_eq!((lines.credit.unit_price, lines.charge.unit_price), (d(old), d(new)), "{}", case.name);
    }
}

#[test]
fn a_line_keeps_its_unrounded_amount() {
    // −9.99 × 16/31 = −159.84/31; 0.45 / 30 = 0.015 exactly
    let lines = change_lines(
        &days_at(JAN_2027, MID_JAN),
        &PriceChange { old_unit_price: d("9.99"), new_unit_price: d("0.45"), quantity: d("1") },
        "EUR",
    )
    .unwrap();
    assert_eq!(lines.credit.unrounded, d("-159.84") / d("31"));
    let april_30 = days_at(APR_2027, "2027-04-30T00:00:00Z");
    let change = PriceChange { old_unit_price: d("0.45"), new_unit_price: d("0.45"), quantity: d("1") };
    assert_eq!(change_lines(&april_30, &change, "EUR").unwrap().charge.unrounded, d("0.015"));
}
