//! Service plans and the grants that let resellers sell them.

use chrono::{DateTime, Utc};
use serde_json::Value;
use stratum_api::catalog::plan::{
    PlanGrantIn, PlanGrantOut, PlanGrantPage, PlanIn, PlanOut, PlanPage, PlanPatch, PlanPeriod, PlanRate,
};
use stratum_api::catalog::service_template::{CatalogStatus, TemplateResource};
use stratum_api::identity::account::{AccountKind, ResellerTier};

use crate::auth::{Caller, Scope};
use crate::clock::{from_db, to_db};
use crate::domain::catalog::rules::{self as rules, DESCRIPTION_MAX, NAME_MAX};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::events::EventType;
use crate::ids;
use crate::service::catalog::persisted;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::raise;
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::catalog::plan::{self as store, PlanGrantRow, PlanRow};
use crate::store::catalog::spec::PlanSpecDoc;
use crate::store::identity::account::{self as accounts, AccountRow};
use crate::store::{catalog::resource_type, enum_text, json_text, text_enum, text_json, DbConn};

/// The part of a plan kept as one JSON document (`store::catalog::spec::PlanSpecDoc`).
#[derive(Debug, Clone)]
pub(crate) struct PlanSpec {
    pub categories: Vec<String>,
    pub periods: Vec<PlanPeriod>,
    /// One per resource of the template, resolved (included amount and maximum in force).
    pub rates: Vec<PlanRate>,
    pub upgrade_to: Vec<String>,
}

pub(crate) fn spec_of(row: &PlanRow) -> Result<PlanSpec, ServiceError> {
    let doc: PlanSpecDoc = text_json(&row.spec)?;
    Ok(PlanSpec {
        categories: doc.categories,
        periods: doc.periods.into_iter().map(persisted::period).collect(),
        rates: doc.rates.into_iter().map(persisted::rate).collect(),
        upgrade_to: doc.upgrade_to,
    })
}

fn spec_text(spec: &PlanSpec) -> String {
    json_text(&PlanSpecDoc {
        categories: spec.categories.clone(),
        periods: spec.periods.iter().map(persisted::period_doc).collect(),
        rates: spec.rates.iter().map(persisted::rate_doc).collect(),
        upgrade_to: spec.upgrade_to.clone(),
    })
}

