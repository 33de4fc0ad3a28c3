//! The `resource_types` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::resource_types;
use crate::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = resource_types, treat_none_as_null = true)]
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

pub fn find_many(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<ResourceTypeRow>> {
    resource_types::table.filter(resource_types::id.eq_any(ids)).select(ResourceTypeRow::as_select()).load(conn)
}

crate::versioned!(resource_types, ResourceTypeRow, "resource type");
crate::owned!(ResourceTypeRow);
