//! Service templates.

use serde_json::Value;
use stratum_api::catalog::service_template::{
    CatalogStatus, ServiceTemplateIn, ServiceTemplateOut, ServiceTemplatePage, ServiceTemplatePatch, TemplateResource,
};

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
use crate::store::catalog::service_template::{self as store, ServiceTemplateRow};
use crate::store::{enum_text, text_enum, DbConn};

pub fn to_out(row: &ServiceTemplateRow) -> Result<ServiceTemplateOut, ServiceError> {
    Ok(ServiceTemplateOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        name: row.name.clone(),
        description: row.description.clone(),
        resources: persisted::resources_of(&row.resources)?,
        parameters: persisted::parameters_of(&row.parameters)?,
        status: text_enum(&row.status)?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

/// A template the caller may build on: its subtree's or its ancestors'.
pub(crate) fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<ServiceTemplateRow, ServiceError> {
    store::find_visible(conn, &caller.catalog_scope(), id)?.ok_or(ServiceError::NotFound("service template"))
}

/// What the account a template is for builds on, seen from the caller (who reaches it).
fn owner_scope(caller: &Caller, account_id: &str, path: &str) -> Result<Scope, ServiceError> {
    crate::service::narrowed(&caller.catalog_scope(), account_id, path)
}

/// Every resource type named must be one the template's owner builds on: of its subtree
/// or of its ancestors — not merely one the caller sees. `owner` is the owner's scope.
fn check_resource_types(conn: &mut DbConn, owner: &Scope, resources: &[TemplateResource]) -> Result<(), ServiceError> {
    for (i, r) in resources.iter().enumerate() {
        if crate::store::catalog::resource_type::find_visible(conn, owner, &r.resource_type_id)?.is_none() {
            return Err(ServiceError::validation(
                &format!("resources[{i}].resource_type_id"),
                "unknown_resource_type",
                format!("no resource type {} exists in your catalog", r.resource_type_id),
            ));
        }
    }
    Ok(())
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: ServiceTemplateIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<ServiceTemplateOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    c.text("name", &input.name, NAME_MAX);
    c.optional_text("description", input.description.as_deref(), DESCRIPTION_MAX);
    rules::check_resources(&mut c, &input.resources);
    rules::check_parameters(&mut c, &input.parameters);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        check_resource_types(conn, &owner_scope(caller, &owner.id, &owner.path)?, &input.resources)?;
        let row = ServiceTemplateRow {
            id: ids::new_id(ids::SERVICE_TEMPLATE),
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            name: trim_space(&input.name).to_owned(),
            description: input.description.clone(),
            resources: persisted::resources_text(&input.resources),
            parameters: persisted::parameters_text(&input.parameters),
            status: enum_text(&CatalogStatus::Active),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::ServiceTemplateCreated, &row, &out, None)?;
        Ok(out)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<ServiceTemplateOut, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<ServiceTemplatePage, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    let rows =
        cx.db.read(|conn| store::list_visible(conn, &caller.catalog_scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(ServiceTemplatePage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

/// A resource type that plans on the template price cannot leave it: those plans, their
/// subscriptions and invoices refer to it. (Added resources are priced by a plan once
/// its rates are changed.)
fn keeps_priced_resources(conn: &mut DbConn, template_id: &str, next: &[TemplateResource]) -> Result<(), ServiceError> {
    // Every plan on the template counts, whoever owns it: the check guards what plans
    // depend on, not what the caller sees (those plans lie in the template owner's
    // subtree anyway, since only accounts that build on the template can price it).
    for plan in crate::store::catalog::plan::unscoped::on_template(conn, template_id)? {
        let spec = crate::service::catalog::plan::spec_of(&plan)?;
        if let Some(gone) = spec.rates.iter().find(|r| !next.iter().any(|n| n.resource_type_id == r.resource_type_id)) {
            return Err(ServiceError::Conflict(format!(
                "plan {} prices resource type {}: it cannot leave the template",
                plan.id, gone.resource_type_id
            )));
        }
    }
    Ok(())
}

fn own(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<ServiceTemplateRow, ServiceError> {
    store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("service template"))
}

/// Changes a template (`service_template.updated` with the previous values). Plans on it
/// keep their own rates; resources they price must stay in the template.
pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: ServiceTemplatePatch,
    if_match: Option<i64>,
) -> Result<ServiceTemplateOut, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    if let Some(n) = &patch.name {
        c.text("name", n, NAME_MAX);
    }
    c.optional_text("description", patch.description.as_ref().and_then(|d| d.as_deref()), DESCRIPTION_MAX);
    if let Some(r) = &patch.resources {
        rules::check_resources(&mut c, r);
    }
    if let Some(p) = &patch.parameters {
        rules::check_parameters(&mut c, p);
    }
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = own(conn, caller, id)?;
        check_version(if_match, row.version)?;
        let before = to_out(&row)?;
        if let Some(n) = patch.name {
            row.name = trim_space(&n).to_owned();
        }
        if let Some(d) = patch.description {
            row.description = d;
        }
        if let Some(r) = &patch.resources {
            check_resource_types(conn, &owner_scope(caller, &row.account_id, &row.account_path)?, r)?;
            keeps_priced_resources(conn, &row.id, r)?;
            row.resources = persisted::resources_text(r);
        }
        if let Some(p) = &patch.parameters {
            row.parameters = persisted::parameters_text(p);
        }
        let previous = crate::service::changed_fields(&before, &to_out(&row)?);
        if previous.is_empty() {
            return Ok(before);
        }
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        let prev = Some(Value::Object(previous));
        raise(conn, now, EventType::ServiceTemplateUpdated, &row, &out, prev)?;
        Ok(out)
    })
}

/// Withdraws a template: no new plans on it; existing plans stay.
pub fn archive(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<ServiceTemplateOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = own(conn, caller, id)?;
        if row.status == enum_text(&CatalogStatus::Archived) {
            return Err(ServiceError::InvalidStateTransition("the template is archived already".into()));
        }
        row.status = enum_text(&CatalogStatus::Archived);
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::ServiceTemplateArchived, &row, &out, None)?;
        Ok(out)
    })
}
