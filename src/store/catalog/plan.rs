//! The `plans` and `plan_grants` tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::identity::account::AccountRow;
use crate::schema::{plan_grants, plans};
use crate::scope::Scope;
use crate::DbConn;
use stratum_domain::pagination::PageRequest;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = plans, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct PlanRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub service_template_id: String,
    pub base_plan_id: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub currency: String,
    /// JSON `PlanSpec`: categories, periods, rates, upgrade paths.
    pub spec: String,
    pub available_from: Option<NaiveDateTime>,
    pub available_until: Option<NaiveDateTime>,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(plans, PlanRow, unscoped {
    /// The plans priced on a template, whoever owns them: a template's owner may not take
    /// away what another tenant's plan prices.
    pub fn on_template(conn: &mut DbConn, template_id: &str) -> QueryResult<Vec<PlanRow>> {
        plans::table.filter(plans::service_template_id.eq(template_id)).select(PlanRow::as_select()).load(conn)
    }
});

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = plan_grants, treat_none_as_default_value = false)]
pub struct PlanGrantRow {
    pub plan_id: String,
    pub account_id: String,
    pub account_path: String,
    pub granted_by: String,
    pub created_at: NaiveDateTime,
}

/// Whether `account_id` was given the plan.
pub fn granted(conn: &mut DbConn, plan: &PlanRow, account_id: &str) -> QueryResult<bool> {
    grant_exists(conn, &plan.id, account_id)
}

/// Whether `account_id` was given the plan `plan_id`: how a scope's reads see the plans given
/// to its account.
fn grant_exists(conn: &mut DbConn, plan_id: &str, account_id: &str) -> QueryResult<bool> {
    Ok(plan_grants::table
        .filter(plan_grants::plan_id.eq(plan_id))
        .filter(plan_grants::account_id.eq(account_id))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

pub fn insert_grant(conn: &mut DbConn, row: &PlanGrantRow) -> QueryResult<()> {
    diesel::insert_into(plan_grants::table).values(row).execute(conn).map(drop)
}

pub fn delete_grant(conn: &mut DbConn, plan_id: &str, account_id: &str) -> QueryResult<bool> {
    let n = diesel::delete(
        plan_grants::table.filter(plan_grants::plan_id.eq(plan_id)).filter(plan_grants::account_id.eq(account_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// The grants of a plan to accounts in the subtree at `scope`.
pub fn grants_of(
    conn: &mut DbConn,
    plan_id: &str,
    scope: &Scope,
    page: &PageRequest,
) -> QueryResult<Vec<PlanGrantRow>> {
    let (lo, hi) = scope.range();
    let mut q = plan_grants::table
        .filter(plan_grants::plan_id.eq(plan_id))
        .filter(plan_grants::account_path.ge(lo))
        .filter(plan_grants::account_path.lt(hi))
        .select(PlanGrantRow::as_select())
        .order(plan_grants::account_id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(plan_grants::account_id.gt(after.clone()));
    }
    q.load(conn)
}

/// Plans granted to `account_id`.
fn granted_ids(conn: &mut DbConn, account_id: &str) -> QueryResult<Vec<String>> {
    plan_grants::table.filter(plan_grants::account_id.eq(account_id)).select(plan_grants::plan_id).load(conn)
}

/// Plans a scope sees: those of its subtree, and those given to its account.
pub fn list_for(conn: &mut DbConn, scope: &Scope, page: &PageRequest) -> QueryResult<Vec<PlanRow>> {
    let given = granted_ids(conn, scope.account_id())?;
    list_visible_ids(conn, scope, &given, page)
}

/// The plan `id` if the scope sees it: of its subtree, or given to its account.
pub fn find_for(conn: &mut DbConn, scope: &Scope, id: &str) -> QueryResult<Option<PlanRow>> {
    match find_visible(conn, scope, id)? {
        Some(p) => Ok(Some(p)),
        None if grant_exists(conn, id, scope.account_id())? => unscoped::find(conn, id),
        None => Ok(None),
    }
}

fn list_visible_ids(conn: &mut DbConn, scope: &Scope, ids: &[String], page: &PageRequest) -> QueryResult<Vec<PlanRow>> {
    let (lo, hi) = scope.range();
    let mut q = plans::table
        .filter(plans::account_path.ge(lo).and(plans::account_path.lt(hi)).or(plans::id.eq_any(ids)))
        .select(PlanRow::as_select())
        .order(plans::id.asc())
        .limit(page.limit + 1)
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(plans::id.gt(after.clone()));
    }
    q.load(conn)
}

/// Whether `account` gave the plan on to one of its own resellers.
pub fn regranted_by(conn: &mut DbConn, plan: &PlanRow, account: &AccountRow) -> QueryResult<bool> {
    Ok(plan_grants::table
        .filter(plan_grants::plan_id.eq(&plan.id))
        .filter(plan_grants::granted_by.eq(&account.id))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

/// Whether `account` has plans built on `plan`.
pub fn derived_by(conn: &mut DbConn, plan: &PlanRow, account: &AccountRow) -> QueryResult<bool> {
    Ok(plans::table
        .filter(plans::base_plan_id.eq(&plan.id))
        .filter(plans::account_id.eq(&account.id))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

crate::versioned!(plans, PlanRow, "plan");
crate::owned!(PlanRow);
