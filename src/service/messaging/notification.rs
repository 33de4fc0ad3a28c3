//! Notifications: planned when an event is fanned out, rendered and sent by the action
//! workers, and kept as a log.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use stratum_api::messaging::notification::{NotificationOut, NotificationPage, NotificationStatus};
use stratum_api::platform::task::TaskStatus;

use crate::auth::{Caller, Scope};
use crate::clock::{from_db, to_db};
use crate::domain::identity::permission::Permission;
use crate::domain::messaging::notification::{self as rules, Texts};
use crate::domain::messaging::webhook::retry_delay;
use crate::domain::pagination::{paginate, PageRequest};
use crate::ids;
use crate::service::messaging::notification_template::{context, language_of, lineage, recipients_of, schedule_of};
use crate::service::platform::idempotency::{self, Idempotency, Outcome};
use crate::service::platform::task::{Prepared, Verdict};
use crate::service::{require, Context, ServiceError};
use crate::store::identity::account::{self, AccountRow};
use crate::store::messaging::event::{self, EventRow};
use crate::store::messaging::notification::{self as store, NotificationFilter, NotificationRow};
use crate::store::messaging::notification_template::{self, NotificationTemplateRow};
use crate::store::platform::task::{self, TaskRow};
use crate::store::{enum_text, json_text, text_enum, text_json, DbConn};
use stratum_api::messaging::notification::NotificationListQuery;

pub const NOTIFICATION_TASK: &str = "notification.send";
/// Attempts before a notification is given up: the first and five retries on the webhook
/// schedule (5 s, 5 min, 30 min, 2 h, 5 h).
pub const MAX_ATTEMPTS: i32 = 6;

pub fn to_out(row: &NotificationRow) -> Result<NotificationOut, ServiceError> {
    Ok(NotificationOut {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        template_id: row.template_id.clone(),
        event_id: row.event_id.clone(),
        event_type: row.event_type.clone(),
        object_id: row.object_id.clone(),
        recipients: text_json(&row.recipients)?,
        language: row.language.clone(),
        subject: row.subject.clone(),
        body: row.body.clone(),
        html_body: row.html_body.clone(),
        status: text_enum(&row.status)?,
        send_at: from_db(row.send_at),
        sent_at: row.sent_at.map(from_db),
        attempts: row.attempts,
        error: row.error.clone(),
        task_id: row.task_id.clone(),
        created_at: from_db(row.created_at),
    })
}

fn find(conn: &mut DbConn, caller: &Caller, id: &str) -> Result<NotificationRow, ServiceError> {
    store::find_in_scope(conn, &caller.scope(), id)?.ok_or(ServiceError::NotFound("notification"))
}

pub fn get(cx: &Context, caller: &Caller, id: &str) -> Result<NotificationOut, ServiceError> {
    require(caller, Permission::NotificationsRead)?;
    cx.db.read(|conn| to_out(&find(conn, caller, id)?))
}

pub fn list(
    cx: &Context,
    caller: &Caller,
    query: &NotificationListQuery,
    page: &PageRequest,
) -> Result<NotificationPage, ServiceError> {
    let filter = &NotificationFilter {
        status: query.status.as_ref().map(enum_text),
        event_id: query.event_id.clone(),
        template_id: query.template_id.clone(),
    };
    require(caller, Permission::NotificationsRead)?;
    let rows =
        cx.db.read(|conn| store::list_in_scope(conn, &caller.scope(), filter, page).map_err(ServiceError::from))?;
    let (rows, next_cursor) = paginate(rows, page.limit, |r| &r.id);
    Ok(NotificationPage { data: rows.iter().map(to_out).collect::<Result<_, _>>()?, next_cursor })
}

/// Cancels a scheduled notification and its task.
pub fn cancel(
    cx: &Context,
    caller: &Caller,
    id: &str,
    idem: Option<&Idempotency>,
) -> Result<Outcome<NotificationOut>, ServiceError> {
    require(caller, Permission::NotificationsWrite)?;
    idempotency::write(cx, caller, idem, |conn, now| {
        let mut row = find(conn, caller, id)?;
        if row.status != enum_text(&NotificationStatus::Scheduled) {
            return Err(ServiceError::InvalidStateTransition(format!(
                "the notification is {}; only a scheduled one can be cancelled",
                row.status
            )));
        }
        // The task is of the notification's account, so the caller's scope sees it too.
        if let Some(mut t) = task::find_in_scope(conn, &caller.scope(), &row.task_id)? {
            if t.status == enum_text(&TaskStatus::Running) {
                return Err(ServiceError::Conflict("the notification is being sent right now".into()));
            }
            crate::service::platform::task::transition(
                conn,
                now,
                &mut t,
                TaskStatus::Cancelled,
                None,
                Some("cancelled over the API".into()),
            )?;
        }
        row.status = enum_text(&NotificationStatus::Cancelled);
        store::update(conn, &row)?;
        to_out(&row)
    })
}

