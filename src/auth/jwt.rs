//! Access tokens: HS256 JWTs with a `kid`, verified against any configured key so that
//! signing keys rotate without downtime.

use std::collections::HashMap;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use stratum_api::identity::account::AccountKind;

use super::Caller;
use crate::domain::identity::permission::PermissionSet;

const ISSUER: &str = "stratum";

/// What a token says about its holder.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The API key id.
    pub sub: String,
    pub acc: String,
    pub path: String,
    pub kind: AccountKind,
    pub role: String,
    /// The role's permissions as bits (see `PermissionSet`).
    pub perms: u64,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
}

impl Claims {
    pub fn into_caller(self) -> Caller {
        Caller {
            key_id: self.sub,
            account_id: self.acc,
            account_path: self.path,
            account_kind: self.kind,
            role: self.role,
            permissions: PermissionSet::from_bits(self.perms),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the token is malformed")]
    Malformed,
    #[error("the token was signed with an unknown key")]
    UnknownKey,
    #[error("the token has expired")]
    Expired,
    #[error("the token's signature or claims are not valid")]
    Invalid,
}

pub struct JwtKeys {
    signing_kid: String,
    signing: EncodingKey,
    verifying: HashMap<String, DecodingKey>,
    validation: Validation,
    pub ttl_seconds: u64,
}

#[derive(Debug, thiserror::Error)]
#[error("jwt_verification_keys: {0}")]
pub struct KeyConfigError(String);

impl JwtKeys {
    /// `extra` is the rotation list `kid:secret,kid:secret`.
    pub fn new(kid: &str, secret: &str, extra: Option<&str>, ttl_seconds: u64) -> Result<JwtKeys, KeyConfigError> {
        let mut verifying = HashMap::new();
        verifying.insert(kid.to_owned(), DecodingKey::from_secret(secret.as_bytes()));
        for entry in extra.unwrap_or("").split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (k, s) = entry.split_once(':').ok_or_else(|| {
                KeyConfigError(format!("`{}…` is not kid:secret", entry.chars().take(4).collect::<String>()))
            })?;
            if s.len() < 32 {
                return Err(KeyConfigError(format!("the secret of `{k}` has fewer than 32 characters")));
            }
            if k != kid {
                verifying.insert(k.to_owned(), DecodingKey::from_secret(s.as_bytes()));
            }
        }
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.leeway = 5;
        Ok(JwtKeys {
            signing_kid: kid.to_owned(),
            signing: EncodingKey::from_secret(secret.as_bytes()),
            verifying,
            validation,
            ttl_seconds,
        })
    }

    /// Issues a token for `caller`, valid from `now` (unix seconds) for the configured time.
    pub fn issue(&self, caller: &Caller, now: i64) -> Result<String, jsonwebtoken::errors::Error> {
        let claims = Claims {
            sub: caller.key_id.clone(),
            acc: caller.account_id.clone(),
            path: caller.account_path.clone(),
            kind: caller.account_kind,
            role: caller.role.clone(),
            perms: caller.permissions.bits(),
            iss: ISSUER.to_owned(),
            iat: now,
            exp: now + i64::try_from(self.ttl_seconds).unwrap_or(900),
        };
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.signing_kid.clone());
        jsonwebtoken::encode(&header, &claims, &self.signing)
    }

    pub fn verify(&self, token: &str) -> Result<Caller, TokenError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| TokenError::Malformed)?;
        if header.alg != Algorithm::HS256 {
            return Err(TokenError::Invalid);
        }
        let key = header.kid.as_deref().and_then(|kid| self.verifying.get(kid)).ok_or(TokenError::UnknownKey)?;
        let data = jsonwebtoken::decode::<Claims>(token, key, &self.validation).map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => TokenError::Expired,
            _ => TokenError::Invalid,
        })?;
        Ok(data.claims.into_caller())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identity::permission::BuiltInRole;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn caller() -> Caller {
        Caller {
            key_id: "key_1".into(),
            account_id: "acc_1".into(),
            account_path: "/acc_1/".into(),
            account_kind: AccountKind::Provider,
            role: "admin".into(),
            permissions: BuiltInRole::Admin.permissions(),
        }
    }

    fn now() -> i64 {
        chrono::Utc::now().timestamp()
    }

    #[test]
    fn round_trip() {
        let keys = JwtKeys::new("k1", SECRET, None, 900).expect("keys");
        let token = keys.issue(&caller(), now()).expect("issued");
        let back = keys.verify(&token).expect("valid");
        assert_eq!(back.account_path, "/acc_1/");
        assert_eq!(back.permissions, BuiltInRole::Admin.permissions());
    }

    #[test]
    fn rotation_old_kid_still_verifies() {
        let old = JwtKeys::new("k0", "old-secret-old-secret-old-secret!", None, 900).expect("old");
        let token = old.issue(&caller(), now()).expect("issued");
        let rotated = JwtKeys::new("k1", SECRET, Some("k0:old-secret-old-secret-old-secret!"), 900).expect("new");
        assert!(rotated.verify(&token).is_ok());
        let forgot = JwtKeys::new("k1", SECRET, None, 900).expect("new");
        assert_eq!(forgot.verify(&token).err(), Some(TokenError::UnknownKey));
    }

    #[test]
    fn expired_and_wrong_key_and_garbage() {
        let keys = JwtKeys::new("k1", SECRET, None, 900).expect("keys");
        let expired = keys.issue(&caller(), now() - 10_000).expect("issued");
        assert_eq!(keys.verify(&expired).err(), Some(TokenError::Expired));
        let other = JwtKeys::new("k1", "another-secret-another-secret-xx", None, 900).expect("keys");
        let forged = other.issue(&caller(), now()).expect("issued");
        assert_eq!(keys.verify(&forged).err(), Some(TokenError::Invalid));
        assert_eq!(keys.verify("garbage").err(), Some(TokenError::Malformed));
    }

    #[test]
    fn alg_none_is_refused() {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        let keys = JwtKeys::new("k1", SECRET, None, 900).expect("keys");
        let token = keys.issue(&caller(), now()).expect("issued");
        let payload = token.split('.').nth(1).expect("payload");
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT","kid":"k1"}"#);
        assert!(keys.verify(&format!("{header}.{payload}.")).is_err());
    }
}
