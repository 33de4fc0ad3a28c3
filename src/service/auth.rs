//! The exchange of an API key for an access token.

use stratum_api::auth::TokenOut;

use super::{Context, ServiceError};
use crate::auth::api_key as secret;
use crate::auth::jwt::JwtKeys;
use crate::auth::Caller;
use crate::store::{account, api_key, text_enum};

pub fn exchange(cx: &Context, keys: &JwtKeys, key: &str) -> Result<TokenOut, ServiceError> {
    if !secret::is_well_formed(key) {
        return Err(ServiceError::InvalidApiKey);
    }
    let caller = cx.db.read(|conn| {
        let row = api_key::find_live_by_digest(conn, &secret::digest(key))?.ok_or(ServiceError::InvalidApiKey)?;
        let acc = account::find(conn, &row.account_id)?.ok_or(ServiceError::InvalidApiKey)?;
        let permissions = super::role::permissions_of(conn, &row.role_id)?;
        Ok::<_, ServiceError>(Caller {
            key_id: row.id,
            account_id: acc.id,
            account_path: acc.path,
            account_kind: text_enum(&acc.kind)?,
            role: row.role_id,
            permissions,
        })
    })?;
    let access_token = keys
        .issue(&caller, cx.clock.now().timestamp())
        .map_err(|e| ServiceError::Internal(format!("signing a token: {e}")))?;
    Ok(TokenOut { access_token, token_type: "Bearer".into(), expires_in: keys.ttl_seconds })
}
