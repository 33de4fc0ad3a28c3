//! Webhook endpoints: where the events of an account's subtree are delivered.

use chrono::Duration;
use rand::RngCore;
use stratum_api::messaging::webhook_endpoint::{
    WebhookEndpointCreatedOut, WebhookEndpointIn, WebhookEndpointOut, WebhookEndpointPage, WebhookEndpointPatch,
    WebhookSecretOut, WebhookSecretRotateIn, WebhookTestOut,
};

use crate::auth::Caller;
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::messaging::webhook::{self as rules, UrlProblem};
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::Checks;
use crate::events::{EventType, CATALOG};
use crate::ids;
use crate::service::messaging::dispatch::AttemptOutcome;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::raise;
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::messaging::webhook_endpoint::{self as store, WebhookEndpointRow};
use crate::store::DbConn;

pub const MAX_OVERLAP_SECONDS: i64 = 7 * 24 * 3600;

pub fn to_out(row: &WebhookEndpointRow) -> WebhookEndpointOut {
    WebhookEndpointOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        url: row.url.clone(),
        description: row.description.clone(),
        event_types: row.event_types.split_whitespace().map(str::to_owned).collect(),
        enabled: row.enabled == 1,
        disabled_reason: row.disabled_reason.clone(),
        failing_since: row.failing_since.map(from_db),
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    }
}

pub(crate) fn new_secret() -> String {
    let mut bytes = [0u8; 24];
    rand::rng().fill_bytes(&mut bytes);
    rules::new_secret(bytes)
}

pub(crate) fn check(
    c: &mut Checks,
    cx: &Context,
    url: Option<&str>,
    description: Option<&str>,
    types: Option<&[String]>,
) {
    if let Some(u) = url {
        match rules::check_url(u, cx.settings.allow_private_webhook_urls) {
            Ok(()) => {}
            Err(UrlProblem::NotHttp) => {
                c.fail("url", "invalid_format", "must be an http:// or https:// URL with a host")
            }
            Err(UrlProblem::Private) => c.fail("url", "not_allowed", "loopback and private addresses are not allowed"),
        }
    }
    c.optional_text("description", description, 500);
    if let Some(types) = types {
        check_event_types(c, types, 1);
    }
}

/// A subscriber's event types: `min` to 200 names or patterns of the catalog.
pub(crate) fn check_event_types(c: &mut Checks, types: &[String], min: usize) {
    if types.len() < min || types.len() > 200 {
        c.fail("event_types", "invalid_length", format!("must list {min} to 200 event types or patterns"));
    }
    for t in types {
        if !rules::valid_pattern(t, CATALOG.iter().map(|d| d.name)) {
            c.fail("event_types", "unknown_event_type", format!("`{t}` matches no event type of the catalog"));
        }
    }
}
pub fn create(
    cx: &Context,
    caller: &Caller,
    input: WebhookEndpointIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<WebhookEndpointCreatedOut>, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    let mut c = Checks::new();
    check(&mut c, cx, Some(&input.url), input.description.as_deref(), Some(&input.event_types));
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let account = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        let row = WebhookEndpointRow {
            id: ids::new_id(ids::WEBHOOK_ENDPOINT),
            account_id: account.id.clone(),
            account_path: account.path.clone(),
            url: input.url.clone(),
            description: input.description.clone(),
            event_types: input.event_types.join(" "),
            enabled: i32::from(input.enabled.unwrap_or(true)),
            secret: new_secret(),
            previous_secret: None,
            previous_secret_until: None,
            failing_since: None,
            disabled_reason: None,
            deleted_at: None,
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        Ok(WebhookEndpointCreatedOut { endpoint: to_out(&row), secret: row.secret })
    })
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<WebhookEndpointRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("webhook endpoint"))
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<WebhookEndpointOut, ServiceError> {
    require(caller, Permission::WebhooksRead)?;
    cx.db.read(|conn| find(conn, caller, id).map(|r| to_out(&r)))
}

