//! Orders: placed by a customer, or for it by its reseller or the provider; priced by the
//! quote's own pricing when placed and never again.

use std::str::FromStr;

use rust_decimal::Decimal;
use stratum_api::catalog::quote::QuotePeriodKind;
use stratum_api::identity::account::{AccountKind, AccountStatus};
use stratum_api::ordering::order::{
    OrderCancelIn, OrderIn, OrderLineIn, OrderLineOut, OrderListQuery, OrderOut, OrderPage, OrderStatus, OrderStepOut,
    StepKind,
};

use super::persisted as stored;
use crate::auth::{Caller, Scope};
use crate::clock::{from_db, to_db};
use crate::domain::catalog::rules::check_parameter_values;
use crate::domain::identity::permission::Permission;
use crate::domain::ordering::order::{self as rules, LineSale, MixedLines};
use crate::domain::ordering::workflow::{StepKind as WorkflowStepKind, StepRecord};
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::events::EventType;
use crate::ids;
use crate::service::catalog::persisted;
use crate::service::catalog::quote::{self, PriceRequest};
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{raise, require, Context, ServiceError};
use crate::store::catalog::brand::BrandRow;
use crate::store::catalog::plan::PlanRow;
use crate::store::catalog::{brand, plan as plans, service_template};
use crate::store::identity::account::AccountRow;
use crate::store::ordering::order::{self as store, OrderFilter, OrderRow};
use crate::store::ordering::spec::OrderLineDoc;
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};

