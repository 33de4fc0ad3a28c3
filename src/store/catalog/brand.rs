//! The `brands` and `plan_publications` tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::catalog::plan::PlanRow;
use crate::schema::{brands, plan_publications};
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = brands, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct BrandRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub name: String,
    pub host_name: String,
    pub default_language: String,
    /// JSON array of language tags.
    pub languages: String,
    pub currency: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(brands, BrandRow, unscoped {
    /// The brand answering at a host name, whoever owns it: host names are unique across
    /// all tenants.
    pub fn find_by_host(conn: &mut DbConn, host_name: &str) -> QueryResult<Option<BrandRow>> {
        brands::table.filter(brands::host_name.eq(host_name)).select(BrandRow::as_select()).first(conn).optional()
    }
});

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = plan_publications, treat_none_as_default_value = false)]
pub struct PublicationRow {
    pub brand_id: String,
    pub plan_id: String,
    pub account_path: String,
    pub display_name: String,
    pub description: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert_publication(conn: &mut DbConn, row: &PublicationRow) -> QueryResult<()> {
    diesel::insert_into(plan_publications::table).values(row).execute(conn).map(drop)
}

pub fn find_publication(conn: &mut DbConn, brand: &BrandRow, plan_id: &str) -> QueryResult<Option<PublicationRow>> {
    plan_publications::table
        .filter(plan_publications::brand_id.eq(&brand.id))
        .filter(plan_publications::plan_id.eq(plan_id))
        .select(PublicationRow::as_select())
        .first(conn)
        .optional()
}

pub fn delete_publication(conn: &mut DbConn, brand_id: &str, plan_id: &str) -> QueryResult<bool> {
    let n = diesel::delete(
        plan_publications::table
            .filter(plan_publications::brand_id.eq(brand_id))
            .filter(plan_publications::plan_id.eq(plan_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

pub fn publications(conn: &mut DbConn, brand: &BrandRow, page: &PageRequest) -> QueryResult<Vec<PublicationRow>> {
    let mut q = plan_publications::table
        .filter(plan_publications::brand_id.eq(&brand.id))
        .select(PublicationRow::as_select())
        .order(plan_publications::plan_id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(plan_publications::plan_id.gt(after.clone()));
    }
    q.load(conn)
}

/// Whether a brand of `account_id` publishes the plan.
pub fn published_by(conn: &mut DbConn, account_id: &str, plan: &PlanRow) -> QueryResult<bool> {
    let own_brands = brands::table.filter(brands::account_id.eq(account_id)).select(brands::id);
    Ok(plan_publications::table
        .filter(plan_publications::plan_id.eq(&plan.id))
        .filter(plan_publications::brand_id.eq_any(own_brands))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

crate::versioned!(brands, BrandRow, "brand");
crate::owned!(BrandRow);
