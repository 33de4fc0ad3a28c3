//! The state machine's specification: every status × every event, as one table.

use super::*;
use CancelAt::{Now, PeriodEnd};
use LifecycleEvent as E;
use SubscriptionStatus as S;
use SuspendReason::{Dunning, Operator};

enum Outcome {
    /// Allowed: the next status and the names of the events raised, in order.
    To(S, &'static [&'static str]),
    /// Refused, with this reason.
    No(&'static str),
}
use Outcome::{No, To};

/// The state machine: every status × every event. docs/subscriptions.md shows the
/// allowed rows; a test below keeps it in step.
#[rustfmt::skip]
const TABLE: &[(S, E, Outcome)] = &[
    (S::Trial, E::TrialConverted, To(S::Active, &["subscription.activated"])),
    (S::Trial, E::TrialLapsed, To(S::Expired, &["subscription.expired"])),
    (S::Trial, E::Renewed, No("a trial is not renewed: it converts to its first paid period")),
    (S::Trial, E::PeriodEnded, No("a trial's period ends by conversion or lapse")),
    (S::Trial, E::GraceEnded, No("no grace period is running")),
    (S::Trial, E::Suspended(Dunning), No("nothing is owed during a trial")),
    (S::Trial, E::Suspended(Operator), No("a trial is cancelled, not suspended: a resumed subscription is active, which a trial is not until it converts")),
    (S::Trial, E::Resumed, No("only a suspended subscription resumes")),
    (S::Trial, E::CancellationScheduled, To(S::Trial, &["subscription.cancellation.scheduled"])),
    (S::Trial, E::CancellationUnscheduled, To(S::Trial, &[])),
    (S::Trial, E::Cancelled(Now), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Trial, E::Cancelled(PeriodEnd), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Trial, E::Terminated, No("resources are removed only once the subscription is cancelled or expired")),
    (S::Trial, E::Reactivated, No("only an expired subscription is reactivated")),

    (S::Active, E::TrialConverted, No("only a trial ends as a trial")),
    (S::Active, E::TrialLapsed, No("only a trial ends as a trial")),
    (S::Active, E::Renewed, To(S::Active, &["subscription.renewed"])),
    (S::Active, E::PeriodEnded, To(S::Grace, &["subscription.grace.started"])),
    (S::Active, E::GraceEnded, No("no grace period is running")),
    (S::Active, E::Suspended(Dunning), To(S::Suspended, &["subscription.suspended"])),
    (S::Active, E::Suspended(Operator), To(S::Suspended, &["subscription.suspended"])),
    (S::Active, E::Resumed, No("only a suspended subscription resumes")),
    (S::Active, E::CancellationScheduled, To(S::Active, &["subscription.cancellation.scheduled"])),
    (S::Active, E::CancellationUnscheduled, To(S::Active, &[])),
    (S::Active, E::Cancelled(Now), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Active, E::Cancelled(PeriodEnd), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Active, E::Terminated, No("resources are removed only once the subscription is cancelled or expired")),
    (S::Active, E::Reactivated, No("only an expired subscription is reactivated")),

    (S::Grace, E::TrialConverted, No("only a trial ends as a trial")),
    (S::Grace, E::TrialLapsed, No("only a trial ends as a trial")),
    (S::Grace, E::Renewed, To(S::Active, &["subscription.renewed"])),
    (S::Grace, E::PeriodEnded, No("the period has already ended")),
    (S::Grace, E::GraceEnded, To(S::Expired, &["subscription.expired"])),
    (S::Grace, E::Suspended(Dunning), To(S::Suspended, &["subscription.suspended"])),
    (S::Grace, E::Suspended(Operator), To(S::Suspended, &["subscription.suspended"])),
    (S::Grace, E::Resumed, No("only a suspended subscription resumes")),
    (S::Grace, E::CancellationScheduled, No("the period has already ended: cancel now instead")),
    (S::Grace, E::CancellationUnscheduled, No("no cancellation is scheduled once the period has ended")),
    (S::Grace, E::Cancelled(Now), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Grace, E::Cancelled(PeriodEnd), No("the period has already ended: cancel now instead")),
    (S::Grace, E::Terminated, No("resources are removed only once the subscription is cancelled or expired")),
    (S::Grace, E::Reactivated, No("only an expired subscription is reactivated")),

    (S::Suspended, E::TrialConverted, No("only a trial ends as a trial")),
    (S::Suspended, E::TrialLapsed, No("only a trial ends as a trial")),
    (S::Suspended, E::Renewed, To(S::Suspended, &["subscription.renewed"])),
    (S::Suspended, E::PeriodEnded, No("a suspended subscription's services are already stopped: it expires when its grace days are over")),
    (S::Suspended, E::GraceEnded, To(S::Expired, &["subscription.expired"])),
    (S::Suspended, E::Suspended(Dunning), No("the subscription is already suspended")),
    (S::Suspended, E::Suspended(Operator), No("the subscription is already suspended")),
    (S::Suspended, E::Resumed, To(S::Active, &["subscription.resumed"])),
    (S::Suspended, E::CancellationScheduled, To(S::Suspended, &["subscription.cancellation.scheduled"])),
    (S::Suspended, E::CancellationUnscheduled, To(S::Suspended, &[])),
    (S::Suspended, E::Cancelled(Now), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Suspended, E::Cancelled(PeriodEnd), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Suspended, E::Terminated, No("resources are removed only once the subscription is cancelled or expired")),
    (S::Suspended, E::Reactivated, No("only an expired subscription is reactivated")),

    (S::Expired, E::TrialConverted, No("only a trial ends as a trial")),
    (S::Expired, E::TrialLapsed, No("only a trial ends as a trial")),
    (S::Expired, E::Renewed, No("an expired subscription comes back by reactivation")),
    (S::Expired, E::PeriodEnded, No("the subscription has already expired")),
    (S::Expired, E::GraceEnded, No("the subscription has already expired")),
    (S::Expired, E::Suspended(Dunning), No("an expired subscription's services are already stopped")),
    (S::Expired, E::Suspended(Operator), No("an expired subscription's services are already stopped")),
    (S::Expired, E::Resumed, No("only a suspended subscription resumes")),
    (S::Expired, E::CancellationScheduled, No("no period is running")),
    (S::Expired, E::CancellationUnscheduled, No("no period is running")),
    (S::Expired, E::Cancelled(Now), To(S::Cancelled, &["subscription.cancelled"])),
    (S::Expired, E::Cancelled(PeriodEnd), No("no period is running")),
    (S::Expired, E::Terminated, To(S::Terminated, &[])),
    (S::Expired, E::Reactivated, To(S::Active, &["subscription.renewed", "subscription.activated"])),

    (S::Cancelled, E::TrialConverted, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::TrialLapsed, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::Renewed, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::PeriodEnded, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::GraceEnded, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::Suspended(Dunning), No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::Suspended(Operator), No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::Resumed, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::CancellationScheduled, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::CancellationUnscheduled, No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::Cancelled(Now), No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::Cancelled(PeriodEnd), No("a cancelled subscription only has its resources removed")),
    (S::Cancelled, E::Terminated, To(S::Terminated, &[])),
    (S::Cancelled, E::Reactivated, No("a cancellation is final: the customer orders a new subscription")),

    (S::Terminated, E::TrialConverted, No("a terminated subscription is final")),
    (S::Terminated, E::TrialLapsed, No("a terminated subscription is final")),
    (S::Terminated, E::Renewed, No("a terminated subscription is final")),
    (S::Terminated, E::PeriodEnded, No("a terminated subscription is final")),
    (S::Terminated, E::GraceEnded, No("a terminated subscription is final")),
    (S::Terminated, E::Suspended(Dunning), No("a terminated subscription is final")),
    (S::Terminated, E::Suspended(Operator), No("a terminated subscription is final")),
    (S::Terminated, E::Resumed, No("a terminated subscription is final")),
    (S::Terminated, E::CancellationScheduled, No("a terminated subscription is final")),
    (S::Terminated, E::CancellationUnscheduled, No("a terminated subscription is final")),
    (S::Terminated, E::Cancelled(Now), No("a terminated subscription is final")),
    (S::Terminated, E::Cancelled(PeriodEnd), No("a terminated subscription is final")),
    (S::Terminated, E::Terminated, No("a terminated subscription is final")),
    (S::Terminated, E::Reactivated, No("a terminated subscription is final")),
];

