//! Account use cases: create, read, list, change, and the status lifecycle.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use stratum_api::identity::account::{
    AccountActionIn, AccountIn, AccountKind, AccountOut, AccountPage, AccountPatch, AccountStatus,
};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::account::{self as rules, StatusAction};
use crate::domain::identity::permission::Permission;
use crate::domain::identity::tree;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::trim_space;
use crate::events::EventType;
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::raise;
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::identity::account::{self as store, AccountFilter, AccountRow};
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};
use stratum_api::identity::account::AccountListQuery;

pub fn to_out(row: &AccountRow) -> Result<AccountOut, ServiceError> {
    Ok(AccountOut {
        id: row.id.clone(),
        kind: text_enum(&row.kind)?,
        parent_id: row.parent_id.clone(),
        name: row.name.clone(),
        status: text_enum(&row.status)?,
        status_reason: row.status_reason.clone(),
        hold_type: row.hold_type.as_deref().map(text_enum).transpose()?,
        reseller_tier: row.reseller_tier.as_deref().map(text_enum).transpose()?,
        email: row.email.clone(),
        phone: row.phone.clone(),
        tax_id: row.tax_id.clone(),
        address: row.address.as_deref().map(text_json).transpose()?,
        language: row.language.clone(),
        metadata: text_json(&row.metadata)?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

/// The account `id` if the caller reaches it, else `NotFound` (never telling the two apart).
pub fn find_reachable(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<AccountRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("account"))
}

/// The account a new object belongs to: `requested`, or the caller's own.
pub fn target_account(conn: &mut DbConn, caller: &Caller, requested: Option<&str>) -> Result<AccountRow, ServiceError> {
    find_reachable(conn, caller, requested.unwrap_or(&caller.account_id))
}

/// `target_account` for an object that belongs to the selling side (the provider or a
/// reseller): a customer account is refused on `account_id` as `customer_account`, `why`
/// saying what such objects are for.
pub(crate) fn selling_account(
    conn: &mut DbConn,
    caller: &Caller,
    requested: Option<&str>,
    why: &str,
) -> Result<AccountRow, ServiceError> {
    let owner = target_account(conn, caller, requested)?;
    if text_enum::<AccountKind>(&owner.kind)? == AccountKind::Customer {
        return Err(ServiceError::validation("account_id", "customer_account", why));
    }
    Ok(owner)
}

/// The country of an account's address (ISO 3166-1 alpha-2), if it has one.
pub(crate) fn address_country(account: &AccountRow) -> Option<String> {
    account
        .address
        .as_deref()
        .and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok())
        .and_then(|a| a["country"].as_str().map(str::to_owned))
}

/// Inserts a new account under `parent` and raises `account.created`.
pub(crate) fn insert_child(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    parent: &AccountRow,
    input: AccountIn,
) -> Result<AccountOut, ServiceError> {
    let parent_kind: AccountKind = text_enum(&parent.kind)?;
    if !rules::can_have_children(parent_kind) {
        return Err(ServiceError::ParentCannotHaveChildren(format!(
            "account {} is a customer; only the provider and resellers have child accounts",
            parent.id
        )));
    }
    let id = ids::new_id(ids::ACCOUNT);
    let tier = match input.kind {
        AccountKind::Reseller => {
            Some(input.reseller_tier.unwrap_or(stratum_api::identity::account::ResellerTier::Basic))
        }
        _ => None,
    };
    let row = AccountRow {
        path: tree::child_path(&parent.path, &id),
        id,
        kind: enum_text(&input.kind),
        parent_id: Some(parent.id.clone()),
        name: trim_space(&input.name).to_owned(),
        status: enum_text(&AccountStatus::Active),
        status_reason: None,
        hold_type: None,
        reseller_tier: tier.as_ref().map(enum_text),
        email: input.email,
        phone: input.phone,
        tax_id: input.tax_id,
        address: input.address.as_ref().map(json_text),
        metadata: json_text(&input.metadata),
        language: input.language,
        version: 1,
        created_at: to_db(now),
        updated_at: to_db(now),
    };
    store::insert(conn, &row)?;
    let out = to_out(&row)?;
    raise(conn, now, EventType::AccountCreated, &row, &out, None)?;
    Ok(out)
}
pub fn create(
    cx: &Context,
    caller: &Caller,
    input: AccountIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<AccountOut>, ServiceError> {
    require(caller, Permission::AccountsWrite)?;
    rules::check_new(&input).map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let parent = target_account(conn, caller, input.parent_id.as_deref())?;
        insert_child(conn, now, &parent, input)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<AccountOut, ServiceError> {
    require(caller, Permission::AccountsRead)?;
    cx.db.read(|conn| to_out(&find_reachable(conn, caller, id)?))
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &AccountListQuery,
    page: &PageRequest,
) -> Result<AccountPage, ServiceError> {
    let filter = &AccountFilter {
        kind: query.kind.as_ref().map(enum_text),
        status: query.status.as_ref().map(enum_text),
        parent_id: query.parent_id.clone(),
    };
    require(caller, Permission::AccountsRead)?;
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(AccountPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: AccountPatch,
    if_match: Option<i64>,
) -> Result<AccountOut, ServiceError> {
    require(caller, Permission::AccountsWrite)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find_reachable(conn, caller, id)?;
        check_version(if_match, row.version)?;
        rules::check_patch(text_enum(&row.kind)?, &patch).map_err(ServiceError::Validation)?;
        let before = to_out(&row)?;
        apply_patch(&mut row, patch);
        let after_fields = to_out(&row)?;
        let previous = crate::service::changed_fields(&before, &after_fields);
        if previous.is_empty() {
            return Ok(before);
        }
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        raise(conn, now, EventType::AccountUpdated, &row, &out, Some(Value::Object(previous)))?;
        Ok(out)
    })
}

fn apply_patch(row: &mut AccountRow, patch: AccountPatch) {
    if let Some(name) = patch.name {
        row.name = trim_space(&name).to_owned();
    }
    if let Some(tier) = patch.reseller_tier {
        row.reseller_tier = Some(enum_text(&tier));
    }
    if let Some(email) = patch.email {
        row.email = email;
    }
    if let Some(phone) = patch.phone {
        row.phone = phone;
    }
    if let Some(tax_id) = patch.tax_id {
        row.tax_id = tax_id;
    }
    if let Some(address) = patch.address {
        row.address = address.as_ref().map(json_text);
    }
    if let Some(language) = patch.language {
        row.language = language;
    }
    if let Some(metadata) = patch.metadata {
        row.metadata = json_text(&metadata);
    }
}

/// Places or lifts a hold, suspends, reactivates or cancels an account.
pub fn change_status(
    cx: &Context,
    caller: &Caller,
    id: &str,
    action: StatusAction,
    input: AccountActionIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<AccountOut>, ServiceError> {
    require(caller, Permission::AccountsWrite)?;
    if let Some(reason) = &input.reason {
        if reason.chars().count() > 500 {
            return Err(ServiceError::validation("reason", "too_long", "must be at most 500 characters"));
        }
    }
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = find_reachable(conn, caller, id)?;
        if row.id == caller.account_id || row.parent_id.is_none() {
            return Err(ServiceError::PermissionDenied(
                "an account's status is changed by an account above it, not by itself".into(),
            ));
        }
        let status: AccountStatus = text_enum(&row.status)?;
        let (next, hold) = rules::transition(status, action).ok_or_else(|| {
            ServiceError::InvalidStateTransition(format!(
                "cannot {} an account whose status is {}",
                action.name(),
                enum_text(&status)
            ))
        })?;
        row.status = enum_text(&next);
        row.hold_type = hold.as_ref().map(enum_text);
        let before_reason = std::mem::replace(&mut row.status_reason, input.reason.clone());
        crate::service::save(conn, now, &mut row)?;
        let out = to_out(&row)?;
        let event = match action {
            StatusAction::PlaceHold(_) => EventType::AccountHoldPlaced,
            StatusAction::ReleaseHold => EventType::AccountHoldReleased,
            StatusAction::Suspend => EventType::AccountSuspended,
            StatusAction::Reactivate => EventType::AccountReactivated,
            StatusAction::Cancel => EventType::AccountCancelled,
        };
        let previous = json!({ "status": enum_text(&status), "status_reason": before_reason });
        raise(conn, now, event, &row, &out, Some(previous))?;
        Ok(out)
    })
}
