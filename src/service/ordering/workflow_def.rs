//! Workflows as data (`/api/v1/workflows`): per account of the seller's side (the provider
//! or a reseller) and order type, at most one active; validated on save. A new order runs
//! the active workflow of its customer's nearest ancestor that has one, else the built-in
//! default, and keeps a copy of it.

use stratum_api::ordering::order::OrderType;
use stratum_api::ordering::workflow::{
    WorkflowIn, WorkflowListQuery, WorkflowOut, WorkflowPage, WorkflowPatch, WorkflowStatus, WorkflowStep,
};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::identity::tree;
use crate::domain::ordering::workflow::{self, Workflow};
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::ordering::order::OrderRow;
use crate::store::ordering::workflow::{self as store, WorkflowFilter, WorkflowRow};
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};

const NAME_MAX: usize = 200;

fn definition(name: &str, start: &str, steps: &[WorkflowStep]) -> Result<Workflow, ServiceError> {
    let steps = serde_json::to_value(steps).map_err(|e| ServiceError::Internal(format!("workflow steps: {e}")))?;
    let steps = serde_json::from_value(steps).map_err(|e| ServiceError::Internal(format!("workflow steps: {e}")))?;
    Ok(Workflow { name: name.to_owned(), start: start.to_owned(), steps })
}

/// The validator's refusals as field errors (`steps[2].on.flagged`, `start`, ...).
fn check(c: &mut Checks, wf: &Workflow) {
    if wf.steps.len() > 100 {
        c.fail("steps", "invalid_length", "at most 100 steps");
    }
    for (field, code, message) in workflow::validate(wf) {
        c.fail(&field, code, message);
    }
}

pub fn to_out(row: &WorkflowRow) -> Result<WorkflowOut, ServiceError> {
    let wf: Workflow = text_json(&row.definition)?;
    let steps = serde_json::to_value(&wf.steps).map_err(|e| ServiceError::Internal(format!("workflow steps: {e}")))?;
    Ok(WorkflowOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        order_type: text_enum(&row.order_type)?,
        name: row.name.clone(),
        status: text_enum(&row.status)?,
        start: wf.start,
        steps: serde_json::from_value(steps).map_err(|e| ServiceError::Internal(format!("stored steps: {e}")))?,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<WorkflowRow, ServiceError> {
    store::find_visible(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("workflow"))
}

fn one_active(conn: &mut DbConn, account_id: &str, order_type: &str, except: &str) -> Result<(), ServiceError> {
    if let Some(other) = store::unscoped::active_of(conn, account_id, order_type)?.filter(|r| r.id != except) {
        return Err(ServiceError::Conflict(format!(
            "{account_id} has the active {order_type} workflow {} already; archive it first",
            other.id
        )));
    }
    Ok(())
}

/// Creates the active workflow of an account of the caller's subtree that sells (the
/// provider or a reseller) for an order type; one that has one already: 409.
pub fn create(
    cx: &Context,
    caller: &Caller,
    input: WorkflowIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<WorkflowOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let name = trim_space(&input.name).to_owned();
    let wf = definition(&name, &input.start, &input.steps)?;
    let mut c = Checks::new();
    c.text("name", &input.name, NAME_MAX);
    check(&mut c, &wf);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::selling_account(
            conn,
            caller,
            input.account_id.as_deref(),
            "workflows belong to the provider or a reseller; a customer's orders run its seller's",
        )?;
        let order_type = enum_text(&input.order_type);
        one_active(conn, &owner.id, &order_type, "")?;
        let row = WorkflowRow {
            id: ids::new_id(ids::WORKFLOW),
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            order_type,
            name: name.clone(),
            status: enum_text(&WorkflowStatus::Active),
            definition: json_text(&wf),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        to_out(&row)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<WorkflowOut, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

/// The workflows of the caller's subtree, filtered.
pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &WorkflowListQuery,
    page: &PageRequest,
) -> Result<WorkflowPage, ServiceError> {
    require(caller, Permission::OrdersRead)?;
    let filter = WorkflowFilter {
        account_id: query.account_id.clone(),
        order_type: query.order_type.as_ref().map(enum_text),
        status: query.status.as_ref().map(enum_text),
    };
    let rows =
        cx.db.read(|conn| store::list_filtered(conn, &caller.scope(), &filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(WorkflowPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

/// Changes a workflow's name, start or steps (validated whole); orders placed before keep
/// their copy. An archived workflow is not changed.
pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: WorkflowPatch,
    if_match: Option<i64>,
) -> Result<WorkflowOut, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    let mut c = Checks::new();
    if let Some(n) = &patch.name {
        c.text("name", n, NAME_MAX);
    }
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        if text_enum::<WorkflowStatus>(&row.status)? == WorkflowStatus::Archived {
            return Err(ServiceError::InvalidStateTransition("an archived workflow is not changed".into()));
        }
        let old: Workflow = text_json(&row.definition)?;
        let name = patch.name.as_deref().map(|n| trim_space(n).to_owned()).unwrap_or_else(|| row.name.clone());
        let start = patch.start.clone().unwrap_or(old.start.clone());
        let wf = match &patch.steps {
            Some(steps) => definition(&name, &start, steps)?,
            None => Workflow { name: name.clone(), start, steps: old.steps },
        };
        let mut c = Checks::new();
        check(&mut c, &wf);
        c.finish().map_err(ServiceError::Validation)?;
        row.name = name;
        row.definition = json_text(&wf);
        crate::service::save(conn, now, &mut row)?;
        to_out(&row)
    })
}

/// Archives a workflow: it runs no new order (the next ancestor's, or the default, does);
/// orders placed on it keep their copy. Archiving an archived workflow changes nothing.
pub fn archive(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<WorkflowOut>, ServiceError> {
    require(caller, Permission::OrdersWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = find(conn, caller, id)?;
        if text_enum::<WorkflowStatus>(&row.status)? == WorkflowStatus::Active {
            row.status = enum_text(&WorkflowStatus::Archived);
            crate::service::save(conn, now, &mut row)?;
        }
        to_out(&row)
    })
}

/// The workflow a new order runs: the active one of its customer's nearest ancestor that
/// has one for the order's type (with its id), else the built-in default (no id).
pub(crate) fn for_new_order(conn: &mut DbConn, order: &OrderRow) -> Result<(Option<String>, Workflow), ServiceError> {
    let rows = store::unscoped::active_on(conn, &tree::ancestor_paths(&order.account_path), &order.order_type)?;
    match rows.into_iter().max_by_key(|r| r.account_path.len()) {
        Some(r) => Ok((Some(r.id.clone()), text_json(&r.definition)?)),
        None => {
            let _: OrderType = text_enum(&order.order_type)?;
            Ok((None, workflow::default_sales()))
        }
    }
}