pub fn to_out(row: &OrderRow) -> Result<OrderOut, ServiceError> {
    let decimal = |t: &str| Decimal::from_str(t).map_err(|e| ServiceError::Internal(format!("a stored amount: {e}")));
    Ok(OrderOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        seller_id: row.seller_id.clone(),
        brand_id: row.brand_id.clone(),
        order_type: text_enum(&row.order_type)?,
        status: text_enum(&row.status)?,
        currency: row.currency.clone(),
        lines: text_json::<Vec<OrderLineDoc>>(&row.lines)?.into_iter().map(stored::line).collect(),
        total: decimal(&row.total)?,
        wholesale_total: row.wholesale_total.as_deref().map(decimal).transpose()?,
        coupon_code: row.coupon_code.clone(),
        status_reason: row.status_reason.clone(),
        ip_country: row.ip_country.clone(),
        workflow_id: row.workflow_id.clone(),
        current_step: row.current_step.clone(),
        steps: text_json::<Vec<StepRecord>>(&row.steps)?.into_iter().map(step_out).collect(),
        fraud_score: row.fraud_score,
        fraud_reasons: text_json(&row.fraud_reasons)?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

fn step_out(r: StepRecord) -> OrderStepOut {
    OrderStepOut {
        name: r.name,
        kind: match r.kind {
            WorkflowStepKind::Automatic => StepKind::Automatic,
            WorkflowStepKind::Manual => StepKind::Manual,
            WorkflowStepKind::Decision => StepKind::Decision,
        },
        outcome: r.outcome,
        started_at: r.started_at,
        finished_at: r.finished_at,
        error: r.error,
        attempts: r.attempts,
        comment: r.comment,
    }
}

pub(crate) fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<OrderRow, ServiceError> {
    store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("order"))
}

/// The customer an order is for: an active customer account the caller reaches.
fn customer(conn: &mut DbConn, caller: &Caller, requested: Option<&str>) -> Result<AccountRow, ServiceError> {
    let acc = crate::service::identity::account::target_account(conn, caller, requested)?;
    if text_enum::<AccountKind>(&acc.kind)? != AccountKind::Customer {
        return Err(ServiceError::validation("account_id", "not_customer", "orders are placed for customer accounts"));
    }
    if text_enum::<AccountStatus>(&acc.status)? != AccountStatus::Active {
        return Err(ServiceError::validation(
            "account_id",
            "account_not_active",
            "the account is on hold, suspended or cancelled and cannot order",
        ));
    }
    Ok(acc)
}

/// A field error of a line's pricing, named under the line (`lines[0].months`); the coupon
/// stays the order's own field.
fn within_line(i: usize, e: ServiceError) -> ServiceError {
    match e {
        ServiceError::Validation(errors) => ServiceError::Validation(
            errors
                .into_iter()
                .map(|mut f| {
                    if f.field != "coupon_code" {
                        f.field = format!("lines[{i}].{}", f.field);
                    }
                    f
                })
                .collect(),
        ),
        other => other,
    }
}

/// Where the customer buys: its parent account (the reseller or the provider it belongs
/// to), which must sell each plan; and the brand named, which must be that account's.
struct Storefront {
    channel_id: String,
    brand: Option<BrandRow>,
    /// The customer places the order itself: its plans must be published on a brand.
    self_service: bool,
}

/// The plan of line `i` if the storefront sells it to the customer (`view`: the customer's
/// catalog scope, which sees its ancestors' plans).
fn sold_plan(
    conn: &mut DbConn,
    view: &Scope,
    shop: &Storefront,
    i: usize,
    line: &OrderLineIn,
) -> Result<PlanRow, ServiceError> {
    let field = format!("lines[{i}].plan_id");
    let plan = match plans::find_visible(conn, view, &line.plan_id)? {
        Some(p) if crate::service::catalog::plan::sellable_by(conn, &p, &shop.channel_id)? => p,
        _ => {
            let why = format!("plan {} is not sold to this customer", line.plan_id);
            return Err(ServiceError::validation(&field, "unknown_plan", why));
        }
    };
    let published = match &shop.brand {
        Some(b) => brand::find_publication(conn, b, &plan.id)?.is_some(),
        None => !shop.self_service || brand::published_by(conn, &shop.channel_id, &plan)?,
    };
    if !published {
        let why = format!("plan {} is not published on the seller's brand", plan.id);
        return Err(ServiceError::validation(&field, "not_published", why));
    }
    Ok(plan)
}

/// The line's parameters checked against its plan's template.
fn check_parameters(
    conn: &mut DbConn,
    view: &Scope,
    plan: &PlanRow,
    i: usize,
    line: &OrderLineIn,
) -> Result<(), ServiceError> {
    let template = service_template::find_visible(conn, view, &plan.service_template_id)?
        .ok_or_else(|| ServiceError::Internal(format!("template of plan {} is out of its buyer's catalog", plan.id)))?;
    let defs = persisted::parameters_of(&template.parameters)?;
    let mut c = Checks::new();
    for (name, why) in check_parameter_values(&defs, &line.parameters) {
        c.fail(&format!("lines[{i}].parameters.{name}"), "invalid_parameter", why);
    }
    c.finish().map_err(ServiceError::Validation)
}

fn mixed(e: MixedLines) -> ServiceError {
    match e {
        MixedLines::Seller(i) => ServiceError::validation(
            &format!("lines[{i}].plan_id"),
            "mixed_sellers",
            "every plan of an order must be sold by the same account; place separate orders",
        ),
        MixedLines::Currency(i) => ServiceError::validation(
            &format!("lines[{i}].plan_id"),
            "currency_mismatch",
            "every plan of an order must be priced in the same currency; place separate orders",
        ),
    }
}

/// Places an order: checks that the customer may buy each plan, prices each line exactly
/// as `QuoteCreate` would, records the seller and raises `order.placed`.
pub fn create(
    cx: &Context,
    caller: &Caller,
    input: OrderIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<OrderOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let mut c = Checks::new();
    rules::check_shape(&mut c, &input);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let buyer = customer(conn, caller, input.account_id.as_deref())?;
        let view = caller.scope().catalog_of(&buyer.id, &buyer.path).ok_or(ServiceError::NotFound("account"))?;
        let channel_id = buyer.parent_id.clone().unwrap_or_default();
        let shop_brand = match &input.brand_id {
            Some(b) => match brand::find_visible(conn, &view, b)? {
                Some(row) if row.account_id == channel_id => Some(row),
                _ => {
                    let why = format!("{b} is not a brand of the account that sells to this customer");
                    return Err(ServiceError::validation("brand_id", "unknown_brand", why));
                }
            },
            None => None,
        };
        let shop = Storefront { channel_id, brand: shop_brand, self_service: caller.account_id == buyer.id };
        let mut sold = Vec::with_capacity(input.lines.len());
        for (i, line) in input.lines.iter().enumerate() {
            let plan = sold_plan(conn, &view, &shop, i, line)?;
            check_parameters(conn, &view, &plan, i, line)?;
            let base = match &plan.base_plan_id {
                Some(id) => plans::find_visible(conn, &view, id)?,
                None => None,
            };
            let req = PriceRequest {
                months: line.months,
                days: line.days,
                resources: &line.resources,
                coupon_code: input.coupon_code.as_deref(),
                kind: QuotePeriodKind::First,
                coupon_periods_applied: None,
            };
            let price = quote::price(conn, &view, &plan, base.as_ref(), &req, now).map_err(|e| within_line(i, e))?;
            sold.push((plan, price));
        }
        let sales: Vec<LineSale<'_>> =
            sold.iter().map(|(p, _)| LineSale { seller_id: &p.account_id, currency: &p.currency }).collect();
        let Some(sale) = rules::seller_of(&sales).map_err(mixed)? else {
            return Err(ServiceError::validation("lines", "invalid_length", "an order has at least one line"));
        };
        let (seller_id, currency) = (sale.seller_id.to_owned(), sale.currency.to_owned());
        let total: Decimal = sold.iter().map(|(_, q)| q.total).sum();
        let wholesale: Option<Decimal> = sold.iter().map(|(_, q)| q.wholesale_total).sum();
        let lines: Vec<OrderLineOut> = input
            .lines
            .iter()
            .zip(sold)
            .map(|(l, (_, price))| OrderLineOut {
                plan_id: l.plan_id.clone(),
                months: l.months,
                days: l.days,
                resources: l.resources.clone(),
                parameters: l.parameters.clone(),
                price,
            })
            .collect();
        let mut row = OrderRow {
            id: ids::new_id(ids::ORDER),
            account_id: buyer.id.clone(),
            account_path: buyer.path.clone(),
            seller_id,
            brand_id: input.brand_id.clone(),
            order_type: enum_text(&input.order_type),
            status: enum_text(&OrderStatus::Placed),
            status_reason: None,
            currency,
            total: total.to_string(),
            wholesale_total: wholesale.map(|w| w.to_string()),
            coupon_code: input.coupon_code.clone(),
            lines: json_text(&lines.iter().map(stored::line_doc).collect::<Vec<_>>()),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
            ip_country: input.ip_country.clone(),
            workflow: String::new(),
            current_step: None,
            steps: "[]".into(),
            fraud_score: None,
            fraud_reasons: "[]".into(),
            workflow_id: None,
        };
        let (workflow_id, wf) = super::workflow_def::for_new_order(conn, &row)?;
        row.workflow_id = workflow_id;
        let then = super::workflow::start(conn, now, &mut row, &wf)?;
        store::insert(conn, &row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::OrderPlaced, &row, &out, None)?;
        for e in then {
            raise(conn, now, e, &row, &out, None)?;
        }
        Ok(out)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<OrderOut, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

/// The orders of the caller's subtree (a customer: its own), filtered.
pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &OrderListQuery,
    page: &PageRequest,
) -> Result<OrderPage, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    if let (Some(f), Some(u)) = (query.created_from, query.created_until) {
        if u <= f {
            return Err(ServiceError::validation("created_until", "invalid_range", "must be after created_from"));
        }
    }
    let filter = OrderFilter {
        account_id: query.account_id.clone(),
        order_type: query.order_type.as_ref().map(enum_text),
        status: query.status.as_ref().map(enum_text),
        created_from: query.created_from.map(to_db),
        created_until: query.created_until.map(to_db),
    };
    let rows =
        cx.db.read(|conn| store::list_filtered(conn, &caller.scope(), &filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(OrderPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

/// Cancels an order whose workflow has not ended (`order.cancelled`).
pub fn cancel(
    cx: &Context,
    caller: &Caller,
    id: &str,
    input: OrderCancelIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<OrderOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let mut c = Checks::new();
    c.optional_text("reason", input.reason.as_deref(), rules::REASON_MAX);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = find(conn, caller, id)?;
        rules::check_cancel(text_enum(&row.status)?).map_err(ServiceError::InvalidStateTransition)?;
        row.status = enum_text(&OrderStatus::Cancelled);
        row.current_step = None;
        row.status_reason = input.reason.as_deref().map(|r| trim_space(r).to_owned());
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::OrderCancelled, &row, &out, None)?;
        Ok(out)
    })
}
