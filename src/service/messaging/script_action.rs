//! Script actions: an HTTP call to a provider's script for every matching event, signed
//! like a webhook. Each call is a task of kind `script.call`.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use stratum_api::messaging::script_action::{
    ScriptActionCreatedOut, ScriptActionIn, ScriptActionOut, ScriptActionPage, ScriptActionPatch,
};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::messaging::webhook::{retry_delay, snippet, takes};
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::Checks;
use crate::ids;
use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::messaging::webhook_endpoint::{check, check_event_types, new_secret};
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::platform::task::{Prepared, Verdict};
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::messaging::event::{self, EventRow};
use crate::store::messaging::script_action::{self as store, ScriptActionRow};
use crate::store::platform::task::{self, TaskRow};
use crate::store::{text_json, DbConn};

pub const SCRIPT_TASK: &str = "script.call";

pub fn to_out(row: &ScriptActionRow) -> ScriptActionOut {
    ScriptActionOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        url: row.url.clone(),
        description: row.description.clone(),
        event_types: row.event_types.split_whitespace().map(str::to_owned).collect(),
        enabled: row.enabled == 1,
        max_attempts: row.max_attempts,
        timeout_seconds: row.timeout_seconds,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    }
}

fn check_limits(c: &mut Checks, max_attempts: Option<i32>, timeout_seconds: Option<i32>) {
    if max_attempts.is_some_and(|n| !(1..=10).contains(&n)) {
        c.fail("max_attempts", "out_of_range", "must be between 1 and 10");
    }
    if timeout_seconds.is_some_and(|n| !(1..=30).contains(&n)) {
        c.fail("timeout_seconds", "out_of_range", "must be between 1 and 30");
    }
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<ScriptActionRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("script action"))
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: ScriptActionIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<ScriptActionCreatedOut>, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    let mut c = Checks::new();
    check(&mut c, cx, Some(&input.url), input.description.as_deref(), None);
    check_event_types(&mut c, &input.event_types, 0);
    check_limits(&mut c, input.max_attempts, input.timeout_seconds);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let account = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        let row = ScriptActionRow {
            id: ids::new_id(ids::SCRIPT_ACTION),
            account_id: account.id.clone(),
            account_path: account.path.clone(),
            url: input.url.clone(),
            description: input.description.clone(),
            event_types: input.event_types.join(" "),
            enabled: i32::from(input.enabled.unwrap_or(true)),
            max_attempts: input.max_attempts.unwrap_or(5),
            timeout_seconds: input.timeout_seconds.unwrap_or(10),
            secret: new_secret(),
            deleted_at: None,
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        Ok(ScriptActionCreatedOut { script_action: to_out(&row), secret: row.secret })
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<ScriptActionOut, ServiceError> {
    require(caller, Permission::WebhooksRead)?;
    cx.db.read(|conn| find(conn, caller, id).map(|r| to_out(&r)))
}

pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<ScriptActionPage, ServiceError> {
    require(caller, Permission::WebhooksRead)?;
    let rows = cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(ScriptActionPage { data: rows.iter().map(to_out).collect(), next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: ScriptActionPatch,
    if_match: Option<i64>,
) -> Result<ScriptActionOut, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    let mut c = Checks::new();
    check(&mut c, cx, patch.url.as_deref(), patch.description.as_ref().and_then(|d| d.as_deref()), None);
    if let Some(types) = &patch.event_types {
        check_event_types(&mut c, types, 0);
    }
    check_limits(&mut c, patch.max_attempts, patch.timeout_seconds);
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        if let Some(u) = patch.url {
            row.url = u;
        }
        if let Some(d) = patch.description {
            row.description = d;
        }
        if let Some(t) = patch.event_types {
            row.event_types = t.join(" ");
        }
        if let Some(e) = patch.enabled {
            row.enabled = i32::from(e);
        }
        if let Some(n) = patch.max_attempts {
            row.max_attempts = n;
        }
        if let Some(n) = patch.timeout_seconds {
            row.timeout_seconds = n;
        }
        crate::service::save(conn, now, &mut row)?;
        Ok(to_out(&row))
    })
}