/// Keeps a notification's status in step with its task when the task is retried or
/// cancelled over the tasks API; `scope` is the caller's (the notification is of the
/// task's account).
pub(crate) fn follow_task(conn: &mut DbConn, scope: &Scope, t: &TaskRow, next: TaskStatus) -> Result<(), ServiceError> {
    let id = text_json::<serde_json::Value>(&t.payload)?["notification_id"].as_str().unwrap_or_default().to_owned();
    if let Some(mut n) = store::find_in_scope(conn, scope, &id)? {
        let status =
            if next == TaskStatus::Queued { NotificationStatus::Scheduled } else { NotificationStatus::Cancelled };
        if n.status != enum_text(&NotificationStatus::Sent) {
            n.status = enum_text(&status);
            store::update(conn, &n)?;
        }
    }
    Ok(())
}

/// The account an event is about, with its language, looked up once per fan-out batch.
#[derive(Default)]
pub(crate) struct Audience {
    accounts: HashMap<String, Option<(AccountRow, String)>>,
}

impl Audience {
    fn get(
        &mut self,
        conn: &mut DbConn,
        account_id: &str,
        default_language: &str,
    ) -> Result<Option<(AccountRow, String)>, ServiceError> {
        if let Some(found) = self.accounts.get(account_id) {
            return Ok(found.clone());
        }
        let found = match account::unscoped::find(conn, account_id)? {
            Some(acc) => {
                let lang = language_of(&lineage(conn, &acc)?, default_language);
                Some((acc, lang))
            }
            None => None,
        };
        self.accounts.insert(account_id.to_owned(), found.clone());
        Ok(found)
    }
}

/// Plans the notifications of one event: the template that serves it (if any, and
/// enabled), one notification per send time, each with its task. A later event of the
/// same object matched by the same template cancels the ones still scheduled. Returns how
/// many tasks were created.
pub(crate) fn plan(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    templates: &[NotificationTemplateRow],
    audience: &mut Audience,
    default_language: &str,
    e: &EventRow,
) -> Result<usize, ServiceError> {
    let Some((acc, lang)) = audience.get(conn, &e.account_id, default_language)? else { return Ok(0) };
    let languages = [lang.as_str(), default_language];
    // A template serves the events that happen from its creation on, as an endpoint does.
    let current = templates.iter().filter(|t| t.created_at <= e.occurred_at);
    let Some(t) = rules::choose(current, &e.account_path, &e.event_type, &languages) else { return Ok(0) };
    if t.enabled == 0 {
        return Ok(0);
    }
    let schedule = schedule_of(t)?;
    let times = match &schedule {
        None => vec![now],
        Some(s) => {
            supersede(conn, now, &t.id, &e.object_id)?;
            let data: serde_json::Value = text_json(&e.data)?;
            match rules::send_times(&data, s, now) {
                Ok(times) => times.into_iter().map(|(at, _)| at).collect(),
                Err(why) => {
                    // Visible in the log rather than silently dropped.
                    insert(conn, now, t, &acc, e, now, Some(why))?;
                    return Ok(0);
                }
            }
        }
    };
    for at in &times {
        insert(conn, now, t, &acc, e, *at, None)?;
    }
    Ok(times.len())
}

fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &NotificationTemplateRow,
    acc: &AccountRow,
    e: &EventRow,
    send_at: DateTime<Utc>,
    failed: Option<String>,
) -> Result<(), ServiceError> {
    let id = ids::new_id(ids::NOTIFICATION);
    let status = if failed.is_some() { TaskStatus::Dead } else { TaskStatus::Queued };
    let payload = json!({"notification_id": id, "template_id": t.id, "event_id": e.id});
    let task = TaskRow {
        status: enum_text(&status),
        last_error: failed.clone(),
        ..TaskRow::queued(
            ids::new_id(ids::TASK),
            NOTIFICATION_TASK,
            (&acc.id, &acc.path),
            &payload,
            to_db(send_at),
            to_db(now),
        )
    };
    task::insert(conn, &task)?;
    let row = NotificationRow {
        id,
        account_id: acc.id.clone(),
        account_path: acc.path.clone(),
        template_id: t.id.clone(),
        event_id: e.id.clone(),
        event_type: e.event_type.clone(),
        object_id: e.object_id.clone(),
        recipients: json_text(&recipients_of(t, acc)?),
        language: t.language.clone(),
        subject: None,
        body: None,
        html_body: None,
        status: enum_text(&if failed.is_some() { NotificationStatus::Failed } else { NotificationStatus::Scheduled }),
        send_at: to_db(send_at),
        sent_at: None,
        attempts: 0,
        error: failed,
        task_id: task.id,
        created_at: to_db(now),
    };
    store::insert(conn, &row)?;
    Ok(())
}

/// Cancels what a template still has scheduled about an object (and their tasks).
fn supersede(conn: &mut DbConn, now: DateTime<Utc>, template_id: &str, object_id: &str) -> Result<(), ServiceError> {
    for mut n in store::unscoped::scheduled_for(conn, template_id, object_id)? {
        if let Some(mut t) = task::unscoped::find(conn, &n.task_id)? {
            if t.status == enum_text(&TaskStatus::Running) {
                continue; // being sent right now: let it finish
            }
            let why = "superseded by a later event of the same object".to_owned();
            crate::service::platform::task::transition(conn, now, &mut t, TaskStatus::Cancelled, None, Some(why))?;
        }
        n.status = enum_text(&NotificationStatus::Cancelled);
        store::update(conn, &n)?;
    }
    Ok(())
}

