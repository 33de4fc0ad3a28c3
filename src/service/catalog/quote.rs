//! Quotes: a plan priced for a period, resources and discounts, as an invoice will price it.

use std::collections::BTreeMap;

use stratum_api::catalog::quote::{QuoteIn, QuoteLineKind, QuoteLineOut, QuoteOut, QuotePeriodKind, QuoteResource};
use stratum_api::catalog::service_template::CatalogStatus;

use crate::auth::{Caller, Scope};
use crate::clock::from_db;
use crate::domain::catalog::pricing::{self, LineKind, PeriodKind, Quote, QuoteInput};
use crate::domain::catalog::rules::{self as rules, pricing_code};
use crate::domain::identity::permission::Permission;
use crate::service::{require, Context, ServiceError};
use crate::store::catalog::plan::PlanRow;
use crate::store::{enum_text, DbConn};

fn period_kind(k: QuotePeriodKind) -> PeriodKind {
    match k {
        QuotePeriodKind::First => PeriodKind::First,
        QuotePeriodKind::AfterTrial => PeriodKind::AfterTrial,
        QuotePeriodKind::Renewal => PeriodKind::Renewal,
    }
}

fn line_kind(k: LineKind) -> QuoteLineKind {
    match k {
        LineKind::Setup => QuoteLineKind::Setup,
        LineKind::Recurring => QuoteLineKind::Recurring,
        LineKind::ResourceSetup => QuoteLineKind::ResourceSetup,
        LineKind::ResourceRecurring => QuoteLineKind::ResourceRecurring,
        LineKind::Discount => QuoteLineKind::Discount,
    }
}

/// The pricing input of `plan` for the order, discounts aside; `catalog` is the caller's
/// catalog scope, which sees the resource types of every plan the caller sees.
fn input_for(
    conn: &mut DbConn,
    catalog: &Scope,
    plan: &PlanRow,
    length: pricing::PeriodLength,
    kind: PeriodKind,
    resources: &[QuoteResource],
) -> Result<Option<QuoteInput>, ServiceError> {
    let spec = crate::service::catalog::plan::spec_of(plan)?;
    let Some(period) = spec.periods.iter().filter_map(|p| rules::billing_period(p).ok()).find(|p| p.length == length)
    else {
        return Ok(None);
    };
    // A plan holds a rate for every resource of its template: their names are all it needs.
    let ids = spec.rates.iter().map(|r| &r.resource_type_id);
    let names = crate::service::catalog::plan::resource_names(conn, catalog, ids)?;
    let rates = spec
        .rates
        .iter()
        .map(|r| rules::resource_rate(r, names.get(&r.resource_type_id).map_or("", String::as_str)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ServiceError::Internal(format!("a stored rate is invalid: {e}")))?;
    let quantities: BTreeMap<String, rust_decimal::Decimal> =
        resources.iter().map(|r| (r.resource_type_id.clone(), r.quantity)).collect();
    Ok(Some(QuoteInput {
        currency: plan.currency.clone(),
        plan_name: plan.name.clone(),
        period,
        period_kind: kind,
        rates,
        quantities,
        coupon: None,
        coupon_periods_applied: 0,
        promotions: Vec::new(),
    }))
}

fn priced(input: &QuoteInput) -> Result<Quote, ServiceError> {
    pricing::quote(input).map_err(|e| ServiceError::validation("resources", pricing_code(&e), e.to_string()))
}

/// What a price is asked for, beyond the plan: the quote's fields, and an order line's.
pub(crate) struct PriceRequest<'a> {
    pub months: Option<i32>,
    pub days: Option<i32>,
    pub resources: &'a [QuoteResource],
    pub coupon_code: Option<&'a str>,
    pub kind: QuotePeriodKind,
    pub coupon_periods_applied: Option<i32>,
}

