//! Notification templates: what is sent for an event type, per language and account.

use serde_json::{json, Value};
use stratum_api::messaging::notification_template::{
    NotificationPreviewIn, NotificationPreviewOut, NotificationSchedule, NotificationTemplateIn,
    NotificationTemplateOut, NotificationTemplatePage, NotificationTemplatePatch,
};

use crate::auth::{Caller, Scope};
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::messaging::notification::{self as rules, Texts};
use crate::domain::messaging::webhook::valid_pattern;
use crate::domain::pagination::{paginate, PageRequest};
use crate::domain::validation::{trim_space, Checks};
use crate::events::CATALOG;
use crate::ids;
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::{check_version, require, Context, ServiceError};
use crate::store::identity::account::{self, AccountRow};
use crate::store::messaging::event::EventRow;
use crate::store::messaging::notification_template::{self as store, NotificationTemplateRow, TemplateFilter};
use crate::store::{json_text, text_json, DbConn};
use stratum_api::messaging::notification_template::NotificationTemplateListQuery;

pub fn to_out(row: &NotificationTemplateRow) -> Result<NotificationTemplateOut, ServiceError> {
    Ok(NotificationTemplateOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        event_type: row.event_type.clone(),
        language: row.language.clone(),
        subject: row.subject.clone(),
        body: row.body.clone(),
        html_body: row.html_body.clone(),
        from: row.sender.clone(),
        recipients: row.recipients.as_deref().map(text_json).transpose()?,
        schedule: schedule_of(row)?,
        enabled: row.enabled == 1,
        version: row.version,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

pub(crate) fn schedule_of(row: &NotificationTemplateRow) -> Result<Option<NotificationSchedule>, ServiceError> {
    Ok(row.schedule.as_deref().map(text_json).transpose()?)
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<NotificationTemplateRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("notification template"))
}

pub fn create(
    cx: &Context,
    caller: &Caller,
    input: NotificationTemplateIn,
    idem: Option<&Idempotency>,
) -> Result<Outcome<NotificationTemplateOut>, ServiceError> {
    require(caller, Permission::NotificationsWrite)?;
    let mut c = Checks::new();
    if !valid_pattern(&input.event_type, CATALOG.iter().map(|d| d.name)) {
        c.fail(
            "event_type",
            "unknown_event_type",
            format!("`{}` matches no event type of the catalog", input.event_type),
        );
    }
    rules::check_new(&mut c, &input);
    c.finish().map_err(ServiceError::Validation)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let owner = crate::service::identity::account::target_account(conn, caller, input.account_id.as_deref())?;
        let owner_scope = crate::service::narrowed(&caller.scope(), &owner.id, &owner.path)?;
        if store::find_key(conn, &owner_scope, &input.event_type, &input.language)?.is_some() {
            return Err(ServiceError::Conflict(format!(
                "account {} has a template for `{}` in `{}` already; change that one",
                owner.id, input.event_type, input.language
            )));
        }
        let row = NotificationTemplateRow {
            id: ids::new_id(ids::NOTIFICATION_TEMPLATE),
            account_id: owner.id.clone(),
            account_path: owner.path.clone(),
            event_type: input.event_type.clone(),
            language: input.language.clone(),
            subject: input.subject.clone(),
            body: input.body.clone(),
            html_body: input.html_body.clone(),
            sender: input.from.as_deref().map(|f| trim_space(f).to_owned()),
            recipients: input.recipients.as_ref().map(json_text),
            schedule: input.schedule.as_ref().map(json_text),
            enabled: i32::from(input.enabled.unwrap_or(true)),
            version: 1,
            created_at: to_db(now),
            updated_at: to_db(now),
        };
        store::insert(conn, &row)?;
        to_out(&row)
    })
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<NotificationTemplateOut, ServiceError> {
    require(caller, Permission::NotificationsRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &NotificationTemplateListQuery,
    page: &PageRequest,
) -> Result<NotificationTemplatePage, ServiceError> {
    let filter = &TemplateFilter { event_type: query.event_type.clone(), language: query.language.clone() };
    require(caller, Permission::NotificationsRead)?;
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(NotificationTemplatePage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

pub fn update(
    cx: &Context,
    caller: &Caller,
    id: &str,
    patch: NotificationTemplatePatch,
    if_match: Option<i64>,
) -> Result<NotificationTemplateOut, ServiceError> {
    require(caller, Permission::NotificationsWrite)?;
    let mut c = Checks::new();
    rules::check_patch(&mut c, &patch);
    c.finish().map_err(ServiceError::Validation)?;
    crate::service::write(cx, |conn, now| {
        let mut row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        if let Some(s) = patch.subject {
            row.subject = s;
        }
        if let Some(b) = patch.body {
            row.body = b;
        }
        if let Some(h) = patch.html_body {
            row.html_body = h;
        }
        if let Some(f) = patch.from {
            row.sender = f.map(|f| trim_space(&f).to_owned());
        }
        if let Some(r) = patch.recipients {
            row.recipients = r.as_ref().map(json_text);
        }
        if let Some(s) = patch.schedule {
            row.schedule = s.as_ref().map(json_text);
        }
        if let Some(e) = patch.enabled {
            row.enabled = i32::from(e);
        }
        crate::service::save(conn, now, &mut row)?;
        to_out(&row)
    })
}

/// Deletes a template. Notifications still scheduled with it fail when their time comes
/// ("the template was deleted"); the log keeps what was sent.
pub fn delete(cx: &Context, caller: &Caller, id: &str, if_match: Option<i64>) -> Result<(), ServiceError> {
    require(caller, Permission::NotificationsWrite)?;
    crate::service::write(cx, |conn, _| {
        let row = find(conn, caller, id)?;
        check_version(if_match, row.version)?;
        store::delete(conn, &row.id)?;
        Ok(())
    })
}

/// The account and its ancestors, nearest first, for workers (no caller's scope to read
/// through: an event's account is anyone's).
pub(crate) fn lineage(conn: &mut DbConn, account: &AccountRow) -> Result<Vec<AccountRow>, ServiceError> {
    let ids = crate::domain::identity::tree::lineage(&account.path);
    Ok(nearest_first(account::unscoped::find_many(conn, &ids)?))
}

/// The account a scope (with ancestors) is for and its ancestors, nearest first.
fn lineage_seen(conn: &mut DbConn, scope: &Scope) -> Result<Vec<AccountRow>, ServiceError> {
    Ok(nearest_first(account::on_lineage(conn, scope)?))
}

fn nearest_first(mut rows: Vec<AccountRow>) -> Vec<AccountRow> {
    rows.sort_by_key(|r| std::cmp::Reverse(r.path.len()));
    rows
}

/// The language the account's notifications use.
pub(crate) fn language_of(lineage: &[AccountRow], default: &str) -> String {
    rules::effective_language(lineage.iter().map(|a| a.language.as_deref()), default).to_owned()
}

/// What a template sees: the event, its data, the account it is about, and for a
/// scheduled send the date it is relative to.
pub(crate) fn context(
    event: &EventRow,
    account: &AccountRow,
    language: &str,
    schedule: Option<(&NotificationSchedule, chrono::DateTime<chrono::Utc>)>,
) -> Result<Value, ServiceError> {
    let event = serde_json::to_value(crate::service::messaging::event::to_out(event)?)
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    let mut ctx = json!({
        "data": event["data"].clone(),
        "event": event,
        "account": {
            "id": account.id,
            "name": account.name,
            "email": account.email,
            "kind": account.kind,
            "parent_id": account.parent_id,
            "language": language,
        },
    });
    if let Some((s, send_at)) = schedule {
        if let Ok(date) = rules::schedule_date(&ctx["data"], s) {
            let offset_days = rules::days_between(date, send_at);
            ctx["schedule"] = json!({"date": date, "date_field": s.date_field, "offset_days": offset_days});
            ctx["days_until"] = json!(rules::days_between(send_at, date));
        }
    }
    Ok(ctx)
}

/// Renders the template against a stored event of the caller's subtree, sending nothing.
pub fn preview(
    cx: &Context,
    caller: &Caller,
    id: &str,
    input: NotificationPreviewIn,
) -> Result<NotificationPreviewOut, ServiceError> {
    require(caller, Permission::NotificationsRead)?;
    require(caller, Permission::EventsRead)?;
    let now = cx.clock.now();
    cx.db.read(|conn| {
        let row = find(conn, caller, id)?;
        // The event is named in the body, so a missing one is a field error like every other
        // reference a body makes (the path's template is the 404).
        let event = crate::store::messaging::event::find_in_scope(conn, &caller.scope(), &input.event_id)?.ok_or_else(
            || {
                ServiceError::validation(
                    "event_id",
                    "unknown_event",
                    format!("no event {} in your scope", input.event_id),
                )
            },
        )?;
        let acc = account::find_in_scope(conn, &caller.scope(), &event.account_id)?
            .ok_or(ServiceError::NotFound("account"))?;
        let line = lineage_seen(conn, &crate::service::narrowed(&Scope::with_ancestors(caller), &acc.id, &acc.path)?)?;
        let lang = language_of(&line, &cx.settings.default_language);
        let schedule = schedule_of(&row)?;
        let ctx = context(&event, &acc, &lang, schedule.as_ref().map(|s| (s, now)))?;
        let texts = Texts { subject: &row.subject, body: &row.body, html_body: row.html_body.as_deref() };
        let r = rules::render(texts, &ctx).map_err(|why| {
            ServiceError::Validation(vec![stratum_api::FieldError {
                field: "event_id".into(),
                code: "render_failed".into(),
                message: why,
            }])
        })?;
        Ok(NotificationPreviewOut {
            recipients: recipients_of(&row, &acc)?,
            subject: r.subject,
            body: r.body,
            html_body: r.html_body,
        })
    })
}

/// Who receives a notification of this template about `account`.
pub(crate) fn recipients_of(row: &NotificationTemplateRow, account: &AccountRow) -> Result<Vec<String>, ServiceError> {
    Ok(match &row.recipients {
        Some(r) => text_json(r)?,
        None => account.email.iter().cloned().collect(),
    })
}
