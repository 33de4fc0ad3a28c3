//! First start: the provider account and its first admin key.

use stratum_api::identity::account::{AccountKind, AccountStatus};

use crate::auth::api_key as secret;
use crate::clock::to_db;
use crate::domain::identity::permission::BuiltInRole;
use crate::domain::identity::tree;
use crate::events::EventType;
use crate::ids;
use crate::service::{Context, ServiceError};
use crate::store::identity::account::{self, AccountRow};
use crate::store::{enum_text, identity::api_key, DbConn};

/// The provider account, created on first use.
fn ensure_provider(conn: &mut DbConn, now: chrono::DateTime<chrono::Utc>) -> Result<AccountRow, ServiceError> {
    if let Some(p) = account::unscoped::provider(conn)? {
        return Ok(p);
    }
    let id = ids::new_id(ids::ACCOUNT);
    let row = AccountRow {
        path: tree::root_path(&id),
        id,
        kind: enum_text(&AccountKind::Provider),
        parent_id: None,
        name: "Provider".into(),
        status: enum_text(&AccountStatus::Active),
        status_reason: None,
        hold_type: None,
        reseller_tier: None,
        email: None,
        phone: None,
        tax_id: None,
        address: None,
        metadata: "{}".into(),
        language: None,
        version: 1,
        created_at: to_db(now),
        updated_at: to_db(now),
    };
    account::insert(conn, &row)?;
    let out = crate::service::identity::account::to_out(&row)?;
    crate::service::raise(conn, now, EventType::AccountCreated, &row, &out, None)?;
    Ok(row)
}

/// Issues a new provider-admin key (creating the provider on first use) and returns it.
pub fn create_admin_key(cx: &Context, name: Option<String>) -> Result<(String, String), ServiceError> {
    let now = cx.clock.now();
    cx.db.write(|conn| {
        let provider = ensure_provider(conn, now)?;
        let key = secret::generate();
        crate::service::identity::api_key::insert(conn, now, &provider, BuiltInRole::Admin.id(), name, None, &key)?;
        Ok((provider.id, key))
    })
}

/// Installs `key` as the provider admin's key when the database has no key at all.
/// Returns whether it did.
pub fn install_bootstrap_key(cx: &Context, key: &str) -> Result<bool, ServiceError> {
    if !secret::is_well_formed(key) {
        return Err(ServiceError::validation(
            "bootstrap_api_key",
            "invalid_format",
            "must be `stk_` followed by at least 32 letters, digits or underscores",
        ));
    }
    let now = cx.clock.now();
    cx.db.write(|conn| {
        if api_key::count(conn)? > 0 {
            return Ok(false);
        }
        let provider = ensure_provider(conn, now)?;
        crate::service::identity::api_key::insert(
            conn,
            now,
            &provider,
            BuiltInRole::Admin.id(),
            Some("bootstrap".into()),
            None,
            key,
        )?;
        Ok(true)
    })
}

/// Makes sure the provider account exists.
pub fn ensure_root(cx: &Context) -> Result<String, ServiceError> {
    let now = cx.clock.now();
    cx.db.write(|conn| ensure_provider(conn, now).map(|p| p.id))
}
