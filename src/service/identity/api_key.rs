//! API keys: issued for an account and a role, shown once, stored as digests, revocable.

use chrono::{DateTime, Utc};
use stratum_api::identity::api_key::{ApiKeyCreatedOut, ApiKeyIn, ApiKeyOut, ApiKeyPage};

use crate::auth::{api_key as secret, Caller};
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::Checks;
use crate::events::EventType;
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::raise;
use crate::service::{require, Context, ServiceError};
use crate::store::identity::account::AccountRow;
use crate::store::identity::api_key::{self as store, ApiKeyRow};
use crate::store::DbConn;

pub fn to_out(row: &ApiKeyRow) -> ApiKeyOut {
    ApiKeyOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        role: row.role_id.clone(),
        name: row.name.clone(),
        prefix: row.prefix.clone(),
        created_at: from_db(row.created_at),
        revoked_at: row.revoked_at.map(from_db),
        expires_at: row.expires_at.map(from_db),
    }
}
/// Stores a key with the given secret for `account` and raises `api_key.created`.
pub(crate) fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    account: &AccountRow,
    role: &str,
    name: Option<String>,
    expires_at: Option<DateTime<Utc>>,
    key: &str,
) -> Result<ApiKeyRow, ServiceError> {
    let row = ApiKeyRow {
        id: ids::new_id(ids::API_KEY),
        account_id: account.id.clone(),
        account_path: account.path.clone(),
        role_id: role.to_owned(),
        name,
        prefix: secret::display_prefix(key),
        secret_hash: secret::digest(key),
        created_at: to_db(now),
        revoked_at: None,
        expires_at: expires_at.map(to_db),
    };
    store::insert(conn, &row)?;
    raise(conn, now, EventType::ApiKeyCreated, &row, &to_out(&row), None)?;
    Ok(row)
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: ApiKeyIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<ApiKeyCreatedOut>, ServiceError> {
    require(caller, Permission::ApiKeysWrite)?;
    let mut c = Checks::new();
    c.text("role", &input.role, 64);
    c.optional_text("name", input.name.as_deref(), 100);
    if input.expires_at.is_some_and(|at| at <= cx.clock.now()) {
        c.fail("expires_at", "not_in_future", "must lie in the future");
    }
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let account = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        crate::service::identity::role::grantable(conn, caller, &account, &input.role)?;
        let key = secret::generate();
        let row = insert(conn, now, &account, &input.role, input.name.clone(), input.expires_at, &key)?;
        let out = to_out(&row);
        Ok(ApiKeyCreatedOut {
            id: out.id,
            account_id: out.account_id,
            role: out.role,
            name: out.name,
            prefix: out.prefix,
            created_at: out.created_at,
            revoked_at: out.revoked_at,
            expires_at: out.expires_at,
            key,
        })
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<ApiKeyOut, ServiceError> {
    require(caller, Permission::ApiKeysRead)?;
    cx.db.read(|conn| {
        store::find_in_scope(conn, &caller.scope(), id)?.map(|r| to_out(&r)).ok_or(ServiceError::NotFound("api key"))
    })
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    account_id: Option<&str>,
    page: &PageRequest,
) -> Result<ApiKeyPage, ServiceError> {
    require(caller, Permission::ApiKeysRead)?;
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), account_id, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(ApiKeyPage { data: rows.iter().map(to_out).collect(), next_cursor })
}

pub fn revoke(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<ApiKeyOut>, ServiceError> {
    require(caller, Permission::ApiKeysWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("api key"))?;
        if !store::revoke(conn, id, to_db(now))? {
            return Err(ServiceError::InvalidStateTransition("the key is revoked already".into()));
        }
        row.revoked_at = Some(to_db(now));
        raise(conn, now, EventType::ApiKeyRevoked, &row, &to_out(&row), None)?;
        Ok(to_out(&row))
    })
}