pub fn to_out(row: &PlanRow) -> Result<PlanOut, ServiceError> {
    let spec = spec_of(row)?;
    Ok(PlanOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        service_template_id: row.service_template_id.clone(),
        base_plan_id: row.base_plan_id.clone(),
        name: row.name.clone(),
        description: row.description.clone(),
        currency: row.currency.clone(),
        categories: spec.categories,
        periods: spec.periods,
        rates: spec.rates,
        upgrade_to: spec.upgrade_to,
        available_from: row.available_from.map(from_db),
        available_until: row.available_until.map(from_db),
        status: text_enum(&row.status)?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

/// Whether the account `account_id` may sell the plan: it owns it, or was given it.
pub(crate) fn sellable_by(conn: &mut DbConn, plan: &PlanRow, account_id: &str) -> Result<bool, ServiceError> {
    Ok(plan.account_id == account_id || store::granted(conn, plan, account_id)?)
}

/// The plan `id` if the account `seller` is narrowed to may sell it; a plan out of its
/// sight (another reseller's) answers as a missing one.
pub(crate) fn find_sellable(conn: &mut DbConn, seller: &Scope, id: &str) -> Result<Option<PlanRow>, ServiceError> {
    match store::find_for(conn, seller, id)? {
        Some(p) if sellable_by(conn, &p, seller.account_id())? => Ok(Some(p)),
        _ => Ok(None),
    }
}

/// A plan the caller sees: one of its subtree, or one given to its account.
pub(crate) fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<PlanRow, ServiceError> {
    store::find_for(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("plan"))
}

/// A plan of the caller's subtree (to change it).
fn own(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<PlanRow, ServiceError> {
    store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("plan"))
}

/// Names of the resource types `catalog` sees, for quote lines and error messages.
pub(crate) fn resource_names<'a>(
    conn: &mut DbConn,
    catalog: &Scope,
    ids: impl IntoIterator<Item = &'a String>,
) -> Result<std::collections::HashMap<String, String>, ServiceError> {
    let ids: Vec<String> = ids.into_iter().cloned().collect();
    Ok(resource_type::find_many_visible(conn, catalog, &ids)?.into_iter().map(|r| (r.id, r.name)).collect())
}

fn check_shape(c: &mut Checks, name: Option<&str>, description: Option<&str>, categories: Option<&[String]>) {
    if let Some(n) = name {
        c.text("name", n, NAME_MAX);
    }
    c.optional_text("description", description, DESCRIPTION_MAX);
    if let Some(cats) = categories {
        rules::check_categories(c, cats);
    }
}

fn check_window(c: &mut Checks, from: Option<DateTime<Utc>>, until: Option<DateTime<Utc>>) {
    if from.zip(until).is_some_and(|(f, u)| u <= f) {
        c.fail("available_until", "invalid_range", "must be after available_from");
    }
}

/// Upgrade targets: other plans of the same owner (`owner`, the scope narrowed to it).
fn check_upgrades(conn: &mut DbConn, owner: &Scope, own_id: &str, targets: &[String]) -> Result<(), ServiceError> {
    for (i, t) in targets.iter().enumerate() {
        let ok =
            t != own_id && store::find_visible(conn, owner, t)?.is_some_and(|p| p.account_id == owner.account_id());
        if !ok {
            return Err(ServiceError::validation(
                &format!("upgrade_to[{i}]"),
                "unknown_plan",
                format!("{t} is not another plan of the same account"),
            ));
        }
    }
    Ok(())
}

/// Where a new plan's template comes from, by who owns the plan: the provider prices a
/// template; an advanced reseller prices a plan its parent gave it; nobody else makes plans.
fn origin(
    conn: &mut DbConn,
    caller: &Caller,
    owner: &AccountRow,
    input: &PlanIn,
) -> Result<(String, Option<PlanRow>), ServiceError> {
    let kind: AccountKind = text_enum(&owner.kind)?;
    match kind {
        AccountKind::Customer => Err(ServiceError::validation(
            "account_id",
            "not_allowed",
            "customers have no catalog; plans belong to the provider and resellers",
        )),
        AccountKind::Provider => {
            if input.base_plan_id.is_some() {
                return Err(ServiceError::validation(
                    "base_plan_id",
                    "not_allowed",
                    "the provider prices service templates; base plans are for advanced resellers",
                ));
            }
            let id = input.service_template_id.as_deref().ok_or_else(|| {
                ServiceError::validation("service_template_id", "required", "the provider's plans price a template")
            })?;
            let t = match crate::service::catalog::service_template::find(conn, caller, id) {
                Err(ServiceError::NotFound(_)) => {
                    let why = format!("no template {id}");
                    return Err(ServiceError::validation("service_template_id", "unknown_template", why));
                }
                found => found?,
            };
            if t.status != enum_text(&CatalogStatus::Active) {
                return Err(ServiceError::validation("service_template_id", "archived", "the template is archived"));
            }
            Ok((t.id, None))
        }
        AccountKind::Reseller => {
            let tier: Option<ResellerTier> = owner.reseller_tier.as_deref().map(text_enum).transpose()?;
            if tier != Some(ResellerTier::Advanced) {
                return Err(ServiceError::validation(
                    "account_id",
                    "reseller_tier",
                    "a basic reseller sells its parent's plans at its parent's prices; only advanced resellers make plans",
                ));
            }
            let id = input.base_plan_id.as_deref().ok_or_else(|| {
                ServiceError::validation(
                    "base_plan_id",
                    "required",
                    "a reseller's plan is built on a plan its parent gave it",
                )
            })?;
            // Seen as the owner sees plans: a plan of another reseller answers as a missing one.
            let seen = store::find_for(conn, &crate::service::narrowed(&caller.scope(), &owner.id, &owner.path)?, id)?;
            let given = match seen {
                Some(b) if store::granted(conn, &b, &owner.id)? => Some(b),
                _ => None,
            };
            let base = given.ok_or_else(|| {
                ServiceError::validation(
                    "base_plan_id",
                    "unknown_plan",
                    format!("plan {id} was not given to {}", owner.id),
                )
            })?;
            if input.service_template_id.as_ref().is_some_and(|t| *t != base.service_template_id) {
                return Err(ServiceError::validation(
                    "service_template_id",
                    "not_allowed",
                    "a plan on a base plan prices the base plan's template",
                ));
            }
            if input.currency != base.currency {
                return Err(ServiceError::validation(
                    "currency",
                    "currency_mismatch",
                    format!("the base plan is priced in {}; price the plan in it too", base.currency),
                ));
            }
            Ok((base.service_template_id.clone(), Some(base)))
        }
    }
}

/// The resources of a plan's template, read as the plan's owner sees its catalog
/// (`catalog`: its subtree and its ancestors), which holds every template it may price.
fn template_resources(
    conn: &mut DbConn,
    catalog: &Scope,
    template_id: &str,
) -> Result<Vec<TemplateResource>, ServiceError> {
    let t = crate::store::catalog::service_template::find_visible(conn, catalog, template_id)?
        .ok_or(ServiceError::Internal(format!("template {template_id} is out of its plan owner's catalog")))?;
    Ok(persisted::resources_of(&t.resources)?)
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: PlanIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<PlanOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    check_shape(&mut c, Some(&input.name), input.description.as_deref(), Some(&input.categories));
    rules::check_currency(&mut c, "currency", &input.currency);
    rules::check_periods(&mut c, &input.periods);
    check_window(&mut c, input.available_from, input.available_until);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        let (template_id, base) = origin(conn, caller, &owner, &input)?;
        let catalog = crate::service::narrowed(&caller.catalog_scope(), &owner.id, &owner.path)?;
        let resources = template_resources(conn, &catalog, &template_id)?;
        let names = resource_names(conn, &catalog, resources.iter().map(|r| &r.resource_type_id))?;
        let mut c = Checks::new();
        let rates =
            rules::resolve_rates(&mut c, &resources, &input.rates, |id| names.get(id).cloned().unwrap_or_default());
        c.finish().map_err(ServiceError::Validation)?;
        let id = ids::new_id(ids::PLAN);
        check_upgrades(conn, &catalog, &id, &input.upgrade_to)?;
        let spec = PlanSpec {
            categories: input.categories.clone(),
            periods: input.periods.clone(),
            rates,
            upgrade_to: input.upgrade_to.clone(),
        };
        let row = PlanRow {
            id,
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            service_template_id: template_id,
            base_plan_id: base.map(|b| b.id),
            name: trim_space(&input.name).to_owned(),
            description: input.description.clone(),
            currency: input.currency.clone(),
            spec: spec_text(&spec),
            available_from: input.available_from.map(to_db),
            available_until: input.available_until.map(to_db),
            status: enum_text(&CatalogStatus::Active),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::PlanCreated, &row, &out, None)?;
        Ok(out)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<PlanOut, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

/// The plans of the caller's subtree and those given to its account.
pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<PlanPage, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    let rows = cx.db.read(|conn| store::list_for(conn, &caller.scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(PlanPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

/// Changes a plan (`plan.updated` with the previous values of what changed).
pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: PlanPatch,
    if_match: Option<i64>,
) -> Result<PlanOut, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    check_shape(
        &mut c,
        patch.name.as_deref(),
        patch.description.as_ref().and_then(|d| d.as_deref()),
        patch.categories.as_deref(),
    );
    if let Some(p) = &patch.periods {
        rules::check_periods(&mut c, p);
    }
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = own(conn, caller, id)?;
        check_version(if_match, row.version)?;
        let before = to_out(&row)?;
        let mut spec = spec_of(&row)?;
        let catalog = crate::service::narrowed(&caller.catalog_scope(), &row.account_id, &row.account_path)?;
        if let Some(n) = patch.name {
            row.name = trim_space(&n).to_owned();
        }
        if let Some(d) = patch.description {
            row.description = d;
        }
        if let Some(cats) = patch.categories {
            spec.categories = cats;
        }
        if let Some(p) = patch.periods {
            spec.periods = p;
        }
        if let Some(rates) = &patch.rates {
            let resources = template_resources(conn, &catalog, &row.service_template_id)?;
            let names = resource_names(conn, &catalog, resources.iter().map(|r| &r.resource_type_id))?;
            let mut c = Checks::new();
            spec.rates =
                rules::resolve_rates(&mut c, &resources, rates, |id| names.get(id).cloned().unwrap_or_default());
            c.finish().map_err(ServiceError::Validation)?;
        }
        if let Some(u) = patch.upgrade_to {
            check_upgrades(conn, &catalog, &row.id, &u)?;
            spec.upgrade_to = u;
        }
        if let Some(f) = patch.available_from {
            row.available_from = f.map(to_db);
        }
        if let Some(u) = patch.available_until {
            row.available_until = u.map(to_db);
        }
        let mut c = Checks::new();
        check_window(&mut c, row.available_from.map(from_db), row.available_until.map(from_db));
        c.finish().map_err(ServiceError::Validation)?;
        row.spec = spec_text(&spec);
        let previous = crate::service::changed_fields(&before, &to_out(&row)?);
        if previous.is_empty() {
            return Ok(before);
        }
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        let prev = Some(Value::Object(previous));
        raise(conn, now, EventType::PlanUpdated, &row, &out, prev)?;
        Ok(out)
    })
}

/// Withdraws a plan from sale (`plan.archived`). Plans are never deleted: subscriptions,
/// invoices and reseller plans refer to them.
pub fn archive(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<PlanOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = own(conn, caller, id)?;
        if row.status == enum_text(&CatalogStatus::Archived) {
            return Err(ServiceError::InvalidStateTransition("the plan is archived already".into()));
        }
        row.status = enum_text(&CatalogStatus::Archived);
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::PlanArchived, &row, &out, None)?;
        Ok(out)
    })
}