pub fn list(cx: &Context, caller: &Caller, page: &PageRequest) -> Result<WebhookEndpointPage, ServiceError> {
    require(caller, Permission::WebhooksRead)?;
    let rows = cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(WebhookEndpointPage { data: rows.iter().map(to_out).collect(), next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: WebhookEndpointPatch,
    if_match: Option<i64>,
) -> Result<WebhookEndpointOut, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    let mut c = Checks::new();
    check(
        &mut c,
        cx,
        patch.url.as_deref(),
        patch.description.as_ref().and_then(|d| d.as_deref()),
        patch.event_types.as_deref(),
    );
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        let was_enabled = row.enabled == 1;
        if let Some(u) = &patch.url {
            row.url = u.clone();
        }
        if let Some(d) = &patch.description {
            row.description = d.clone();
        }
        if let Some(t) = &patch.event_types {
            row.event_types = t.join(" ");
        }
        if let Some(e) = patch.enabled {
            row.enabled = i32::from(e);
            if e && !was_enabled {
                row.failing_since = None;
                row.disabled_reason = None;
            }
        }
        crate::service::save(conn, now, &mut row)?;
        if row.enabled == 1 && !was_enabled {
            raise(conn, now, EventType::WebhookEndpointRecovered, &row, &to_out(&row), None)?;
        }
        Ok(to_out(&row))
    })
}

/// Deletes the endpoint: it receives nothing more and disappears from the API; the row
/// stays, marked, because its deliveries refer to it.
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

pub fn rotate_secret(
    cx: &Context,
    caller: &Caller,
    id: &str,
    input: WebhookSecretRotateIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<WebhookSecretOut>, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    let overlap = input.overlap_seconds.unwrap_or(86_400);
    if !(0..=MAX_OVERLAP_SECONDS).contains(&overlap) {
        return Err(ServiceError::validation("overlap_seconds", "out_of_range", "must be between 0 and 604800"));
    }
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = find(conn, caller, id)?;
        let until = (overlap > 0).then(|| now + Duration::seconds(overlap));
        row.previous_secret = until.map(|_| row.secret.clone());
        row.previous_secret_until = until.map(to_db);
        row.secret = new_secret();
        crate::service::save(conn, now, &mut row)?;
        Ok(WebhookSecretOut { secret: row.secret, previous_secret_expires_at: until })
    })
}

/// A signed example message for an endpoint: the shape of a real event of `event_type`,
/// with a test id and no object behind it.
pub struct TestMessage {
    pub url: String,
    pub secrets: Vec<String>,
    pub message_id: String,
    pub body: Vec<u8>,
}

pub fn test_message(
    cx: &Context,
    caller: &Caller,
    id: &str,
    event_type: Option<&str>,
) -> Result<TestMessage, ServiceError> {
    require(caller, Permission::WebhooksWrite)?;
    let name = event_type.unwrap_or("account.updated");
    let def = EventType::from_name(name).map(EventType::def).ok_or_else(|| {
        ServiceError::validation("event_type", "unknown_event_type", format!("`{name}` is not in the event catalog"))
    })?;
    let now = cx.clock.now();
    let row = cx.db.read(|conn| find(conn, caller, id))?;
    if !row.event_types.split_whitespace().any(|p| rules::type_matches(p, name)) {
        return Err(ServiceError::validation(
            "event_type",
            "not_subscribed",
            format!("the endpoint does not take `{name}`"),
        ));
    }
    let message_id = format!("evt_test_{}", ulid::Ulid::new());
    let body = serde_json::json!({
        "id": message_id,
        "type": def.name,
        "domain": def.domain.as_str(),
        "occurred_at": now,
        "account_id": row.account_id,
        "object": {"kind": def.object, "id": "test"},
        "sequence": 0,
        "data": {"test": true, "description": def.description},
        "previous": null,
    });
    Ok(TestMessage {
        url: row.url.clone(),
        secrets: crate::service::messaging::dispatch::secrets_of(&row, now),
        message_id,
        body: serde_json::to_vec(&body).map_err(|e| ServiceError::Internal(e.to_string()))?,
    })
}

/// What the endpoint answered to a test message, as the API reports it (nothing is
/// recorded: the message is no event of the log).
pub fn test_result(message_id: String, answer: AttemptOutcome) -> WebhookTestOut {
    match answer {
        AttemptOutcome::Answered { status, body, latency_ms } => WebhookTestOut {
            message_id,
            status_code: Some(i32::from(status)),
            latency_ms,
            response: Some(rules::snippet(&body)),
            error: None,
            succeeded: (200..300).contains(&status),
        },
        AttemptOutcome::Failed { error, latency_ms } => WebhookTestOut {
            message_id,
            status_code: None,
            latency_ms,
            response: None,
            error: Some(error),
            succeeded: false,
        },
    }
}
