//! Fraud rules (`/api/v1/fraud-rules`), per account of the seller's side and inherited down
//! the tree, and the screening of an order by the rules of its customer's lineage.

use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use stratum_api::ordering::fraud_rule::{FraudRuleIn, FraudRuleKind, FraudRuleOut, FraudRulePage, FraudRulePatch};
use stratum_api::ordering::order::FraudReason;

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::identity::tree;
use crate::domain::ordering::fraud::{self, Check, Rule, ScreenFacts};
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::ids;
use crate::service::identity::account::address_country;
use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::messaging::script_action::ScriptCall;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::identity::account;
use crate::store::messaging::script_action as script_actions;
use crate::store::ordering::fraud_rule::{self as store, FraudRuleRow};
use crate::store::ordering::order::{self as orders, OrderRow};
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};

const NAME_MAX: usize = 200;

/// A rule's terms as stored (what its kind looks for).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Terms {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hours: Option<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    domains: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    script_action_id: Option<String>,
}

fn terms_of(check: &Check) -> Terms {
    let n = |v: i64| i32::try_from(v).ok();
    match check {
        Check::TotalAbove { amount, currency } => {
            Terms { amount: Some(amount.to_string()), currency: Some(currency.clone()), ..Terms::default() }
        }
        Check::OrderVelocity { count, hours } => Terms { count: n(*count), hours: n(*hours), ..Terms::default() },
        Check::EmailDomain { domains } => Terms { domains: domains.clone(), ..Terms::default() },
        Check::CustomerAge { days } => Terms { days: n(*days), ..Terms::default() },
        Check::IpCountryMismatch => Terms::default(),
        Check::External { script_action_id } => {
            Terms { script_action_id: Some(script_action_id.clone()), ..Terms::default() }
        }
    }
}

fn amount(t: &Terms) -> Result<Option<Decimal>, ServiceError> {
    t.amount
        .as_deref()
        .map(Decimal::from_str)
        .transpose()
        .map_err(|e| ServiceError::Internal(format!("a stored amount: {e}")))
}

fn rule_of(row: &FraudRuleRow) -> Result<Rule, ServiceError> {
    let t: Terms = text_json(&row.terms)?;
    let corrupt = || ServiceError::Internal(format!("fraud rule {} lacks its terms", row.id));
    let check = match text_enum::<FraudRuleKind>(&row.kind)? {
        FraudRuleKind::TotalAbove => Check::TotalAbove {
            amount: amount(&t)?.ok_or_else(corrupt)?,
            currency: t.currency.clone().ok_or_else(corrupt)?,
        },
        FraudRuleKind::OrderVelocity => Check::OrderVelocity {
            count: i64::from(t.count.ok_or_else(corrupt)?),
            hours: i64::from(t.hours.ok_or_else(corrupt)?),
        },
        FraudRuleKind::EmailDomain => Check::EmailDomain { domains: t.domains.clone() },
        FraudRuleKind::CustomerAge => Check::CustomerAge { days: i64::from(t.days.ok_or_else(corrupt)?) },
        FraudRuleKind::IpCountryMismatch => Check::IpCountryMismatch,
        FraudRuleKind::ExternalScreening => {
            Check::External { script_action_id: t.script_action_id.clone().ok_or_else(corrupt)? }
        }
    };
    Ok(Rule { id: row.id.clone(), name: row.name.clone(), score: i64::from(row.score), check })
}

