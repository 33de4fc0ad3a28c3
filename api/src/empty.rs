//! The body of actions that take no fields.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// No fields: send no body, or `{}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmptyIn {}