/// A rendered notification, ready to send.
#[derive(Debug, Clone)]
pub struct Email {
    pub notification_id: String,
    /// The template's sender, or none for the server's default.
    pub from: Option<String>,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    pub html_body: Option<String>,
    /// Stable per notification: the Message-ID, so that a retried send is recognisable.
    pub message_id: String,
}

/// Renders the notification of a claimed task; settled here when there is nothing to send
/// any more (cancelled, or failed for good).
pub(crate) fn prepare(conn: &mut DbConn, default_language: &str, t: &TaskRow) -> Result<Prepared<Email>, ServiceError> {
    let payload: serde_json::Value = text_json(&t.payload)?;
    let id = payload["notification_id"].as_str().unwrap_or_default().to_owned();
    let Some(mut n) = store::unscoped::find(conn, &id)? else {
        return Ok(Prepared::Settled(Verdict::Dead { error: "the notification is gone".into(), result: None }));
    };
    if n.status != enum_text(&NotificationStatus::Scheduled) {
        // Cancelled meanwhile: the task ends with it.
        return Ok(Prepared::Settled(Verdict::Cancelled { reason: None }));
    }
    n.attempts = t.attempts;
    let rendered = (|| -> Result<Result<(NotificationTemplateRow, rules::Rendered), String>, ServiceError> {
        let Some(tpl) = notification_template::unscoped::find(conn, &n.template_id)? else {
            return Ok(Err("the template was deleted".into()));
        };
        let e = event::unscoped::find(conn, &n.event_id)?
            .ok_or(ServiceError::Internal(format!("event {} is gone", n.event_id)))?;
        let Some(acc) = account::unscoped::find(conn, &n.account_id)? else {
            return Ok(Err("the account is gone".into()));
        };
        let lang = language_of(&lineage(conn, &acc)?, default_language);
        let schedule = schedule_of(&tpl)?;
        let ctx = context(&e, &acc, &lang, schedule.as_ref().map(|s| (s, from_db(n.send_at))))?;
        let texts = Texts { subject: &tpl.subject, body: &tpl.body, html_body: tpl.html_body.as_deref() };
        Ok(rules::render(texts, &ctx).map(|r| (tpl, r)))
    })()?;
    let recipients: Vec<String> = text_json(&n.recipients)?;
    let problem = match &rendered {
        Err(why) => Some(why.clone()),
        Ok(_) if recipients.is_empty() => Some("no recipient: the account has no e-mail address".into()),
        Ok(_) => None,
    };
    match (rendered, problem) {
        (Ok((tpl, r)), None) => {
            n.subject = Some(r.subject.clone());
            n.body = Some(r.body.clone());
            n.html_body = r.html_body.clone();
            store::update(conn, &n)?;
            Ok(Prepared::Run(Email {
                message_id: format!("<{}@stratum>", n.id),
                notification_id: n.id,
                from: tpl.sender,
                to: recipients,
                subject: r.subject,
                body: r.body,
                html_body: r.html_body,
            }))
        }
        (_, problem) => {
            // Rendering will not succeed by trying again: the notification fails for good.
            let why = problem.unwrap_or_default();
            n.status = enum_text(&NotificationStatus::Failed);
            n.error = Some(why.clone());
            store::update(conn, &n)?;
            Ok(Prepared::Settled(Verdict::Dead { error: why, result: None }))
        }
    }
}

/// Records a send attempt: sent, a retry on the schedule, or failed after the last.
pub(crate) fn record(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &TaskRow,
    email: &Email,
    outcome: &Result<String, String>,
    jitter: f64,
) -> Result<Verdict, ServiceError> {
    let Some(mut n) = store::unscoped::find(conn, &email.notification_id)? else {
        return Ok(Verdict::Dead { error: "the notification is gone".into(), result: None });
    };
    n.attempts = t.attempts;
    let verdict = match outcome {
        Ok(answer) => {
            n.status = enum_text(&NotificationStatus::Sent);
            n.sent_at = Some(to_db(now));
            n.error = None;
            Verdict::Succeeded { result: Some(json!({"smtp_response": answer, "message_id": email.message_id})) }
        }
        Err(why) => {
            n.error = Some(why.clone());
            let result = Some(json!({"error": why}));
            let delay = usize::try_from(t.attempts).ok().and_then(|a| retry_delay(a, jitter));
            match delay.filter(|_| t.attempts < MAX_ATTEMPTS) {
                Some(d) => {
                    let at = now + Duration::from_std(d).unwrap_or(Duration::seconds(5));
                    Verdict::Retry { at, error: why.clone(), result }
                }
                None => {
                    n.status = enum_text(&NotificationStatus::Failed);
                    Verdict::Dead { error: why.clone(), result }
                }
            }
        }
    };
    store::update(conn, &n)?;
    Ok(verdict)
}
