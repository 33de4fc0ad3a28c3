//! Configuration: the commented defaults in `config.default.toml`, then a TOML file, then
//! `STRATUM_*` environment variables. Validated once at start.

use std::fmt;
use std::path::Path;

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;

pub const DEFAULT_TOML: &str = include_str!("../config.default.toml");

/// A secret value: never printed, not even in debug output.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub listen: String,
    pub database_url: String,
    pub database_pool_size: u32,
    pub workers: usize,
    pub log_format: LogFormat,
    pub log_level: String,
    pub jwt_signing_kid: String,
    pub jwt_signing_secret: Option<Secret>,
    pub jwt_verification_keys: Option<Secret>,
    pub jwt_ttl_seconds: u64,
    pub bootstrap_api_key: Option<Secret>,
    pub max_body_bytes: usize,
    pub webhook_allow_private_urls: bool,
    pub webhook_concurrency: usize,
    pub action_concurrency: usize,
    pub smtp_url: Option<Secret>,
    pub mail_from: String,
    pub default_language: String,
}

/// Connections of a PostgreSQL pool beyond those of requests (see `pool_connections`):
/// the dispatcher, the webhook lane's claim loop and recorder, the actions lane's
/// recorder and its claim loops.
const BACKGROUND_CONNECTIONS: u32 = 4 + crate::tasks::ACTION_CLAIMERS_ON_POSTGRES as u32;

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(String);

impl Config {
    /// The connections requests may hold at once: `database_pool_size`, or 4 when it is 0.
    /// On SQLite more only wait for the one writer. On PostgreSQL (2 cores, bench/webhooks.py)
    /// 12 bought 4-7% more API throughput but let requests outrun the delivery of the events
    /// they raise, the lag p50 going from 14 ms to 165 ms and p99 from 57-74 ms to 1.4-1.9 s.
    pub fn request_connections(&self) -> u32 {
        match self.database_pool_size {
            0 => 4,
            n => n,
        }
    }

    /// The pool's size: the requests' connections, and on PostgreSQL those kept for the
    /// background loops (the dispatcher, and per lane its claim loops and a recorder). On
    /// SQLite requests run on the HTTP workers themselves and writes take turns anyway.
    pub fn pool_connections(&self) -> u32 {
        match crate::store::Backend::of_url(&self.database_url) {
            crate::store::Backend::Sqlite => self.request_connections(),
            crate::store::Backend::Postgres => self.request_connections() + BACKGROUND_CONNECTIONS,
        }
    }

    /// Loads defaults, then `file` (or `./stratum.toml` when present), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        match file {
            Some(f) => {
                if !f.exists() {
                    return Err(ConfigError(format!("{} does not exist", f.display())));
                }
                figment = figment.merge(Toml::file(f));
            }
            None => figment = figment.merge(Toml::file("stratum.toml")),
        }
        // Only the variables that name a key of ours: STRATUM_TEST_* and the like belong
        // to other tools.
        let keys = known_keys();
        figment =
            figment.merge(Env::prefixed("STRATUM_").filter(move |k| keys.iter().any(|known| k == known.as_str())));
        let config: Config = figment.extract().map_err(|e| ConfigError(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if let Some(s) = &self.jwt_signing_secret {
            if s.expose().len() < 32 {
                return Err(ConfigError("jwt_signing_secret must have at least 32 characters".into()));
            }
        }
        if self.jwt_signing_kid.is_empty() || self.jwt_signing_kid.len() > 64 {
            return Err(ConfigError("jwt_signing_kid must have 1 to 64 characters".into()));
        }
        if !(60..=86_400).contains(&self.jwt_ttl_seconds) {
            return Err(ConfigError("jwt_ttl_seconds must be between 60 and 86400".into()));
        }
        if self.database_pool_size > 256 {
            return Err(ConfigError("database_pool_size must be between 0 (sized for the database) and 256".into()));
        }
        if self.webhook_concurrency > 1024 {
            return Err(ConfigError("webhook_concurrency must be between 0 and 1024".into()));
        }
        if self.action_concurrency > 256 {
            return Err(ConfigError("action_concurrency must be between 0 and 256".into()));
        }
        if !crate::domain::messaging::notification::is_mailbox(&self.mail_from) {
            return Err(ConfigError("mail_from must be an address (Name <name@example.com>)".into()));
        }
        if !crate::domain::validation::is_language(&self.default_language) {
            return Err(ConfigError("default_language must be a language tag (en, de, pt-BR)".into()));
        }
        if let Some(url) = &self.smtp_url {
            let u = url.expose();
            if !(u.starts_with("smtp://") || u.starts_with("smtps://")) {
                return Err(ConfigError("smtp_url must start with smtp:// or smtps://".into()));
            }
        }
        if self.max_body_bytes < 1024 {
            return Err(ConfigError("max_body_bytes must be at least 1024".into()));
        }
        Ok(())
    }
}

/// The keys of the default file, which lists every key (some commented out).
fn known_keys() -> Vec<String> {
    DEFAULT_TOML
        .lines()
        .filter_map(|l| {
            let l = l.trim_start_matches("# ");
            let (key, _) = l.split_once(" = ")?;
            key.chars().all(|c| c.is_ascii_lowercase() || c == '_').then(|| key.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_list_every_field() {
        let config: Config = Figment::from(Toml::string(DEFAULT_TOML)).extract().expect("defaults parse");
        assert_eq!(config.listen, "127.0.0.1:8080");
        assert_eq!(config.database_url, "stratum.db");
        let keys = known_keys();
        for key in ["jwt_signing_secret", "jwt_verification_keys", "bootstrap_api_key", "listen", "smtp_url"] {
            assert!(keys.iter().any(|k| k == key), "{key} undocumented");
        }
        assert_eq!(keys.len(), 18);
    }

    #[test]
    fn secrets_do_not_print() {
        assert_eq!(format!("{:?}", Secret::new("hunter2")), "Secret(***)");
    }
}
