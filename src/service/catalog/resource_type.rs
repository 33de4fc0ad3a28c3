//! Resource types.

use stratum_api::catalog::resource_type::{ResourceTypeIn, ResourceTypeOut, ResourceTypePage, ResourceTypePatch};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::catalog::rules::{DESCRIPTION_MAX, NAME_MAX};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::events::EventType;
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::raise;
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::catalog::resource_type::{self as store, ResourceTypeRow};
use crate::store::DbConn;

pub fn to_out(row: &ResourceTypeRow) -> ResourceTypeOut {
    ResourceTypeOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        name: row.name.clone(),
        description: row.description.clone(),
        unit: row.unit.clone(),
        metered: row.metered == 1,
        gateway: row.gateway.clone(),
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    }
}

/// A resource type the caller may build on: its subtree's or its ancestors'.
pub(crate) fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<ResourceTypeRow, ServiceError> {
    store::find_visible(conn, &caller.catalog_scope(), id)?.ok_or(ServiceError::NotFound("resource type"))
}

fn check_gateway(c: &mut Checks, gateway: &str) {
    c.text("gateway", gateway, 64);
    if !gateway.chars().all(|ch| ch.is_ascii_alphanumeric() || "-_.".contains(ch)) {
        c.fail("gateway", "invalid_format", "letters, digits, '-', '_' and '.' only");
    }
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: ResourceTypeIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<ResourceTypeOut>, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    c.text("name", &input.name, NAME_MAX);
    c.optional_text("description", input.description.as_deref(), DESCRIPTION_MAX);
    c.text("unit", &input.unit, 20);
    check_gateway(&mut c, &input.gateway);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        let row = ResourceTypeRow {
            id: ids::new_id(ids::RESOURCE_TYPE),
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            name: trim_space(&input.name).to_owned(),
            description: input.description.clone(),
            unit: trim_space(&input.unit).to_owned(),
            metered: i32::from(input.metered),
            gateway: input.gateway.clone(),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        let out = to_out(&row);
        raise(conn, now, EventType::ResourceTypeCreated, &row, &out, None)?;
        Ok(out)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<ResourceTypeOut, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    cx.db.read(|conn| find(conn, caller, id).map(|r| to_out(&r)))
}

pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<ResourceTypePage, ServiceError> {
    require(caller, Permission::CatalogRead)?;
    let rows =
        cx.db.read(|conn| store::list_visible(conn, &caller.catalog_scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(ResourceTypePage { data: rows.iter().map(to_out).collect(), next_cursor })
}

/// Changes the name, description or gateway (the unit and metering are fixed: plans and
/// usage depend on them). The catalog has no event for it.
pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: ResourceTypePatch,
    if_match: Option<i64>,
) -> Result<ResourceTypeOut, ServiceError> {
    require(caller, Permission::CatalogWrite)?;
    let mut c = Checks::new();
    if let Some(n) = &patch.name {
        c.text("name", n, NAME_MAX);
    }
    c.optional_text("description", patch.description.as_ref().and_then(|d| d.as_deref()), DESCRIPTION_MAX);
    if let Some(g) = &patch.gateway {
        check_gateway(&mut c, g);
    }
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("resource type"))?;
        check_version(if_match, row.version)?;
        if let Some(n) = patch.name {
            row.name = trim_space(&n).to_owned();
        }
        if let Some(d) = patch.description {
            row.description = d;
        }
        if let Some(g) = patch.gateway {
            row.gateway = g;
        }
        crate::service::save(conn, now, &mut row)?;
        Ok(to_out(&row))
    })
}
