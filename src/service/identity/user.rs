//! Users: the staff of an account, each with a role.

use serde_json::{Map, Value};
use stratum_api::identity::user::{UserIn, UserOut, UserPage, UserPatch, UserStatus};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::events::EventType;
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::raise;
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::identity::user::{self as store, UserRow};
use crate::store::{enum_text, identity::account as accounts, text_enum, DbConn};

fn to_out(row: &UserRow) -> Result<UserOut, ServiceError> {
    Ok(UserOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        email: row.email.clone(),
        name: row.name.clone(),
        role: row.role_id.clone(),
        status: text_enum(&row.status)?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}
fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<UserRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("user"))
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: UserIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<UserOut>, ServiceError> {
    require(caller, Permission::UsersWrite)?;
    let mut c = Checks::new();
    c.email("email", &input.email);
    c.text("name", &input.name, 200);
    c.text("role", &input.role, 64);
    c.finish().map_err(ServiceError::Validation)?;
    let email = input.email.to_lowercase();
    idempotency::write(cx, caller, idem, |conn, now| {
        let account = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        crate::service::identity::role::grantable(conn, caller, &account, &input.role)?;
        if store::email_taken(conn, &account, &email)? {
            return Err(ServiceError::Conflict(format!("account {} has a user with this e-mail already", account.id)));
        }
        let row = UserRow {
            id: ids::new_id(ids::USER),
            account_id: account.id.clone(),
            account_path: account.path.clone(),
            email,
            name: trim_space(&input.name).to_owned(),
            role_id: input.role.clone(),
            status: enum_text(&UserStatus::Active),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::UserCreated, &row, &out, None)?;
        Ok(out)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<UserOut, ServiceError> {
    require(caller, Permission::UsersRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    account_id: Option<&str>,
    page: &PageRequest,
) -> Result<UserPage, ServiceError> {
    require(caller, Permission::UsersRead)?;
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), account_id, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(UserPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: UserPatch,
    if_match: Option<i64>,
) -> Result<UserOut, ServiceError> {
    require(caller, Permission::UsersWrite)?;
    let mut c = Checks::new();
    if let Some(n) = &patch.name {
        c.text("name", n, 200);
    }
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        let mut previous = Map::new();
        if let Some(name) = patch.name.as_ref().map(|n| trim_space(n).to_owned()).filter(|n| *n != row.name) {
            previous.insert("name".into(), Value::String(std::mem::replace(&mut row.name, name)));
        }
        if let Some(role) = patch.role.as_ref().filter(|r| **r != row.role_id) {
            let account = accounts::find_in_scope(conn, &caller.scope(), &row.account_id)?
                .ok_or(ServiceError::NotFound("account"))?;
            crate::service::identity::role::grantable(conn, caller, &account, role)?;
            previous.insert("role".into(), Value::String(std::mem::replace(&mut row.role_id, role.clone())));
        }
        if let Some(status) = patch.status.map(|s| enum_text(&s)).filter(|s| *s != row.status) {
            previous.insert("status".into(), Value::String(std::mem::replace(&mut row.status, status)));
        }
        if previous.is_empty() {
            return to_out(&row);
        }
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::UserUpdated, &row, &out, Some(Value::Object(previous)))?;
        Ok(out)
    })
}

pub fn remove(cx: &Context, caller: &Caller, id: &str, if_match: Option<i64>) -> Result<(), ServiceError> {
    require(caller, Permission::UsersWrite)?;
    crate::service::write(cx, |conn, now| {
        let row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        if !store::delete(conn, id, row.version)? {
            return Err(crate::service::missed::<UserRow>(conn, id));
        }
        let out = to_out(&row)?;
        raise(conn, now, EventType::UserRemoved, &row, &out, None)
    })
}