fn grant_out(g: &PlanGrantRow) -> PlanGrantOut {
    PlanGrantOut {
        plan_id: g.plan_id.clone(),
        account_id: g.account_id.clone(),
        granted_by: g.granted_by.clone(),
        created_at: from_db(g.created_at),
    }
}

/// The reseller a grant is for, and the account that gives it (its parent, which must
/// own the plan or have been given it, and lie in the caller's subtree).
fn grant_parties(
    conn: &mut DbConn,
    caller: &Caller,
    plan: &PlanRow,
    account_id: &str,
) -> Result<(AccountRow, AccountRow), ServiceError> {
    let target = crate::service::identity::account::find_reachable(conn, caller, account_id)?;
    if text_enum::<AccountKind>(&target.kind)? != AccountKind::Reseller {
        return Err(ServiceError::validation("account_id", "not_reseller", "plans are given to resellers"));
    }
    let parent_id = target.parent_id.clone().unwrap_or_default();
    match accounts::find_in_scope(conn, &caller.scope(), &parent_id)? {
        Some(parent) if sellable_by(conn, plan, &parent.id)? => Ok((target, parent)),
        _ => Err(ServiceError::validation(
            "account_id",
            "not_allowed",
            "a plan is given by the reseller's parent, which must own it or have been given it",
        )),
    }
}

