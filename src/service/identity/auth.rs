//! The exchange of an API key for an access token: the key itself (REST, SOAP
//! `PasswordText`) or a WS-Security `PasswordDigest` made with it.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha1::{Digest, Sha1};
use stratum_api::identity::auth::TokenOut;

use crate::auth::api_key as secret;
use crate::auth::jwt::JwtKeys;
use crate::auth::Caller;
use crate::clock::to_db;
use crate::service::{Context, ServiceError};
use crate::store::identity::api_key::{self, ApiKeyRow};
use crate::store::{identity::account, platform::soap_nonce, text_enum, DbConn};

/// How far a WS-Security `Created` time may be from now.
pub const DIGEST_WINDOW_SECONDS: i64 = 300;

/// A WS-Security UsernameToken with a `PasswordDigest`: `Base64(SHA-1(nonce + created +
/// secret))`, where the secret is the hex SHA-256 of the API key (the form the server
/// stores; the key itself is never kept) and the username is the key's id.
pub struct DigestToken<'a> {
    pub key_id: &'a str,
    pub nonce: &'a [u8],
    pub created: &'a str,
    pub digest: &'a str,
}

/// The caller a live key stands for, with its role's current permissions.
fn caller_of(conn: &mut DbConn, row: ApiKeyRow, now: chrono::DateTime<chrono::Utc>) -> Result<Caller, ServiceError> {
    if row.expires_at.is_some_and(|at| crate::clock::from_db(at) <= now) {
        return Err(ServiceError::InvalidApiKey);
    }
    // Unscoped: this makes the caller, so there is no scope to read through yet.
    let acc = account::unscoped::find(conn, &row.account_id)?.ok_or(ServiceError::InvalidApiKey)?;
    let mut caller = Caller {
        key_id: row.id,
        account_id: acc.id,
        account_path: acc.path,
        account_kind: text_enum(&acc.kind)?,
        role: row.role_id,
        permissions: Default::default(),
    };
    caller.permissions = crate::service::identity::role::permissions_of(conn, &caller, &caller.role)?;
    Ok(caller)
}

fn token_for(cx: &Context, keys: &JwtKeys, caller: &Caller) -> Result<TokenOut, ServiceError> {
    let access_token = keys
        .issue(caller, cx.clock.now().timestamp())
        .map_err(|e| ServiceError::Internal(format!("signing a token: {e}")))?;
    Ok(TokenOut { access_token, token_type: "Bearer".into(), expires_in: keys.ttl_seconds })
}

pub fn exchange(cx: &Context, keys: &JwtKeys, key: &str) -> Result<TokenOut, ServiceError> {
    if !secret::is_well_formed(key) {
        return Err(ServiceError::InvalidApiKey);
    }
    let now = cx.clock.now();
    let caller = cx.db.read(|conn| {
        // Unscoped: the key is what authenticates; no caller exists before it is found.
        let row =
            api_key::unscoped::find_live_by_digest(conn, &secret::digest(key))?.ok_or(ServiceError::InvalidApiKey)?;
        caller_of(conn, row, now)
    })?;
    token_for(cx, keys, &caller)
}

pub fn exchange_digest(cx: &Context, keys: &JwtKeys, token: &DigestToken<'_>) -> Result<TokenOut, ServiceError> {
    let now = cx.clock.now();
    let created = chrono::DateTime::parse_from_rfc3339(token.created).map_err(|_| ServiceError::InvalidApiKey)?;
    if (now - created.with_timezone(&chrono::Utc)).num_seconds().abs() > DIGEST_WINDOW_SECONDS {
        return Err(ServiceError::InvalidApiKey);
    }
    let caller = cx.db.write(|conn| {
        // Unscoped, as above: the digest check is the authentication.
        let row = api_key::unscoped::find_live_by_id(conn, token.key_id)?.ok_or(ServiceError::InvalidApiKey)?;
        let mut h = Sha1::new();
        h.update(token.nonce);
        h.update(token.created.as_bytes());
        h.update(row.secret_hash.as_bytes());
        if STANDARD.encode(h.finalize()) != token.digest {
            return Err(ServiceError::InvalidApiKey);
        }
        // A nonce counts once (the periodic purge forgets those too old to pass again).
        if !soap_nonce::record(conn, &STANDARD.encode(token.nonce), to_db(now))? {
            return Err(ServiceError::InvalidApiKey);
        }
        caller_of(conn, row, now)
    })?;
    token_for(cx, keys, &caller)
}
