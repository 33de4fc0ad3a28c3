//! Notification rules: which template serves an event, in which language, when the
//! notification goes out, and how its texts are rendered. No I/O.

use chrono::{DateTime, Duration, Utc};
use minijinja::{Environment, Value};
use serde_json::Value as Json;
use stratum_api::messaging::notification_template::{
    NotificationSchedule, NotificationTemplateIn, NotificationTemplatePatch,
};

use crate::messaging::webhook::type_matches;
use crate::validation::{is_email, Checks};

pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 100_000;
pub const RECIPIENTS_MAX: usize = 20;
pub const OFFSETS_MAX: usize = 10;
pub const OFFSET_DAYS_MAX: i32 = 366;
/// Rendering stops after this many template instructions: a template is authored by
/// resellers too, and a runaway loop must not hold a worker.
const FUEL: u64 = 200_000;

/// What choosing a template needs to know of one.
pub trait Candidate {
    fn owner_path(&self) -> &str;
    fn pattern(&self) -> &str;
    fn language(&self) -> &str;
}

/// The template that serves an event of `event_type` for an account at `account_path`:
/// for each language in order (the account's, then the default), the template of the
/// deepest owner above or at the account wins — a reseller overrides its parent — and at
/// one owner an exact type beats a wildcard. Disabled templates take part: one that wins
/// silences its ancestors' for that subtree.
pub fn choose<'a, T: Candidate + 'a>(
    templates: impl IntoIterator<Item = &'a T> + Clone,
    account_path: &str,
    event_type: &str,
    languages: &[&str],
) -> Option<&'a T> {
    languages.iter().find_map(|lang| {
        templates
            .clone()
            .into_iter()
            .filter(|t| {
                t.language() == *lang
                    && crate::identity::tree::contains(t.owner_path(), account_path)
                    && type_matches(t.pattern(), event_type)
            })
            .max_by_key(|t| (t.owner_path().len(), !t.pattern().contains('*'), specificity(t.pattern())))
    })
}

/// Among wildcards of one owner, the longer literal part is the more specific.
fn specificity(pattern: &str) -> usize {
    pattern.chars().filter(|c| *c != '*').count()
}

/// The language an account's notifications use: its own, else the nearest ancestor's
/// (`chain` runs from the account up to the root), else `default`.
pub fn effective_language<'a>(chain: impl IntoIterator<Item = Option<&'a str>>, default: &'a str) -> &'a str {
    chain.into_iter().flatten().next().unwrap_or(default)
}

/// When a scheduled notification goes out: one time per offset, relative to the date in
/// the event's `data` at `schedule.date_field`. Times already past at `now` are left out:
/// a reminder that comes late says nothing useful. An event without the date (absent or
/// `null`: an API key that never expires) has nothing to remind of.
pub fn send_times(
    data: &Json,
    schedule: &NotificationSchedule,
    now: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, i32)>, String> {
    let field = schedule.date_field.split('.').try_fold(data, |v, key| v.get(key));
    if field.is_none_or(Json::is_null) {
        return Ok(Vec::new());
    }
    let date = schedule_date(data, schedule)?;
    let mut times: Vec<_> = schedule
        .offsets_days
        .iter()
        .map(|d| (date + Duration::days(i64::from(*d)), *d))
        .filter(|(at, _)| *at >= now)
        .collect();
    times.sort();
    times.dedup();
    Ok(times)
}

/// The date a schedule is relative to: `data` at the schedule's (dotted) field.
pub fn schedule_date(data: &Json, schedule: &NotificationSchedule) -> Result<DateTime<Utc>, String> {
    let raw = schedule
        .date_field
        .split('.')
        .try_fold(data, |v, key| v.get(key))
        .and_then(Json::as_str)
        .ok_or_else(|| format!("the event has no date at data.{}", schedule.date_field))?;
    DateTime::parse_from_rfc3339(raw)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| format!("data.{} is not an RFC 3339 date: {raw}", schedule.date_field))
}

/// Whole days from `from` to `to`, rounded to the nearest day (a reminder sent a few
/// seconds late still says "14 days").
pub fn days_between(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    let secs = (to - from).num_seconds();
    (secs + secs.signum() * 43_200) / 86_400
}

/// The texts of a template.
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    pub subject: &'a str,
    pub body: &'a str,
    pub html_body: Option<&'a str>,
}

/// A rendered notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
    pub html_body: Option<String>,
}

fn environment<'s>() -> Environment<'s> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env
}

