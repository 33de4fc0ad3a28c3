//! Roles: the built-in ones (in code) and custom ones made of named permissions.

use stratum_api::identity::role::{PermissionOut, PermissionPage, RoleIn, RoleOut, RolePage, RolePatch};

use crate::auth::{Caller, Scope};
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::{BuiltInRole, Permission, PermissionSet};
use crate::domain::identity::tree;
use crate::domain::pagination::{encode_cursor, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::identity::account::AccountRow;
use crate::store::identity::role::{self as store, RoleRow};
use crate::store::DbConn;

fn built_in_out(r: BuiltInRole) -> RoleOut {
    RoleOut {
        id: r.id().to_owned(),
        account_id: None,
        name: r.id().to_owned(),
        description: Some(r.description().to_owned()),
        permissions: r.permissions().names(),
        built_in: true,
        version: 1,
        created_at: None,
        updated_at: None,
    }
}

fn to_out(row: &RoleRow) -> RoleOut {
    RoleOut {
        id: row.id.clone(),
        account_id: Some(row.account_id.clone()),
        name: row.name.clone(),
        description: row.description.clone(),
        permissions: PermissionSet::from_stored(&row.permissions).names(),
        built_in: false,
        version: row.version,
        created_at: Some(from_db(row.created_at)),
        updated_at: Some(from_db(row.updated_at)),
    }
}

/// The permissions of role `role_id` when given to `account`: a built-in role, or a
/// custom role of the caller's subtree defined by `account` or one of its ancestors.
/// The caller must hold every permission it grants.
pub fn grantable(
    conn: &mut DbConn,
    caller: &Caller,
    account: &AccountRow,
    role_id: &str,
) -> Result<PermissionSet, ServiceError> {
    let permissions = match BuiltInRole::from_id(role_id) {
        Some(r) => r.permissions(),
        None => {
            let row = store::find_in_scope(conn, &caller.scope(), role_id)?
                .filter(|r| tree::contains(&r.account_path, &account.path))
                .ok_or_else(|| {
                    ServiceError::validation(
                        "role",
                        "unknown_role",
                        format!("no role `{role_id}` can be given to account {}", account.id),
                    )
                })?;
            PermissionSet::from_stored(&row.permissions)
        }
    };
    if !permissions.is_subset_of(caller.permissions) {
        return Err(ServiceError::PermissionEscalation(format!(
            "role `{role_id}` grants permissions that the caller does not hold"
        )));
    }
    Ok(permissions)
}

/// The permissions a key's role grants now (custom roles may have changed since issue).
/// `key_holder` is the key's caller: a custom role counts only when its account or one of
/// that account's ancestors defined it, as [`grantable`] required when it was given.
pub fn permissions_of(conn: &mut DbConn, key_holder: &Caller, role_id: &str) -> Result<PermissionSet, ServiceError> {
    match BuiltInRole::from_id(role_id) {
        Some(r) => Ok(r.permissions()),
        None => Ok(store::find_on_lineage(conn, &Scope::with_ancestors(key_holder), role_id)?
            .map(|r| PermissionSet::from_stored(&r.permissions))
            .unwrap_or_default()),
    }
}

fn check_fields(
    name: Option<&str>,
    description: Option<&str>,
    permissions: Option<&[String]>,
) -> Result<Option<PermissionSet>, ServiceError> {
    let mut c = Checks::new();
    if let Some(n) = name {
        c.text("name", n, 100);
        if BuiltInRole::from_id(trim_space(n)).is_some() {
            c.fail("name", "reserved", "is the name of a built-in role");
        }
    }
    c.optional_text("description", description, 500);
    let mut set = None;
    if let Some(p) = permissions {
        match PermissionSet::parse(p.iter().map(String::as_str)) {
            Ok(s) if p.is_empty() => {
                c.fail("permissions", "required", "must name at least one permission");
                set = Some(s);
            }
            Ok(s) => set = Some(s),
            Err(unknown) => c.fail("permissions", "unknown_permission", format!("unknown: {}", unknown.join(", "))),
        }
    }
    c.finish().map_err(ServiceError::Validation)?;
    Ok(set)
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: RoleIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<RoleOut>, ServiceError> {
    require(caller, Permission::RolesWrite)?;
    let set =
        check_fields(Some(&input.name), input.description.as_deref(), Some(&input.permissions))?.unwrap_or_default();
    if !set.is_subset_of(caller.permissions) {
        return Err(ServiceError::PermissionEscalation(
            "a role cannot grant permissions the caller does not hold".into(),
        ));
    }
    idempotency::write(cx, caller, idem, |conn, now| {
        let account = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        let row = RoleRow {
            id: ids::new_id(ids::ROLE),
            account_id: account.id.clone(),
            account_path: account.path.clone(),
            name: trim_space(&input.name).to_owned(),
            description: input.description.clone(),
            permissions: set.to_stored(),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row).map_err(|e| match ServiceError::from(e) {
            ServiceError::Conflict(_) => {
                ServiceError::Conflict(format!("account {} has a role named `{}` already", account.id, row.name))
            }
            other => other,
        })?;
        Ok(to_out(&row))
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<RoleOut, ServiceError> {
    require(caller, Permission::RolesRead)?;
    if let Some(r) = BuiltInRole::from_id(id) {
        return Ok(built_in_out(r));
    }
    cx.db.read(|conn| {
        store::find_in_scope(conn, &caller.scope(), id)?.map(|r| to_out(&r)).ok_or(ServiceError::NotFound("role"))
    })
}

/// Built-in roles first, then custom roles in creation order; the cursor spans both.
pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<RolePage, ServiceError> {
    require(caller, Permission::RolesRead)?;
    let limit = usize::try_from(page.limit).unwrap_or(usize::MAX);
    let mut data: Vec<RoleOut> = match page.after.as_deref() {
        None => BuiltInRole::ALL.into_iter().map(built_in_out).collect(),
        Some(after) => match BuiltInRole::ALL.iter().position(|r| r.id() == after) {
            Some(i) => BuiltInRole::ALL[i + 1..].iter().copied().map(built_in_out).collect(),
            None => Vec::new(),
        },
    };
    let custom_after = page.after.as_deref().filter(|a| BuiltInRole::from_id(a).is_none()).map(str::to_owned);
    if data.len() <= limit {
        let custom_page = PageRequest { limit: page.limit, after: custom_after };
        let rows =
            cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), &custom_page).map_err(ServiceError::from))?;
        data.extend(rows.iter().map(to_out));
    }
    let next_cursor = if data.len() > limit {
        data.truncate(limit);
        data.last().map(|r| encode_cursor(&r.id))
    } else {
        None
    };
    Ok(RolePage { data, next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: RolePatch,
    if_match: Option<i64>,
) -> Result<RoleOut, ServiceError> {
    require(caller, Permission::RolesWrite)?;
    if BuiltInRole::from_id(id).is_some() {
        return Err(ServiceError::PermissionDenied("built-in roles cannot be changed".into()));
    }
    let set = check_fields(patch.name.as_deref(), patch.description.as_deref(), patch.permissions.as_deref())?;
    if let Some(s) = set {
        if !s.is_subset_of(caller.permissions) {
            return Err(ServiceError::PermissionEscalation(
                "a role cannot grant permissions the caller does not hold".into(),
            ));
        }
    }
    crate::service::write(cx, |conn, now| {
        let mut row = store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("role"))?;
        check_version(if_match, row.version)?;
        if let Some(n) = &patch.name {
            row.name = trim_space(n).to_owned();
        }
        if let Some(d) = &patch.description {
            row.description = Some(d.clone());
        }
        if let Some(s) = set {
            row.permissions = s.to_stored();
        }
        crate::service::save(conn, now, &mut row)?;
        Ok(to_out(&row))
    })
}

pub fn delete(cx: &Context, caller: &Caller, id: &str, if_match: Option<i64>) -> Result<(), ServiceError> {
    require(caller, Permission::RolesWrite)?;
    if BuiltInRole::from_id(id).is_some() {
        return Err(ServiceError::PermissionDenied("built-in roles cannot be deleted".into()));
    }
    crate::service::write(cx, |conn, _now| {
        let row = store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("role"))?;
        check_version(if_match, row.version)?;
        if store::in_use(conn, &row)? {
            return Err(ServiceError::Conflict("the role is still given to users or live API keys".into()));
        }
        if !store::delete(conn, id, row.version)? {
            return Err(crate::service::missed::<RoleRow>(conn, id));
        }
        Ok(())
    })
}

pub fn permissions() -> PermissionPage {
    PermissionPage {
        data: Permission::ALL
            .into_iter()
            .map(|p| PermissionOut { name: p.name().to_owned(), description: p.description().to_owned() })
            .collect(),
        next_cursor: None,
    }
}
