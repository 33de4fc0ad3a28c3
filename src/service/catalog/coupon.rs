//! Coupons (entered by code) and promotions (applied by themselves).

use stratum_api::catalog::coupon::{CouponIn, CouponOut, CouponPage, CouponPatch, DiscountAppliesTo};
use stratum_api::catalog::service_template::CatalogStatus;

use crate::auth::{Caller, Scope};
use crate::clock::{from_db, to_db};
use crate::domain::catalog::pricing::{self, Coupon, Discount, Promotion};
use crate::domain::catalog::rules::{self as rules, NAME_MAX};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::ids;
use crate::service::catalog::persisted;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::catalog::coupon::{self as store, CouponRow};
use crate::store::catalog::plan::PlanRow;
use crate::store::catalog::spec::CouponSpecDoc;
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};

/// The terms of a coupon, kept as one JSON document (`store::catalog::spec::CouponSpecDoc`).
#[derive(Debug, Clone)]
pub(crate) struct CouponSpec {
    pub percent: Option<rust_decimal::Decimal>,
    pub amount: Option<rust_decimal::Decimal>,
    pub currency: Option<String>,
    pub applies_to: DiscountAppliesTo,
    pub duration_periods: Option<i32>,
    pub plan_ids: Vec<String>,
}

fn spec_of(row: &CouponRow) -> Result<CouponSpec, ServiceError> {
    let doc: CouponSpecDoc = text_json(&row.spec)?;
    Ok(CouponSpec {
        percent: doc.percent,
        amount: doc.amount,
        currency: doc.currency,
        applies_to: persisted::applies_to(doc.applies_to),
        duration_periods: doc.duration_periods,
        plan_ids: doc.plan_ids,
    })
}

fn spec_text(spec: &CouponSpec) -> String {
    json_text(&CouponSpecDoc {
        percent: spec.percent,
        amount: spec.amount,
        currency: spec.currency.clone(),
        applies_to: persisted::applies_to_doc(spec.applies_to),
        duration_periods: spec.duration_periods,
        plan_ids: spec.plan_ids.clone(),
    })
}

pub fn to_out(row: &CouponRow) -> Result<CouponOut, ServiceError> {
    let s = spec_of(row)?;
    Ok(CouponOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        code: row.code.clone(),
        name: row.name.clone(),
        percent: s.percent,
        amount: s.amount,
        currency: s.currency,
        applies_to: s.applies_to,
        duration_periods: s.duration_periods,
        valid_from: row.valid_from.map(from_db),
        valid_until: row.valid_until.map(from_db),
        max_redemptions: row.max_redemptions,
        times_redeemed: row.times_redeemed,
        plan_ids: s.plan_ids,
        status: text_enum(&row.status)?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<CouponRow, ServiceError> {
    store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("coupon"))
}

/// The plans a coupon is for must be plans its account sells (`seller`: the caller's scope
/// narrowed to that account), in its currency when it is a fixed amount.
fn check_plans(
    conn: &mut DbConn,
    seller: &Scope,
    plan_ids: &[String],
    currency: Option<&str>,
) -> Result<(), ServiceError> {
    for (i, id) in plan_ids.iter().enumerate() {
        let field = format!("plan_ids[{i}]");
        let plan = crate::service::catalog::plan::find_sellable(conn, seller, id)?.ok_or_else(|| {
            ServiceError::validation(&field, "unknown_plan", format!("the account does not sell plan {id}"))
        })?;
        if currency.is_some_and(|c| c != plan.currency) {
            return Err(ServiceError::validation(
                &field,
                "currency_mismatch",
                format!("plan {id} is priced in {}, the coupon's amount is not", plan.currency),
            ));
        }
    }
    Ok(())
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: CouponIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<CouponOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    rules::check_coupon(&mut c, &input);
    if input.plan_ids.len() > 100 {
        c.fail("plan_ids", "invalid_length", "at most 100 plans");
    }
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        let seller = crate::service::narrowed(&caller.scope(), &owner.id, &owner.path)?;
        check_plans(conn, &seller, &input.plan_ids, input.currency.as_deref())?;
        if let Some(code) = &input.code {
            if store::find_code(conn, &seller, code)?.is_some() {
                return Err(ServiceError::Conflict(format!("the account has a coupon {code} already")));
            }
        }
        let spec = CouponSpec {
            percent: input.percent,
            amount: input.amount,
            currency: input.currency.clone(),
            applies_to: input.applies_to,
            duration_periods: input.duration_periods,
            plan_ids: input.plan_ids.clone(),
        };
        let row = CouponRow {
            id: ids::new_id(ids::COUPON),
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            code: input.code.clone(),
            name: trim_space(&input.name).to_owned(),
            spec: spec_text(&spec),
            valid_from: input.valid_from.map(to_db),
            valid_until: input.valid_until.map(to_db),
            max_redemptions: input.max_redemptions,
            times_redeemed: 0,
            status: enum_text(&CatalogStatus::Active),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        to_out(&row)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<CouponOut, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<CouponPage, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    let rows = cx.db.read(|conn| store::list_visible(conn, &caller.scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(CouponPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: CouponPatch,
    if_match: Option<i64>,
) -> Result<CouponOut, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    if let Some(n) = &patch.name {
        c.text("name", n, NAME_MAX);
    }
    if patch.max_redemptions.flatten().is_some_and(|m| m < 1) {
        c.fail("max_redemptions", "out_of_range", "must be at least 1");
    }
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        let mut spec = spec_of(&row)?;
        if let Some(n) = patch.name {
            row.name = trim_space(&n).to_owned();
        }
        if let Some(u) = patch.valid_until {
            if u.zip(row.valid_from).is_some_and(|(u, f)| to_db(u) <= f) {
                return Err(ServiceError::validation("valid_until", "invalid_range", "must be after valid_from"));
            }
            row.valid_until = u.map(to_db);
        }
        if let Some(m) = patch.max_redemptions {
            row.max_redemptions = m;
        }
        if let Some(p) = patch.plan_ids {
            let seller = crate::service::narrowed(&caller.scope(), &row.account_id, &row.account_path)?;
            check_plans(conn, &seller, &p, spec.currency.as_deref())?;
            spec.plan_ids = p;
        }
        row.spec = spec_text(&spec);
        crate::service::save(conn, now, &mut row)?;
        to_out(&row)
    })
}

/// Ends a coupon or promotion: it applies no more.
pub fn archive(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<CouponOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = find(conn, caller, id)?;
        if row.status == enum_text(&CatalogStatus::Archived) {
            return Err(ServiceError::InvalidStateTransition("the coupon is archived already".into()));
        }
        row.status = enum_text(&CatalogStatus::Archived);
        crate::service::save(conn, now, &mut row)?;
        to_out(&row)
    })
}

