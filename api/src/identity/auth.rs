//! The exchange of an API key for a short-lived access token.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Exchange an API key for an access token: `api_key`, or the OAuth2 client-credentials
/// fields (`grant_type` `client_credentials` and the key as `client_secret`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenIn {
    #[serde(default)]
    pub api_key: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<GrantType>)]
    pub grant_type: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    #[serde(default)]
    pub client_secret: Option<String>,
}

/// The OAuth2 grant the token endpoint supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantType {
    ClientCredentials,
}

/// The OAuth2 client-credentials form (`application/x-www-form-urlencoded`), the API key
/// as `client_secret`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenForm {
    pub grant_type: GrantType,
    /// Ignored: the key identifies its holder.
    #[serde(default)]
    pub client_id: Option<String>,
    pub client_secret: String,
}

/// An access token, to send as `Authorization: Bearer <access_token>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TokenOut {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: u64,
}
