//! The schema of a currency code (`EUR`): three capitals, as ISO 4217 codes are. Any
//! such code is accepted; its minor units (0, 2 or 3 decimals) come from the pricing rules.

use std::borrow::Cow;

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

/// An ISO 4217 currency code.
pub struct CurrencyCode;

impl utoipa::PartialSchema for CurrencyCode {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("An ISO 4217 currency code (`USD`, `EUR`, `JPY`)."))
            .pattern(Some("^[A-Z]{3}$"))
            .into()
    }
}

impl utoipa::ToSchema for CurrencyCode {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("CurrencyCode")
    }
}
