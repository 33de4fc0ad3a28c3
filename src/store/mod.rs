//! Persistence: the diesel schema, the embedded migrations and one repository per table.
//! Every query that reads tenant data takes the caller's scope (a materialised path), so
//! tenancy is enforced here and not left to handlers.

pub mod account;
pub mod api_key;
pub mod db;
pub mod delivery;
pub mod event;
pub mod idempotency;
pub mod notification;
pub mod notification_template;
pub mod role;
pub mod schema;
pub mod script_action;
pub mod soap_nonce;
pub mod task;
pub mod user;
pub mod webhook_endpoint;

pub use db::{Db, DbConn, DbError};

use diesel::result::Error as DieselError;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The text stored for a wire enum (its serde name).
pub fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

/// The wire enum stored as text; a value the code does not know is a corrupt row.
pub fn text_enum<T: DeserializeOwned>(text: &str) -> Result<T, DieselError> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(text)).map_err(|e| DieselError::DeserializationError(Box::new(e)))
}

/// A JSON column.
pub fn json_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

pub fn text_json<T: DeserializeOwned>(text: &str) -> Result<T, DieselError> {
    serde_json::from_str(text).map_err(|e| DieselError::DeserializationError(Box::new(e)))
}

/// The half-open key range of the subtree at `scope`.
pub fn scope_range(scope: &str) -> (String, String) {
    (scope.to_owned(), crate::domain::tree::subtree_upper(scope))
}

/// Runs a multi-row insert on the backend at hand. diesel's `MultiConnection` cannot
/// express one (the backends render `DEFAULT` and batches differently), so the query is
/// handed to the backend's own connection.
pub fn batch_execute<Q>(conn: &mut DbConn, q: Q) -> diesel::QueryResult<usize>
where
    Q: diesel::query_dsl::methods::ExecuteDsl<diesel::PgConnection>
        + diesel::query_dsl::methods::ExecuteDsl<diesel::SqliteConnection>,
{
    use diesel::query_dsl::methods::ExecuteDsl;
    match conn {
        DbConn::Postgres(c) => <Q as ExecuteDsl<diesel::PgConnection>>::execute(q, c),
        DbConn::Sqlite(c) => <Q as ExecuteDsl<diesel::SqliteConnection>>::execute(q, c),
    }
}