/// Compiles only while `STATUSES` can name every status: a new status fails here first.
fn status_index(s: S) -> usize {
    match s {
        S::Trial => 0,
        S::Active => 1,
        S::Grace => 2,
        S::Suspended => 3,
        S::Expired => 4,
        S::Cancelled => 5,
        S::Terminated => 6,
    }
}

/// The same for events, their reasons and times included.
fn event_index(e: E) -> usize {
    match e {
        E::TrialConverted => 0,
        E::TrialLapsed => 1,
        E::Renewed => 2,
        E::PeriodEnded => 3,
        E::GraceEnded => 4,
        E::Suspended(Dunning) => 5,
        E::Suspended(Operator) => 6,
        E::Resumed => 7,
        E::CancellationScheduled => 8,
        E::CancellationUnscheduled => 9,
        E::Cancelled(Now) => 10,
        E::Cancelled(PeriodEnd) => 11,
        E::Terminated => 12,
        E::Reactivated => 13,
    }
}

#[test]
fn every_status_and_event_is_listed_once() {
    for (i, s) in STATUSES.iter().enumerate() {
        assert_eq!(status_index(*s), i, "{s:?}");
    }
    for (i, e) in LifecycleEvent::ALL.iter().enumerate() {
        assert_eq!(event_index(*e), i, "{e:?}");
    }
}