/// Prices `plan` for one of its periods, with resources beyond the included amounts, a
/// coupon and the promotions in force: the one pricing of quotes and orders alike.
/// `catalog` is the buyer's view of the catalog (the coupons of its lineage, the resource
/// types of its plans); `base` the plan's base plan, when the buyer sees it, for the
/// wholesale cost.
pub(crate) fn price(
    conn: &mut DbConn,
    catalog: &Scope,
    plan: &PlanRow,
    base: Option<&PlanRow>,
    req: &PriceRequest<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<QuoteOut, ServiceError> {
    let length = rules::period_length(req.months, req.days)
        .map_err(|why| ServiceError::validation("months", "invalid_period", why))?;
    let kind = req.kind;
    if plan.status != enum_text(&CatalogStatus::Active) && kind == QuotePeriodKind::First {
        return Err(ServiceError::validation("plan_id", "archived", "the plan is not on sale any more"));
    }
    let on_sale =
        plan.available_from.is_none_or(|f| from_db(f) <= now) && plan.available_until.is_none_or(|u| now < from_db(u));
    if !on_sale && kind == QuotePeriodKind::First {
        return Err(ServiceError::validation("plan_id", "not_available", "the plan is not on sale at this time"));
    }
    let mut pin = input_for(conn, catalog, plan, length, period_kind(kind), req.resources)?
        .ok_or_else(|| ServiceError::validation("months", "unknown_period", "the plan has no such billing period"))?;
    let crate::service::catalog::coupon::Discounts { coupon, promotions } =
        crate::service::catalog::coupon::discounts_for(conn, catalog, plan, req.coupon_code, now)?;
    let coupon_id = coupon.as_ref().map(|(id, _)| id.clone());
    pin.coupon = coupon.map(|(_, c)| c);
    pin.coupon_periods_applied = u32::try_from(req.coupon_periods_applied.unwrap_or(0))
        .map_err(|_| ServiceError::validation("coupon_periods_applied", "out_of_range", "must not be negative"))?;
    pin.promotions = promotions;
    let q = priced(&pin)?;
    let wholesale_total = match base {
        Some(b) => wholesale(conn, catalog, b, length, period_kind(kind), req.resources)?,
        None => None,
    };
    Ok(QuoteOut {
        plan_id: plan.id.clone(),
        currency: q.currency,
        months: req.months,
        days: req.days,
        period_kind: kind,
        lines: q
            .lines
            .into_iter()
            .map(|l| QuoteLineOut {
                kind: line_kind(l.kind),
                description: l.description,
                resource_type_id: l.resource,
                quantity: l.quantity,
                unit_price: l.unit_price,
                amount: l.amount,
                discounted_line: l.discounted_line.and_then(|i| i32::try_from(i).ok()),
            })
            .collect(),
        subtotal: q.subtotal,
        discount_total: q.discount_total,
        total: q.total,
        trial_days: q.trial_ends_in_days.and_then(|d| i32::try_from(d).ok()),
        promotion_id: q.applied_promotion,
        coupon_id: coupon_id.filter(|_| q.coupon_applied),
        wholesale_total,
    })
}

/// Prices a plan the caller sees, for one of its periods, with resources beyond the
/// included amounts, a coupon and the promotions in force.
pub fn create(cx: &Context, caller: &Caller, input: QuoteIn) -> Result<QuoteOut, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    rules::period_length(input.months, input.days)
        .map_err(|why| ServiceError::validation("months", "invalid_period", why))?;
    if input.resources.len() > 100 {
        return Err(ServiceError::validation("resources", "invalid_length", "at most 100 resources"));
    }
    let now = cx.clock.now();
    cx.db.read(|conn| {
        let plan = crate::service::catalog::plan::find(conn, caller, &input.plan_id)?;
        let base = match plan.base_plan_id.as_deref().map(|id| crate::service::catalog::plan::find(conn, caller, id)) {
            Some(Err(ServiceError::NotFound(_))) | None => None,
            Some(found) => Some(found?),
        };
        let req = PriceRequest {
            months: input.months,
            days: input.days,
            resources: &input.resources,
            coupon_code: input.coupon_code.as_deref(),
            kind: input.period_kind.unwrap_or(QuotePeriodKind::First),
            coupon_periods_applied: input.coupon_periods_applied,
        };
        price(conn, &caller.catalog_scope(), &plan, base.as_ref(), &req, now)
    })
}

/// For a reseller's plan on a base plan: the base plan's list price of the same order.
fn wholesale(
    conn: &mut DbConn,
    catalog: &Scope,
    base: &PlanRow,
    length: pricing::PeriodLength,
    kind: PeriodKind,
    resources: &[QuoteResource],
) -> Result<Option<rust_decimal::Decimal>, ServiceError> {
    match input_for(conn, catalog, base, length, kind, resources)? {
        // An order the base plan cannot price (beyond its maximum, say) has no wholesale cost.
        Some(pin) => Ok(pricing::quote(&pin).ok().map(|q| q.total)),
        None => Ok(None),
    }
}