pub fn to_out(row: &FraudRuleRow) -> Result<FraudRuleOut, ServiceError> {
    let t: Terms = text_json(&row.terms)?;
    Ok(FraudRuleOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        name: row.name.clone(),
        kind: text_enum(&row.kind)?,
        score: row.score,
        enabled: row.enabled,
        amount: amount(&t)?,
        currency: t.currency,
        count: t.count,
        hours: t.hours,
        domains: t.domains,
        days: t.days,
        script_action_id: t.script_action_id,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<FraudRuleRow, ServiceError> {
    store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("fraud rule"))
}

/// Creates a rule for an account of the caller's subtree that sells (the provider or a
/// reseller); it screens the orders of that account's whole subtree.
pub fn create(
    cx: &Context,
    caller: &Caller,
    input: FraudRuleIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<FraudRuleOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let mut c = Checks::new();
    c.text("name", &input.name, NAME_MAX);
    let check = fraud::check_of(&mut c, &input);
    c.finish().map_err(ServiceError::Validation)?;
    let check = check.ok_or_else(|| ServiceError::Internal("a checked rule without its terms".into()))?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::selling_account(
            conn,
            caller,
            input.account_id.as_deref(),
            "fraud rules belong to the provider or a reseller; a customer screens no orders",
        )?;
        if let Check::External { script_action_id } = &check {
            // The service is called with the action's secret: it must be the owner's own.
            let action = script_actions::unscoped::find(conn, script_action_id)?;
            if !action.is_some_and(|a| a.account_id == owner.id && a.deleted_at.is_none()) {
                return Err(ServiceError::validation(
                    "script_action_id",
                    "unknown_script_action",
                    "not a script action of the rule's account",
                ));
            }
        }
        let row = FraudRuleRow {
            id: ids::new_id(ids::FRAUD_RULE),
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            name: trim_space(&input.name).to_owned(),
            kind: enum_text(&input.kind),
            score: input.score,
            enabled: input.enabled,
            terms: json_text(&terms_of(&check)),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        to_out(&row)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<FraudRuleOut, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

/// The rules of the caller's subtree.
pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<FraudRulePage, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    let rows = cx.db.read(|conn| store::list_visible(conn, &caller.scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(FraudRulePage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: FraudRulePatch,
    if_match: Option<i64>,
) -> Result<FraudRuleOut, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let mut c = Checks::new();
    if let Some(n) = &patch.name {
        c.text("name", n, NAME_MAX);
    }
    if patch.score.is_some_and(|s| !(1..=1000).contains(&s)) {
        c.fail("score", "out_of_range", "1 to 1000");
    }
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        if let Some(n) = patch.name {
            row.name = trim_space(&n).to_owned();
        }
        if let Some(s) = patch.score {
            row.score = s;
        }
        if let Some(e) = patch.enabled {
            row.enabled = e;
        }
        crate::service::save(conn, now, &mut row)?;
        to_out(&row)
    })
}

pub fn delete(cx: &Context, caller: &Caller, id: &str, if_match: Option<i64>) -> Result<(), ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    crate::service::write(cx, |conn, _now| {
        let row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        if !store::delete(conn, &row.id, row.version)? {
            return Err(crate::service::missed::<FraudRuleRow>(conn, &row.id));
        }
        Ok(())
    })
}

/// What an order's screening scores with: the enabled rules of its customer's lineage (the
/// customer's own account has none: rules belong to sellers), and the answers of their
/// screening services (rule id and the call's outcome; `None`: no call was made).
pub(crate) struct Screening {
    pub rules: Vec<Rule>,
    pub answers: Vec<(String, Option<AttemptOutcome>)>,
}

/// The screening of `order` with its rules as stored now and no answers yet.
pub(crate) fn screening_of(conn: &mut DbConn, order: &OrderRow) -> Result<Screening, ServiceError> {
    let rules = store::unscoped::enabled_on(conn, &tree::ancestor_paths(&order.account_path))?
        .iter()
        .map(rule_of)
        .collect::<Result<_, _>>()?;
    Ok(Screening { rules, answers: Vec::new() })
}

/// A screening service's call for one `external_screening` rule: the signed call of its
/// script action, or none when the action is disabled or gone (the rule's own score then).
#[derive(Debug, Clone)]
pub struct ExternalCall {
    pub rule_id: String,
    pub call: Option<ScriptCall>,
}

/// The calls an order's screening waits for, one per enabled `external_screening` rule of
/// its lineage. Each carries the order and its customer; the `webhook-id` is the order's
/// and the rule's, so that the service can tell a repeated call (after a crash) apart.
pub(crate) fn external_calls(
    conn: &mut DbConn,
    order: &OrderRow,
    rules: &[Rule],
) -> Result<Vec<ExternalCall>, ServiceError> {
    let mut calls = Vec::new();
    let mut body = None;
    for r in rules {
        let Check::External { script_action_id } = &r.check else { continue };
        let action = script_actions::unscoped::find(conn, script_action_id)?
            .filter(|a| a.enabled == 1 && a.deleted_at.is_none());
        let Some(a) = action else {
            calls.push(ExternalCall { rule_id: r.id.clone(), call: None });
            continue;
        };
        if body.is_none() {
            body = Some(screening_body(conn, order)?);
        }
        let mut message = body.clone().unwrap_or_default();
        message["rule_id"] = serde_json::json!(r.id);
        calls.push(ExternalCall {
            rule_id: r.id.clone(),
            call: Some(ScriptCall {
                url: a.url,
                msg_id: format!("{}_{}", order.id, r.id),
                body: serde_json::to_vec(&message).map_err(|e| ServiceError::Internal(e.to_string()))?,
                secret: a.secret,
                timeout: std::time::Duration::from_secs(u64::try_from(a.timeout_seconds).unwrap_or(10)),
                max_attempts: 1,
            }),
        });
    }
    Ok(calls)
}

/// What a screening service is sent: the order as the API shows it and what screening
/// knows of the customer.
fn screening_body(conn: &mut DbConn, order: &OrderRow) -> Result<serde_json::Value, ServiceError> {
    let customer = account::unscoped::find(conn, &order.account_id)?.ok_or(ServiceError::NotFound("account"))?;
    Ok(serde_json::json!({
        "type": "order.screening",
        "order": super::order::to_out(order)?,
        "customer": {
            "id": customer.id,
            "email": customer.email,
            "country": address_country(&customer),
            "created_at": from_db(customer.created_at),
        },
    }))
}

/// Screens an order: its score and the reasons. An external rule without an answer adds
/// its own score.
pub(crate) fn screen(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    order: &OrderRow,
    screening: &Screening,
) -> Result<(i64, Vec<FraudReason>), ServiceError> {
    let rules = &screening.rules;
    if rules.is_empty() {
        return Ok((0, Vec::new()));
    }
    let customer = account::unscoped::find(conn, &order.account_id)?.ok_or(ServiceError::NotFound("account"))?;
    let mut orders_within = Vec::new();
    for r in rules {
        if let Check::OrderVelocity { hours, .. } = r.check {
            let since = to_db(now - Duration::hours(hours));
            orders_within.push((hours, orders::unscoped::count_since(conn, &order.account_id, since)?));
        }
    }
    let facts = ScreenFacts {
        total: Decimal::from_str(&order.total).map_err(|e| ServiceError::Internal(format!("a stored total: {e}")))?,
        currency: order.currency.clone(),
        orders_within,
        email: customer.email.clone(),
        customer_age_days: (to_db(now) - customer.created_at).num_days(),
        customer_country: address_country(&customer),
        ip_country: order.ip_country.clone(),
    };
    let (_, mut hits) = fraud::screen(rules, &facts);
    for r in rules {
        if !matches!(r.check, Check::External { .. }) {
            continue;
        }
        let answer = screening.answers.iter().find(|(id, _)| *id == r.id).and_then(|(_, o)| o.as_ref());
        let answer = match answer {
            Some(AttemptOutcome::Answered { status, body, .. }) => Ok((*status, body.as_str())),
            Some(AttemptOutcome::Failed { error, .. }) => Err(error.as_str()),
            None => Err("its script action is disabled or deleted"),
        };
        hits.extend(fraud::external_hit(&r.id, r.score, answer));
    }
    // In the rules' order, external ones among them.
    hits.sort_by_key(|h| rules.iter().position(|r| r.id == h.rule_id));
    let score = hits.iter().map(|h| h.score).sum();
    Ok((
        score,
        hits.into_iter().map(|h| FraudReason { rule_id: h.rule_id, score: h.score, reason: h.reason }).collect(),
    ))
}
