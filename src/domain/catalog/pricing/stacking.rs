//! Applies at most one promotion and one coupon to the charge lines of a quote.

use rust_decimal::Decimal;

use super::discount::{Discount, DiscountTarget, DiscountValue, Promotion};
use super::error::PricingError;
use super::money::{div, mul, round_to, sum};
use super::types::{LineKind, QuoteLine};

/// How much one discount takes off one line; `amount` is positive and already rounded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reduction {
    pub discount: usize,
    pub line: usize,
    pub amount: Decimal,
}

fn targets(target: DiscountTarget, kind: LineKind) -> bool {
    match kind {
        LineKind::Setup | LineKind::ResourceSetup => target != DiscountTarget::Recurring,
        LineKind::Recurring | LineKind::ResourceRecurring => target != DiscountTarget::Setup,
        LineKind::Discount => false,
    }
}

/// Reductions of `discounts` (in priority order) on `lines`, sorted by discount then line.
///
/// Fixed amounts go first so that a percentage is only ever taken of money the customer actually pays; each
/// percentage then applies to what the earlier discounts left of the line, so two 50 % make 75 %, not 100 %.
/// Every reduction is rounded on its own and a line's remainder never drops below zero.
pub(crate) fn reductions(
    lines: &[QuoteLine],
    discounts: &[&Discount],
    dp: u32,
) -> Result<Vec<Reduction>, PricingError> {
    let mut remaining: Vec<Decimal> = lines.iter().map(|l| l.amount).collect();
    let mut out = Vec::new();
    let eligible = |d: &Discount| {
        let target = d.applies_to;
        lines.iter().enumerate().filter(move |(_, l)| targets(target, l.kind)).map(|(i, _)| i)
    };
    for (di, discount) in discounts.iter().enumerate() {
        if let DiscountValue::Fixed { amount, .. } = &discount.value {
            let mut budget = round_to(*amount, dp);
            for li in eligible(discount) {
                let take = budget.min(remaining[li]);
                if take > Decimal::ZERO {
                    remaining[li] -= take;
                    budget -= take;
                    out.push(Reduction { discount: di, line: li, amount: take });
                }
            }
        }
    }
    for (di, discount) in discounts.iter().enumerate() {
        if let DiscountValue::Percent { percent } = &discount.value {
            for li in eligible(discount) {
                // round(x·p) ≤ x for x on the rounding grid and p ≤ 1, so the line cannot go negative.
                let take = round_to(div(mul(remaining[li], *percent)?, Decimal::ONE_HUNDRED)?, dp);
                if take > Decimal::ZERO {
                    remaining[li] -= take;
                    out.push(Reduction { discount: di, line: li, amount: take });
                }
            }
        }
    }
    out.sort_by_key(|r| (r.discount, r.line));
    Ok(out)
}

/// The active promotion that alone takes the most off these lines; the earliest in the list wins a tie.
pub(crate) fn best_promotion<'a>(
    lines: &[QuoteLine],
    promotions: &'a [Promotion],
    dp: u32,
) -> Result<Option<&'a Promotion>, PricingError> {
    let mut best: Option<(&Promotion, Decimal)> = None;
    for promotion in promotions.iter().filter(|p| p.discount.is_active(p.periods_applied)) {
        let reductions = reductions(lines, &[&promotion.discount], dp)?;
        let saving = sum(reductions.iter().map(|r| &r.amount))?;
        if saving > best.map_or(Decimal::ZERO, |(_, s)| s) {
            best = Some((promotion, saving));
        }
    }
    Ok(best.map(|(p, _)| p))
}