/// Renders the texts against `context` (a JSON object). The HTML body is escaped as
/// HTML; the subject must come out as one line.
pub fn render(texts: Texts<'_>, context: &Json) -> Result<Rendered, String> {
    let env = environment();
    let ctx = Value::from(minijinja::value::Serde(context));
    let one = |name: &'static str, src: &str| -> Result<String, String> {
        env.template_from_named_str(name, src)
            .and_then(|t| t.render(ctx.clone()))
            .map_err(|e| format!("{name}: {}", describe(&e)))
    };
    let subject = one("subject.txt", texts.subject)?.trim().to_owned();
    if subject.contains(['\r', '\n']) {
        return Err("subject.txt: the rendered subject spans several lines".into());
    }
    Ok(Rendered {
        subject,
        body: one("body.txt", texts.body)?,
        html_body: texts.html_body.map(|h| one("body.html", h)).transpose()?,
    })
}

/// The template error with its line, as an integrator needs it.
fn describe(e: &minijinja::Error) -> String {
    match e.line() {
        Some(line) => format!("{} (line {line})", e.detail().unwrap_or(&e.kind().to_string())),
        None => e.to_string(),
    }
}

/// Whether `src` parses as a template; the error says where it does not.
fn syntax(name: &'static str, src: &str) -> Result<(), String> {
    let env = environment();
    env.template_from_named_str(name, src).map(drop).map_err(|e| describe(&e))
}

fn check_texts(c: &mut Checks, subject: Option<&str>, body: Option<&str>, html_body: Option<&str>) {
    for (field, name, src, max) in [
        ("subject", "subject.txt", subject, SUBJECT_MAX),
        ("body", "body.txt", body, BODY_MAX),
        ("html_body", "body.html", html_body, BODY_MAX),
    ] {
        let Some(src) = src else { continue };
        if crate::validation::trim_space(src).is_empty() && field != "html_body" {
            c.fail(field, "required", "must not be empty");
        }
        c.max_len(field, src, max);
        if let Err(why) = syntax(name, src) {
            c.fail(field, "template_syntax", why);
        }
    }
}

/// `name@example.com` or `Name <name@example.com>`.
pub fn is_mailbox(value: &str) -> bool {
    let value = crate::validation::trim_space(value);
    match value.rsplit_once('<') {
        Some((name, rest)) => {
            rest.strip_suffix('>').is_some_and(is_email) && !name.contains(['"', '\r', '\n', '<', '>'])
        }
        None => is_email(value),
    }
}

fn check_delivery(
    c: &mut Checks,
    from: Option<&str>,
    recipients: Option<&[String]>,
    schedule: Option<&NotificationSchedule>,
) {
    if from.is_some_and(|f| !is_mailbox(f) || f.len() > 200) {
        c.fail("from", "invalid_format", "must be an address (billing@example.com or Billing <billing@example.com>)");
    }
    if let Some(r) = recipients {
        if r.is_empty() || r.len() > RECIPIENTS_MAX {
            c.fail("recipients", "invalid_length", format!("must list 1 to {RECIPIENTS_MAX} addresses"));
        }
        for a in r {
            c.email("recipients", a);
        }
    }
    if let Some(s) = schedule {
        let field_ok = !s.date_field.is_empty()
            && s.date_field.len() <= 100
            && s.date_field
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'));
        if !field_ok {
            c.fail("schedule.date_field", "invalid_format", "must name a field of the event's data (expires_at)");
        }
        if s.offsets_days.is_empty() || s.offsets_days.len() > OFFSETS_MAX {
            c.fail("schedule.offsets_days", "invalid_length", format!("must list 1 to {OFFSETS_MAX} offsets"));
        }
        if s.offsets_days.iter().any(|d| !(-OFFSET_DAYS_MAX..=OFFSET_DAYS_MAX).contains(d)) {
            c.fail(
                "schedule.offsets_days",
                "out_of_range",
                format!("each offset must lie within ±{OFFSET_DAYS_MAX} days"),
            );
        }
    }
}

/// Checks a new template (the event-type pattern is checked against the catalog by the
/// caller, which owns it).
pub fn check_new(c: &mut Checks, t: &NotificationTemplateIn) {
    c.language("language", &t.language);
    check_texts(c, Some(&t.subject), Some(&t.body), t.html_body.as_deref());
    check_delivery(c, t.from.as_deref(), t.recipients.as_deref(), t.schedule.as_ref());
}

