//! The schema of a permission name (`accounts.read`). The names are the server's
//! permission table (`domain::identity::permission`), which the server writes into this
//! schema's `enum` when it builds the contract; here it is a string of the names' shape.

use std::borrow::Cow;

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

/// A permission, as listed by `PermissionList`.
pub struct PermissionName;

impl utoipa::PartialSchema for PermissionName {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("A permission, as listed by `PermissionList` (`accounts.read`)."))
            .pattern(Some(r"^[a-z_]+\.[a-z_]+$"))
            .into()
    }
}

impl utoipa::ToSchema for PermissionName {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("PermissionName")
    }
}
