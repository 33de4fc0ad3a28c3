//! Order rules: the shape of an order, who sells it, and which status changes are allowed.
//! The service loads the facts (plans, owners, currencies); the decisions are made here.

use stratum_api::ordering::order::{OrderIn, OrderStatus};

use crate::catalog::rules::period_length;
use crate::validation::Checks;

pub const MAX_LINES: usize = 20;
pub const MAX_RESOURCES: usize = 100;
pub const REASON_MAX: usize = 500;

/// Checks what can be checked of a new order without the catalog: the number of lines,
/// each line's period and resource count, the coupon code's length.
pub fn check_shape(c: &mut Checks, input: &OrderIn) {
    if input.lines.is_empty() || input.lines.len() > MAX_LINES {
        c.fail("lines", "invalid_length", format!("an order has 1 to {MAX_LINES} lines"));
    }
    for (i, line) in input.lines.iter().enumerate() {
        if let Err(why) = period_length(line.months, line.days) {
            c.fail(&format!("lines[{i}].months"), "invalid_period", why);
        }
        if line.resources.len() > MAX_RESOURCES {
            c.fail(&format!("lines[{i}].resources"), "invalid_length", format!("at most {MAX_RESOURCES} resources"));
        }
    }
    if let Some(country) = &input.ip_country {
        c.country("ip_country", country);
    }
    if let Some(code) = &input.coupon_code {
        if code.is_empty() || code.chars().count() > 40 {
            c.fail("coupon_code", "invalid_length", "1 to 40 characters");
        }
    }
}

/// What one priced line contributes to the order's seller and currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSale<'a> {
    /// The owner of the line's plan.
    pub seller_id: &'a str,
    pub currency: &'a str,
}

/// Why the lines of an order cannot form one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MixedLines {
    /// Line `n` is sold by another account than line 0.
    Seller(usize),
    /// Line `n` is priced in another currency than line 0.
    Currency(usize),
}

/// The one seller and currency of an order's lines: an order is one sale by one account,
/// invoiced in one currency, so lines of different sellers or currencies are refused.
pub fn seller_of<'a>(lines: &[LineSale<'a>]) -> Result<Option<LineSale<'a>>, MixedLines> {
    let Some(first) = lines.first() else { return Ok(None) };
    for (i, l) in lines.iter().enumerate().skip(1) {
        if l.seller_id != first.seller_id {
            return Err(MixedLines::Seller(i));
        }
        if l.currency != first.currency {
            return Err(MixedLines::Currency(i));
        }
    }
    Ok(Some(first.clone()))
}

/// Whether an order in `status` is still open: its workflow has not ended.
pub fn is_open(status: OrderStatus) -> bool {
    matches!(status, OrderStatus::Placed | OrderStatus::InProgress | OrderStatus::WaitingApproval)
}

/// An order may be cancelled until its workflow ends.
pub fn check_cancel(status: OrderStatus) -> Result<(), String> {
    if is_open(status) {
        Ok(())
    } else {
        Err(format!("the order is {} and can no longer be cancelled", status_name(status)))
    }
}

fn status_name(s: OrderStatus) -> &'static str {
    match s {
        OrderStatus::Placed => "placed",
        OrderStatus::InProgress => "in_progress",
        OrderStatus::WaitingApproval => "waiting_approval",
        OrderStatus::Completed => "completed",
        OrderStatus::Rejected => "rejected",
        OrderStatus::Cancelled => "cancelled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stratum_api::ordering::order::{OrderLineIn, OrderType};

    fn line(months: Option<i32>, days: Option<i32>) -> OrderLineIn {
        OrderLineIn { plan_id: "pln_1".into(), months, days, resources: Vec::new(), parameters: Default::default() }
    }

    fn order(lines: Vec<OrderLineIn>) -> OrderIn {
        OrderIn {
            account_id: None,
            order_type: OrderType::Sales,
            brand_id: None,
            coupon_code: None,
            lines,
            ip_country: None,
        }
    }

    fn fields(input: &OrderIn) -> Vec<String> {
        let mut c = Checks::new();
        check_shape(&mut c, input);
        c.finish().err().unwrap_or_default().into_iter().map(|e| format!("{}:{}", e.field, e.code)).collect()
    }

    #[test]
    fn shape_needs_lines_with_one_period_each() {
        assert_eq!(fields(&order(vec![])), ["lines:invalid_length"]);
        assert_eq!(fields(&order(vec![line(Some(12), None)])), Vec::<String>::new());
        assert_eq!(fields(&order(vec![line(Some(1), None), line(None, None)])), ["lines[1].months:invalid_period"]);
        assert_eq!(fields(&order(vec![line(Some(1), Some(30))])), ["lines[0].months:invalid_period"]);
        assert_eq!(fields(&order((0..21).map(|_| line(Some(1), None)).collect())), ["lines:invalid_length"]);
    }

    #[test]
    fn one_seller_and_one_currency_per_order() {
        let a = LineSale { seller_id: "acc_p", currency: "USD" };
        let b = LineSale { seller_id: "acc_r", currency: "USD" };
        let c = LineSale { seller_id: "acc_p", currency: "EUR" };
        assert_eq!(seller_of(&[a.clone(), a.clone()]), Ok(Some(a.clone())));
        assert_eq!(seller_of(&[a.clone(), b]), Err(MixedLines::Seller(1)));
        assert_eq!(seller_of(&[a.clone(), a, c]), Err(MixedLines::Currency(2)));
        assert_eq!(seller_of(&[]), Ok(None));
    }

    #[test]
    fn only_open_orders_cancel() {
        for s in [OrderStatus::Placed, OrderStatus::InProgress, OrderStatus::WaitingApproval] {
            assert!(check_cancel(s).is_ok(), "{s:?}");
        }
        for s in [OrderStatus::Completed, OrderStatus::Rejected, OrderStatus::Cancelled] {
            assert!(check_cancel(s).is_err(), "{s:?}");
        }
    }
}