#[test]
fn the_table_covers_every_status_and_event_once() {
    for s in STATUSES {
        for e in LifecycleEvent::ALL {
            let rows = TABLE.iter().filter(|(ts, te, _)| *ts == s && *te == e).count();
            assert_eq!(rows, 1, "{s:?} × {e:?} has {rows} rows");
        }
    }
    assert_eq!(TABLE.len(), STATUSES.len() * LifecycleEvent::ALL.len());
}

#[test]
fn transition_does_what_the_table_says() {
    for (status, event, outcome) in TABLE {
        let got = transition(*status, *event);
        match outcome {
            To(to, raises) => {
                let t = got.unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(t.to, *to, "{status:?} × {event:?}");
                let names: Vec<&str> = t.raises.iter().map(|e| e.name()).collect();
                assert_eq!(names, *raises, "{status:?} × {event:?}");
            }
            No(why) => {
                let err = got.err().unwrap_or_else(|| panic!("{status:?} × {event:?} should be refused"));
                assert_eq!(err, LifecycleError { status: *status, event: *event, why });
            }
        }
    }
}

#[test]
fn raised_names_are_catalog_events_about_subscriptions() {
    for (_, _, outcome) in TABLE {
        if let To(_, raises) = outcome {
            for name in *raises {
                let t = EventType::from_name(name).unwrap_or_else(|| panic!("{name} is not in the catalog"));
                assert_eq!(t.def().object, "subscription", "{name}");
            }
        }
    }
}

#[test]
fn a_refusal_names_the_status_the_event_and_why() {
    let err = transition(S::Grace, E::Cancelled(PeriodEnd)).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "a grace subscription cannot take cancelled(period_end): the period has already ended: cancel now instead"
        )
    );
}

/// Walks events from `start`, returning the statuses passed through.
fn walk(start: S, events: &[E]) -> Result<Vec<S>, LifecycleError> {
    let mut now = start;
    let mut seen = vec![now];
    for e in events {
        now = transition(now, *e)?.to;
        seen.push(now);
    }
    Ok(seen)
}

#[test]
fn the_usual_lives_of_a_subscription() {
    // Trial, paid, renewed twice, let lapse, expired, removed.
    let life = [E::TrialConverted, E::Renewed, E::Renewed, E::PeriodEnded, E::GraceEnded, E::Terminated];
    assert_eq!(
        walk(S::Trial, &life),
        Ok(vec![S::Trial, S::Active, S::Active, S::Active, S::Grace, S::Expired, S::Terminated])
    );
    // Unpaid: grace, dunning suspends, the renewal is paid late, services resume.
    let dunning = [E::PeriodEnded, E::Suspended(Dunning), E::Renewed, E::Resumed];
    assert_eq!(walk(S::Active, &dunning), Ok(vec![S::Active, S::Grace, S::Suspended, S::Suspended, S::Active]));
    // A change of mind, then a cancellation at period end.
    let cancel = [
        E::CancellationScheduled,
        E::CancellationUnscheduled,
        E::CancellationScheduled,
        E::Cancelled(PeriodEnd),
        E::Terminated,
    ];
    assert_eq!(
        walk(S::Active, &cancel),
        Ok(vec![S::Active, S::Active, S::Active, S::Active, S::Cancelled, S::Terminated])
    );
    // Expired, then paid before its resources were removed.
    assert_eq!(walk(S::Trial, &[E::TrialLapsed, E::Reactivated]), Ok(vec![S::Trial, S::Expired, S::Active]));
}

/// The allowed rows as docs/subscriptions.md shows them.
fn doc_row(s: S, e: E, to: S, raises: &[&str]) -> String {
    let raised = if raises.is_empty() {
        "—".to_owned()
    } else {
        raises.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
    };
    format!("| {} | `{}` | {} | {raised} |", status_name(s), e.name(), status_name(to))
}

#[test]
fn the_documentation_shows_exactly_the_allowed_transitions() {
    let doc = include_str!("../../../../docs/subscriptions.md");
    let expected: Vec<String> = TABLE
        .iter()
        .filter_map(|(s, e, o)| match o {
            To(to, raises) => Some(doc_row(*s, *e, *to, raises)),
            No(_) => None,
        })
        .collect();
    let documented: Vec<&str> = doc
        .lines()
        .skip_while(|l| !l.starts_with("| from | event | to | raises |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(documented, expected, "the transition table in docs/subscriptions.md");
}
