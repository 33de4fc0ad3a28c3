//! Brands (storefronts) and the plans published to them.

use stratum_api::catalog::brand::{
    BrandIn, BrandOut, BrandPage, BrandPatch, PublicationIn, PublicationOut, PublicationPage,
};
use stratum_api::catalog::service_template::CatalogStatus;

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::catalog::rules::{self as rules, DESCRIPTION_MAX, NAME_MAX};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::events::EventType;
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::raise;
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::catalog::brand::{self as store, BrandRow, PublicationRow};
use crate::store::owned::OwnedBy;
use crate::store::{json_text, text_json, DbConn};

pub fn to_out(row: &BrandRow) -> Result<BrandOut, ServiceError> {
    Ok(BrandOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        name: row.name.clone(),
        host_name: row.host_name.clone(),
        default_language: row.default_language.clone(),
        languages: text_json(&row.languages)?,
        currency: row.currency.clone(),
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<BrandRow, ServiceError> {
    store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("brand"))
}

/// The default language first, then the others once each.
fn languages(default: &str, others: &[String]) -> Vec<String> {
    let mut all = vec![default.to_owned()];
    for l in others {
        if !all.contains(l) {
            all.push(l.clone());
        }
    }
    all
}

fn check_languages(c: &mut Checks, default: Option<&str>, others: Option<&[String]>) {
    if let Some(d) = default {
        c.language("default_language", d);
    }
    for l in others.unwrap_or_default() {
        c.language("languages", l);
    }
    if others.is_some_and(|o| o.len() > 50) {
        c.fail("languages", "invalid_length", "at most 50 languages");
    }
}

fn check_host(c: &mut Checks, host: &str) {
    if !rules::is_host_name(host) {
        c.fail("host_name", "invalid_format", "must be a lower-case host name (shop.example.com)");
    }
}

/// A host name answers for one brand only, whoever owns it: the check looks at every
/// tenant's brands (and tells the caller only that the name is taken).
fn host_free(conn: &mut DbConn, host: &str, own_id: Option<&str>) -> Result<(), ServiceError> {
    match store::unscoped::find_by_host(conn, host)? {
        Some(b) if Some(b.id.as_str()) != own_id => {
            Err(ServiceError::Conflict(format!("another brand answers at {host} already")))
        }
        _ => Ok(()),
    }
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: BrandIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<BrandOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    c.text("name", &input.name, NAME_MAX);
    check_host(&mut c, &input.host_name);
    check_languages(&mut c, Some(&input.default_language), Some(&input.languages));
    rules::check_currency(&mut c, "currency", &input.currency);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        if owner.kind == "customer" {
            return Err(ServiceError::validation(
                "account_id",
                "not_allowed",
                "brands belong to the provider and resellers",
            ));
        }
        host_free(conn, &input.host_name, None)?;
        let row = BrandRow {
            id: ids::new_id(ids::BRAND),
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            name: trim_space(&input.name).to_owned(),
            host_name: input.host_name.clone(),
            default_language: input.default_language.clone(),
            languages: json_text(&languages(&input.default_language, &input.languages)),
            currency: input.currency.clone(),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        to_out(&row)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<BrandOut, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<BrandPage, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    let rows = cx.db.read(|conn| store::list_visible(conn, &caller.scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(BrandPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

/// Changes a brand's name, host name or languages (its currency is fixed: its plans are
/// priced in it).
pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: BrandPatch,
    if_match: Option<i64>,
) -> Result<BrandOut, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    if let Some(n) = &patch.name {
        c.text("name", n, NAME_MAX);
    }
    if let Some(h) = &patch.host_name {
        check_host(&mut c, h);
    }
    check_languages(&mut c, patch.default_language.as_deref(), patch.languages.as_deref());
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        if let Some(n) = patch.name {
            row.name = trim_space(&n).to_owned();
        }
        if let Some(h) = patch.host_name {
            host_free(conn, &h, Some(&row.id))?;
            row.host_name = h;
        }
        let others: Vec<String> = match patch.languages {
            Some(l) => l,
            None => text_json(&row.languages)?,
        };
        if let Some(d) = patch.default_language {
            row.default_language = d;
        }
        row.languages = json_text(&languages(&row.default_language, &others));
        crate::service::save(conn, now, &mut row)?;
        to_out(&row)
    })
}

fn publication_out(p: &PublicationRow) -> PublicationOut {
    PublicationOut {
        brand_id: p.brand_id.clone(),
        plan_id: p.plan_id.clone(),
        display_name: p.display_name.clone(),
        description: p.description.clone(),
        created_at: from_db(p.created_at),
    }
}

/// Publishes a plan the brand's account may sell (its own, or one it was given) to the
/// brand, under a display name of the brand's choosing (`plan.published`).
pub fn publish(
    cx: &Context,
    caller: &Caller,
    brand_id: &str,
    input: PublicationIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<PublicationOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    c.optional_text("display_name", input.display_name.as_deref(), NAME_MAX);
    c.optional_text("description", input.description.as_deref(), DESCRIPTION_MAX);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let brand = find(conn, caller, brand_id)?;
        let seller = crate::service::narrowed(&caller.scope(), &brand.account_id, &brand.account_path)?;
        let plan = crate::service::catalog::plan::find_sellable(conn, &seller, &input.plan_id)?.ok_or_else(|| {
            ServiceError::validation(
                "plan_id",
                "unknown_plan",
                format!("the brand's account neither owns nor was given plan {}", input.plan_id),
            )
        })?;
        if plan.status != crate::store::enum_text(&CatalogStatus::Active) {
            return Err(ServiceError::validation("plan_id", "archived", "an archived plan cannot be published"));
        }
        if plan.currency != brand.currency {
            return Err(ServiceError::validation(
                "plan_id",
                "currency_mismatch",
                format!("the plan is priced in {}, the brand sells in {}", plan.currency, brand.currency),
            ));
        }
        if store::find_publication(conn, &brand, &plan.id)?.is_some() {
            return Err(ServiceError::Conflict(format!("plan {} is published to {} already", plan.id, brand.id)));
        }
        let row = PublicationRow {
            brand_id: brand.id.clone(),
            plan_id: plan.id.clone(),
            account_path: brand.account_path.clone(),
            display_name: input.display_name.clone().unwrap_or_else(|| plan.name.clone()),
            description: input.description.clone().or_else(|| plan.description.clone()),
            created_at: to_db(now),
        };
        store::insert_publication(conn, &row)?;
        let out = publication_out(&row);
        // The event is the plan's, raised in the brand's account: each seller sees what it publishes.
        let publication =
            OwnedBy { account_id: &brand.account_id, account_path: &brand.account_path, object_id: &plan.id };
        raise(conn, now, EventType::PlanPublished, &publication, &out, None)?;
        Ok(out)
    })
}

pub fn publications(
    cx: &Context,
    caller: &Caller,
    brand_id: &str,
    page: &PageRequest,
) -> Result<PublicationPage, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    let rows = cx.db.read(|conn| {
        let brand = find(conn, caller, brand_id)?;
        store::publications(conn, &brand, page).map_err(ServiceError::from)
    })?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.plan_id);
    Ok(PublicationPage { data: rows.iter().map(publication_out).collect(), next_cursor })
}

pub fn unpublish(cx: &Context, caller: &Caller, brand_id: &str, plan_id: &str) -> Result<(), ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    crate::service::write(cx, |conn, _| {
        let brand = find(conn, caller, brand_id)?;
        if !store::delete_publication(conn, &brand.id, plan_id)? {
            return Err(ServiceError::NotFound("publication"));
        }
        Ok(())
    })
}
