//! The `fraud_rules` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::fraud_rules;
use crate::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = fraud_rules, treat_none_as_null = true)]
pub struct FraudRuleRow {
    pub id: String,
    pub account_id: String,
    pub account_path: String,
    pub name: String,
    pub kind: String,
    pub score: i32,
    pub enabled: bool,
    /// JSON: what the kind looks for (amount, currency, count, hours, domains, days).
    pub terms: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::owned_table!(fraud_rules, FraudRuleRow, unscoped {
    /// The enabled rules of the accounts at `paths` (a customer's lineage), in id order.
    pub fn enabled_on(conn: &mut DbConn, paths: &[String]) -> QueryResult<Vec<FraudRuleRow>> {
        fraud_rules::table
            .filter(fraud_rules::account_path.eq_any(paths))
            .filter(fraud_rules::enabled.eq(true))
            .order(fraud_rules::id.asc())
            .select(FraudRuleRow::as_select())
            .load(conn)
    }
});

/// Deletes the rule where its version is still `expected`.
pub fn delete(conn: &mut DbConn, id: &str, expected: i64) -> QueryResult<bool> {
    let n = diesel::delete(fraud_rules::table.filter(fraud_rules::id.eq(id)).filter(fraud_rules::version.eq(expected)))
        .execute(conn)?;
    Ok(n == 1)
}

crate::versioned!(fraud_rules, FraudRuleRow, "fraud rule");
crate::owned!(FraudRuleRow);