/// Deletes the action: no new calls; calls under way finish. The row stays, marked,
/// because its tasks refer to it.
pub fn delete(cx: &Context, caller: &Caller, id: &str, if_match: Option<i64>) -> Result<(), ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        row.enabled = 0;
        row.deleted_at = Some(to_db(now));
        crate::service::save(conn, now, &mut row)?;
        Ok(())
    })
}

/// Plans the calls of one event: a task per enabled action whose subtree and filter take
/// it (and which existed when it happened). Returns how many.
pub(crate) fn plan(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actions: &[ScriptActionRow],
    e: &EventRow,
) -> Result<usize, ServiceError> {
    let mut n = 0;
    for a in actions.iter().filter(|a| {
        a.created_at <= e.occurred_at && takes(&a.account_path, &a.event_types, &e.account_path, &e.event_type)
    }) {
        let payload = json!({"script_action_id": a.id, "event_id": e.id});
        let owner = (a.account_id.as_str(), a.account_path.as_str());
        task::insert(
            conn,
            &TaskRow::queued(ids::new_id(ids::TASK), SCRIPT_TASK, owner, &payload, to_db(now), to_db(now)),
        )?;
        n += 1;
    }
    Ok(n)
}

/// A call ready to make.
#[derive(Debug, Clone)]
pub struct ScriptCall {
    pub url: String,
    pub msg_id: String,
    pub body: Vec<u8>,
    pub secret: String,
    pub timeout: std::time::Duration,
    pub max_attempts: i32,
}

/// The call of a claimed task; settled here (cancelled) when the action is gone or
/// disabled.
pub(crate) fn prepare(conn: &mut DbConn, t: &TaskRow) -> Result<Prepared<ScriptCall>, ServiceError> {
    let payload: serde_json::Value = text_json(&t.payload)?;
    let action = store::unscoped::find(conn, payload["script_action_id"].as_str().unwrap_or_default())?;
    let Some(a) = action.filter(|a| a.enabled == 1 && a.deleted_at.is_none()) else {
        let reason = Some("the script action is disabled or deleted".to_owned());
        return Ok(Prepared::Settled(Verdict::Cancelled { reason }));
    };
    let event_id = payload["event_id"].as_str().unwrap_or_default();
    let e =
        event::unscoped::find(conn, event_id)?.ok_or(ServiceError::Internal(format!("event {event_id} is gone")))?;
    let body = serde_json::to_vec(&crate::service::messaging::event::to_out(&e)?)
        .map_err(|x| ServiceError::Internal(x.to_string()))?;
    Ok(Prepared::Run(ScriptCall {
        url: a.url,
        msg_id: e.id,
        body,
        secret: a.secret,
        timeout: std::time::Duration::from_secs(u64::try_from(a.timeout_seconds).unwrap_or(10)),
        max_attempts: a.max_attempts,
    }))
}

/// What a call decides: done on 2xx, else a retry on the webhook schedule until the
/// action's attempts are spent.
pub(crate) fn verdict(
    now: DateTime<Utc>,
    t: &TaskRow,
    call: &ScriptCall,
    outcome: &AttemptOutcome,
    jitter: f64,
) -> Verdict {
    let (result, error) = match outcome {
        AttemptOutcome::Answered { status, body, latency_ms } => {
            let snippet = snippet(body);
            let ok = (200..300).contains(status);
            (
                json!({"status_code": status, "response": snippet, "latency_ms": latency_ms}),
                (!ok).then(|| format!("the script answered {status}")),
            )
        }
        AttemptOutcome::Failed { error, latency_ms } => {
            (json!({"status_code": null, "error": error, "latency_ms": latency_ms}), Some(error.clone()))
        }
    };
    let Some(why) = error else { return Verdict::Succeeded { result: Some(result) } };
    let delay = usize::try_from(t.attempts).ok().and_then(|a| retry_delay(a, jitter));
    match delay.filter(|_| t.attempts < call.max_attempts) {
        Some(d) => {
            let at = now + Duration::from_std(d).unwrap_or(Duration::seconds(5));
            Verdict::Retry { at, error: why, result: Some(result) }
        }
        None => Verdict::Dead { error: why, result: Some(result) },
    }
}