fn discount_of(s: &CouponSpec) -> Result<Discount, ServiceError> {
    rules::discount(s.percent, s.amount, s.currency.as_deref(), s.applies_to, s.duration_periods)
        .map_err(|e| ServiceError::Internal(format!("a stored coupon is invalid: {e}")))
}

/// Whether a coupon of an account applies to the plan at all: the account sells the plan,
/// and the coupon names it or names no plan.
fn covers(conn: &mut DbConn, row: &CouponRow, spec: &CouponSpec, plan: &PlanRow) -> Result<bool, ServiceError> {
    Ok((spec.plan_ids.is_empty() || spec.plan_ids.contains(&plan.id))
        && crate::service::catalog::plan::sellable_by(conn, plan, &row.account_id)?)
}

/// What reduces a quote: the coupon entered (with its id), and the promotions in force.
pub(crate) struct Discounts {
    pub coupon: Option<(String, Coupon)>,
    pub promotions: Vec<Promotion>,
}

/// The coupon with `code` of the buyer's account or the nearest ancestor that has one
/// (`catalog`: the buyer's catalog scope), checked for the plan now; and the promotions
/// valid for the plan now.
pub(crate) fn discounts_for(
    conn: &mut DbConn,
    catalog: &Scope,
    plan: &PlanRow,
    code: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Discounts, ServiceError> {
    let mut rows = store::active_on_lineage(conn, catalog)?;
    rows.sort_by_key(|r| std::cmp::Reverse(r.account_path.len()));
    let secs = |t: Option<chrono::NaiveDateTime>| t.map(|t| from_db(t).timestamp());
    let mut coupon = None;
    let mut promotions = Vec::new();
    for row in &rows {
        let spec = spec_of(row)?;
        let c = Coupon {
            code: row.code.clone().unwrap_or_else(|| row.name.clone()),
            discount: discount_of(&spec)?,
            valid_from: secs(row.valid_from),
            valid_until: secs(row.valid_until),
            max_redemptions: row.max_redemptions.and_then(|m| u32::try_from(m).ok()),
            plan_ids: spec.plan_ids.clone(),
        };
        let times = u32::try_from(row.times_redeemed).unwrap_or(0);
        match (&row.code, code) {
            (Some(own), Some(wanted)) if own == wanted && coupon.is_none() => {
                if !covers(conn, row, &spec, plan)? {
                    return Err(refused(pricing::CouponRefusal::NotForPlan));
                }
                pricing::coupon_applicability(&c, &plan.id, &plan.currency, now.timestamp(), times).map_err(refused)?;
                coupon = Some((row.id.clone(), c));
            }
            (None, _) => {
                let usable = covers(conn, row, &spec, plan)?
                    && pricing::coupon_applicability(&c, &plan.id, &plan.currency, now.timestamp(), times).is_ok();
                if usable {
                    promotions.push(Promotion {
                        id: row.id.clone(),
                        name: row.name.clone(),
                        discount: c.discount,
                        periods_applied: 0,
                    });
                }
            }
            _ => {}
        }
    }
    if let (Some(wanted), None) = (code, &coupon) {
        return Err(ServiceError::validation(
            "coupon_code",
            "unknown_coupon",
            format!("no coupon {wanted} applies here"),
        ));
    }
    Ok(Discounts { coupon, promotions })
}

fn refused(r: pricing::CouponRefusal) -> ServiceError {
    let code = match r {
        pricing::CouponRefusal::NotYetValid => "coupon_not_yet_valid",
        pricing::CouponRefusal::Expired => "coupon_expired",
        pricing::CouponRefusal::UsageLimitReached => "coupon_used_up",
        pricing::CouponRefusal::NotForPlan => "coupon_not_for_plan",
        pricing::CouponRefusal::CurrencyMismatch => "currency_mismatch",
    };
    ServiceError::validation("coupon_code", code, r.to_string())
}
