//! The `resource_types` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::resource_types;
use crate::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = resource_types, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct ResourceTypeRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub name: String,
    pub description: Option<String>,
    pub unit: String,
    pub metered: i32,
    pub gateway: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(resource_types, ResourceTypeRow);

crate::versioned!(resource_types, ResourceTypeRow, "resource type");
crate::owned!(ResourceTypeRow);
