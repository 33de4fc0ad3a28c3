//! The `service_templates` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::service_templates;
use crate::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = service_templates, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct ServiceTemplateRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub name: String,
    pub description: Option<String>,
    /// JSON `[TemplateResource]`.
    pub resources: String,
    /// JSON `[OrderParameter]`.
    pub parameters: String,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(service_templates, ServiceTemplateRow);

crate::versioned!(service_templates, ServiceTemplateRow, "service template");
crate::owned!(ServiceTemplateRow);
