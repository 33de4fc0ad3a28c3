//! The mapping between an order's wire lines and the document the store keeps
//! (`store::ordering::spec`), in one place: a wire field may be renamed without touching
//! stored orders, and a stored field without touching the contract.

use stratum_api::catalog::quote::{QuoteLineKind, QuoteLineOut, QuoteOut, QuotePeriodKind, QuoteResource};
use stratum_api::ordering::order::OrderLineOut;

use crate::store::ordering::spec::{
    OrderLineDoc, PeriodKindDoc, PriceDoc, PriceLineDoc, PriceLineKindDoc, ResourceDoc,
};

pub fn line_doc(l: &OrderLineOut) -> OrderLineDoc {
    OrderLineDoc {
        plan_id: l.plan_id.clone(),
        months: l.months,
        days: l.days,
        resources: l
            .resources
            .iter()
            .map(|r| ResourceDoc { resource_type_id: r.resource_type_id.clone(), quantity: r.quantity })
            .collect(),
        parameters: l.parameters.clone(),
        price: price_doc(&l.price),
    }
}

pub fn line(d: OrderLineDoc) -> OrderLineOut {
    OrderLineOut {
        plan_id: d.plan_id,
        months: d.months,
        days: d.days,
        resources: d
            .resources
            .into_iter()
            .map(|r| QuoteResource { resource_type_id: r.resource_type_id, quantity: r.quantity })
            .collect(),
        parameters: d.parameters,
        price: price(d.price),
    }
}

fn price_doc(q: &QuoteOut) -> PriceDoc {
    PriceDoc {
        plan_id: q.plan_id.clone(),
        currency: q.currency.clone(),
        months: q.months,
        days: q.days,
        period_kind: match q.period_kind {
            QuotePeriodKind::First => PeriodKindDoc::First,
            QuotePeriodKind::AfterTrial => PeriodKindDoc::AfterTrial,
            QuotePeriodKind::Renewal => PeriodKindDoc::Renewal,
        },
        lines: q.lines.iter().map(price_line_doc).collect(),
        subtotal: q.subtotal,
        discount_total: q.discount_total,
        total: q.total,
        trial_days: q.trial_days,
        promotion_id: q.promotion_id.clone(),
        coupon_id: q.coupon_id.clone(),
        wholesale_total: q.wholesale_total,
    }
}

fn price(d: PriceDoc) -> QuoteOut {
    QuoteOut {
        plan_id: d.plan_id,
        currency: d.currency,
        months: d.months,
        days: d.days,
        period_kind: match d.period_kind {
            PeriodKindDoc::First => QuotePeriodKind::First,
            PeriodKindDoc::AfterTrial => QuotePeriodKind::AfterTrial,
            PeriodKindDoc::Renewal => QuotePeriodKind::Renewal,
        },
        lines: d.lines.into_iter().map(price_line).collect(),
        subtotal: d.subtotal,
        discount_total: d.discount_total,
        total: d.total,
        trial_days: d.trial_days,
        promotion_id: d.promotion_id,
        coupon_id: d.coupon_id,
        wholesale_total: d.wholesale_total,
    }
}

fn price_line_doc(l: &QuoteLineOut) -> PriceLineDoc {
    PriceLineDoc {
        kind: match l.kind {
            QuoteLineKind::Setup => PriceLineKindDoc::Setup,
            QuoteLineKind::Recurring => PriceLineKindDoc::Recurring,
            QuoteLineKind::ResourceSetup => PriceLineKindDoc::ResourceSetup,
            QuoteLineKind::ResourceRecurring => PriceLineKindDoc::ResourceRecurring,
            QuoteLineKind::Discount => PriceLineKindDoc::Discount,
        },
        description: l.description.clone(),
        resource_type_id: l.resource_type_id.clone(),
        quantity: l.quantity,
        unit_price: l.unit_price,
        amount: l.amount,
        discounted_line: l.discounted_line,
    }
}

fn price_line(d: PriceLineDoc) -> QuoteLineOut {
    QuoteLineOut {
        kind: match d.kind {
            PriceLineKindDoc::Setup => QuoteLineKind::Setup,
            PriceLineKindDoc::Recurring => QuoteLineKind::Recurring,
            PriceLineKindDoc::ResourceSetup => QuoteLineKind::ResourceSetup,
            PriceLineKindDoc::ResourceRecurring => QuoteLineKind::ResourceRecurring,
            PriceLineKindDoc::Discount => QuoteLineKind::Discount,
        },
        description: d.description,
        resource_type_id: d.resource_type_id,
        quantity: d.quantity,
        unit_price: d.unit_price,
        amount: d.amount,
        discounted_line: d.discounted_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::collections::BTreeMap;

    #[test]
    fn a_line_survives_the_round_trip_through_its_document() {
        let l = OrderLineOut {
            plan_id: "pln_1".into(),
            months: Some(12),
            days: None,
            resources: vec![QuoteResource { resource_type_id: "rst_1".into(), quantity: Decimal::new(30, 0) }],
            parameters: BTreeMap::from([("domain".into(), "example.com".into())]),
            price: QuoteOut {
                plan_id: "pln_1".into(),
                currency: "EUR".into(),
                months: Some(12),
                days: None,
                period_kind: QuotePeriodKind::AfterTrial,
                lines: vec![QuoteLineOut {
                    kind: QuoteLineKind::Discount,
                    description: "WELCOME20".into(),
                    resource_type_id: None,
                    quantity: Decimal::ONE,
                    unit_price: None,
                    amount: Decimal::new(-1980, 2),
                    discounted_line: Some(0),
                }],
                subtotal: Decimal::new(9900, 2),
                discount_total: Decimal::new(-1980, 2),
                total: Decimal::new(7920, 2),
                trial_days: None,
                promotion_id: None,
                coupon_id: Some("cpn_1".into()),
                wholesale_total: None,
            },
        };
        assert_eq!(line(line_doc(&l)), l);
    }
}