pub fn grant(
    cx: &Context,
    caller: &Caller,
    plan_id: &str,
    input: PlanGrantIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<PlanGrantOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let plan = find(conn, caller, plan_id)?;
        if plan.status != enum_text(&CatalogStatus::Active) {
            return Err(ServiceError::InvalidStateTransition("an archived plan cannot be given".into()));
        }
        let (target, parent) = grant_parties(conn, caller, &plan, &input.account_id)?;
        if store::granted(conn, &plan, &target.id)? {
            return Err(ServiceError::Conflict(format!("{} has plan {} already", target.id, plan.id)));
        }
        let row = PlanGrantRow {
            plan_id: plan.id.clone(),
            account_id: target.id.clone(),
            account_path: target.path.clone(),
            granted_by: parent.id.clone(),
            created_at: to_db(now),
        };
        store::insert_grant(conn, &row)?;
        Ok(grant_out(&row))
    })
}

pub fn grants(cx: &Context, caller: &Caller, plan_id: &str, page: &PageRequest) -> Result<PlanGrantPage, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    let rows = cx.db.read(|conn| {
        let plan = find(conn, caller, plan_id)?;
        store::grants_of(conn, &plan.id, &caller.scope(), page).map_err(ServiceError::from)
    })?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.account_id);
    Ok(PlanGrantPage { data: rows.iter().map(grant_out).collect(), next_cursor })
}

/// Takes a plan back from a reseller; refused while the reseller still sells it (published
/// to one of its brands, built on by its plans, or given on to its own resellers).
pub fn revoke(cx: &Context, caller: &Caller, plan_id: &str, account_id: &str) -> Result<(), ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    crate::service::write(cx, |conn, _| {
        let plan = find(conn, caller, plan_id)?;
        let (target, _) = grant_parties(conn, caller, &plan, account_id)?;
        if !store::granted(conn, &plan, &target.id)? {
            return Err(ServiceError::NotFound("plan grant"));
        }
        if crate::store::catalog::brand::published_by(conn, &target.id, &plan)?
            || store::regranted_by(conn, &plan, &target)?
        {
            return Err(ServiceError::Conflict(format!(
                "{} still sells plan {}: unpublish it and take it back from its resellers first",
                target.id, plan.id
            )));
        }
        if store::derived_by(conn, &plan, &target)? {
            return Err(ServiceError::Conflict(format!("{} has plans built on plan {}", target.id, plan.id)));
        }
        store::delete_grant(conn, &plan.id, &target.id)?;
        Ok(())
    })
}