pub fn check_patch(c: &mut Checks, p: &NotificationTemplatePatch) {
    check_texts(c, p.subject.as_deref(), p.body.as_deref(), p.html_body.as_ref().and_then(|h| h.as_deref()));
    check_delivery(
        c,
        p.from.as_ref().and_then(|f| f.as_deref()),
        p.recipients.as_ref().and_then(|r| r.as_deref()),
        p.schedule.as_ref().and_then(|s| s.as_ref()),
    );
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    struct T(&'static str, &'static str, &'static str);
    impl Candidate for T {
        fn owner_path(&self) -> &str {
            self.0
        }
        fn pattern(&self) -> &str {
            self.1
        }
        fn language(&self) -> &str {
            self.2
        }
    }

    const TEMPLATES: [T; 6] = [
        T("p/", "account.*", "en"),
        T("p/", "account.created", "en"),
        T("p/", "account.created", "de"),
        T("p/r/", "account.created", "en"),
        T("p/x/", "account.created", "en"),
        T("p/r/", "*", "fr"),
    ];

    #[test]
    fn deepest_owner_then_exact_type_then_language_fallback() {
        let pick = |path, ty, langs: &[&str]| choose(&TEMPLATES, path, ty, langs).map(|t| (t.0, t.1, t.2));
        assert_eq!(pick("p/r/c/", "account.created", &["en"]), Some(("p/r/", "account.created", "en")));
        assert_eq!(pick("p/c/", "account.created", &["en"]), Some(("p/", "account.created", "en")));
        assert_eq!(pick("p/c/", "account.updated", &["en"]), Some(("p/", "account.*", "en")));
        assert_eq!(pick("p/r/c/", "account.created", &["de", "en"]), Some(("p/", "account.created", "de")));
        assert_eq!(pick("p/c/", "account.created", &["it", "en"]), Some(("p/", "account.created", "en")));
        assert_eq!(pick("p/r/c/", "user.created", &["fr", "en"]), Some(("p/r/", "*", "fr")));
        assert_eq!(pick("p/c/", "user.created", &["fr", "en"]), None);
        assert_eq!(pick("q/", "account.created", &["en"]), None);
    }

    #[test]
    fn language_comes_from_the_nearest_account_that_has_one() {
        assert_eq!(effective_language([None, Some("de"), Some("fr")], "en"), "de");
        assert_eq!(effective_language([Some("it"), Some("de")], "en"), "it");
        assert_eq!(effective_language([None, None], "en"), "en");
    }

    #[test]
    fn send_times_are_relative_to_the_date_and_skip_the_past() {
        let now: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
        let data = json!({"expires_at": "2026-01-21T12:00:00Z", "sub": {"ends": "2026-01-02T00:00:00Z"}});
        let s = |f: &str, o: Vec<i32>| NotificationSchedule { date_field: f.into(), offsets_days: o };
        let times = send_times(&data, &s("expires_at", vec![-3, -14, -30]), now).unwrap();
        assert_eq!(
            times,
            vec![("2026-01-07T12:00:00Z".parse().unwrap(), -14), ("2026-01-18T12:00:00Z".parse().unwrap(), -3)]
        );
        assert_eq!(send_times(&data, &s("sub.ends", vec![1]), now).unwrap().len(), 1);
        assert!(send_times(&data, &s("missing", vec![1]), now).unwrap().is_empty());
        assert!(send_times(&json!({"d": null}), &s("d", vec![1]), now).unwrap().is_empty());
        assert!(schedule_date(&data, &s("missing", vec![1])).unwrap_err().contains("data.missing"));
        assert!(send_times(&json!({"d": "soon"}), &s("d", vec![1]), now).unwrap_err().contains("RFC 3339"));
    }

    #[test]
    fn days_between_rounds_to_the_nearest_day() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert_eq!(days_between(at("2026-01-01T00:00:05Z"), at("2026-01-15T00:00:00Z")), 14);
        assert_eq!(days_between(at("2026-01-01T00:00:00Z"), at("2026-01-04T00:00:00Z")), 3);
        assert_eq!(days_between(at("2026-01-05T00:00:00Z"), at("2026-01-04T00:00:00Z")), -1);
    }

    #[test]
    fn renders_text_and_escaped_html() {
        let ctx = json!({"account": {"name": "Ann <b>&</b>"}, "days_until": 14});
        let r = render(
            Texts {
                subject: "  Hello {{ account.name }}  ",
                body: "In {{ days_until }} days.",
                html_body: Some("<p>{{ account.name }}</p>"),
            },
            &ctx,
        )
        .unwrap();
        assert_eq!(r.subject, "Hello Ann <b>&</b>");
        assert_eq!(r.body, "In 14 days.");
        assert_eq!(r.html_body.as_deref(), Some("<p>Ann &lt;b&gt;&amp;&lt;&#x2f;b&gt;</p>"));
    }

    #[test]
    fn refuses_multiline_subjects_runaway_loops_and_bad_syntax() {
        let ctx = json!({});
        let texts = |subject, body| Texts { subject, body, html_body: None };
        assert!(render(texts("a\nb", "x"), &ctx).is_err());
        assert!(render(
            texts("s", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"),
            &ctx
        )
        .is_err());
        let mut c = Checks::new();
        check_texts(&mut c, Some("Hi {{ name"), Some("ok"), None);
        let errors = c.finish().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "subject");
        assert!(errors[0].message.contains("line 1"), "{}", errors[0].message);
    }

    #[test]
    fn mailboxes() {
        assert!(is_mailbox("billing@example.com"));
        assert!(is_mailbox("Billing Team <billing@example.com>"));
        assert!(!is_mailbox("Billing <billing>"));
        assert!(!is_mailbox("Bil\nling <b@example.com>"));
    }
}
