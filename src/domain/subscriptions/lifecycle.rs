//! The subscription state machine: which lifecycle event moves a subscription from which
//! status to which, and which catalog events that raises. The service loads the
//! subscription, asks `transition`, then saves the new status and raises the events in the
//! same transaction; the clock tasks (trial end, period end, grace end) and the order
//! workflows (renewal, cancellation) only say which lifecycle event happened.
//!
//! Whether a cancellation is scheduled is a flag beside the status, not a status: a
//! subscription with a scheduled cancellation keeps running until its period ends. The
//! service holds that flag and refuses to schedule twice or to unschedule nothing.

use std::fmt;

use stratum_api::messaging::event_type::EventType;
use stratum_api::subscriptions::subscription::SubscriptionStatus;

/// Every status, in the order of the documentation.
pub const STATUSES: [SubscriptionStatus; 7] = [
    SubscriptionStatus::Trial,
    SubscriptionStatus::Active,
    SubscriptionStatus::Grace,
    SubscriptionStatus::Suspended,
    SubscriptionStatus::Expired,
    SubscriptionStatus::Cancelled,
    SubscriptionStatus::Terminated,
];

/// Why a subscription is suspended: it decides whether a trial may be suspended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuspendReason {
    /// The dunning policy's suspend step: an invoice is unpaid.
    Dunning,
    /// An operator's hold (abuse, overuse, by hand).
    Operator,
}

/// When a cancellation takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelAt {
    /// At once: a cancellation order with the immediate policy.
    Now,
    /// The period (or trial) ended with a cancellation scheduled.
    PeriodEnd,
}

/// What happens to a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleEvent {
    /// The trial ended and converts to its first paid period (the `after_trial` quote).
    TrialConverted,
    /// The trial ended without conversion: the plan does not convert, or nothing was paid.
    TrialLapsed,
    /// A renewal order completed: the period moves on.
    Renewed,
    /// The period ended and no renewal completed: the grace period begins.
    PeriodEnded,
    /// The seller's grace days are over without a renewal.
    GraceEnded,
    Suspended(SuspendReason),
    /// A suspension is lifted (payment arrived, or an operator released the hold).
    Resumed,
    /// A cancellation at period end was requested.
    CancellationScheduled,
    /// The scheduled cancellation was withdrawn before the period ended.
    CancellationUnscheduled,
    Cancelled(CancelAt),
    /// Provisioning removed the resources of a cancelled or expired subscription.
    Terminated,
    /// A renewal paid for an expired subscription before its resources were removed.
    Reactivated,
}

impl LifecycleEvent {
    /// Every event, in the order of the documentation.
    pub const ALL: [LifecycleEvent; 14] = [
        LifecycleEvent::TrialConverted,
        LifecycleEvent::TrialLapsed,
        LifecycleEvent::Renewed,
        LifecycleEvent::PeriodEnded,
        LifecycleEvent::GraceEnded,
        LifecycleEvent::Suspended(SuspendReason::Dunning),
        LifecycleEvent::Suspended(SuspendReason::Operator),
        LifecycleEvent::Resumed,
        LifecycleEvent::CancellationScheduled,
        LifecycleEvent::CancellationUnscheduled,
        LifecycleEvent::Cancelled(CancelAt::Now),
        LifecycleEvent::Cancelled(CancelAt::PeriodEnd),
        LifecycleEvent::Terminated,
        LifecycleEvent::Reactivated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LifecycleEvent::TrialConverted => "trial_converted",
            LifecycleEvent::TrialLapsed => "trial_lapsed",
            LifecycleEvent::Renewed => "renewed",
            LifecycleEvent::PeriodEnded => "period_ended",
            LifecycleEvent::GraceEnded => "grace_ended",
            LifecycleEvent::Suspended(SuspendReason::Dunning) => "suspended(dunning)",
            LifecycleEvent::Suspended(SuspendReason::Operator) => "suspended(operator)",
            LifecycleEvent::Resumed => "resumed",
            LifecycleEvent::CancellationScheduled => "cancellation_scheduled",
            LifecycleEvent::CancellationUnscheduled => "cancellation_unscheduled",
            LifecycleEvent::Cancelled(CancelAt::Now) => "cancelled(now)",
            LifecycleEvent::Cancelled(CancelAt::PeriodEnd) => "cancelled(period_end)",
            LifecycleEvent::Terminated => "terminated",
            LifecycleEvent::Reactivated => "reactivated",
        }
    }
}

/// The status's wire name.
pub fn status_name(s: SubscriptionStatus) -> &'static str {
    match s {
        SubscriptionStatus::Trial => "trial",
        SubscriptionStatus::Active => "active",
        SubscriptionStatus::Grace => "grace",
        SubscriptionStatus::Suspended => "suspended",
        SubscriptionStatus::Expired => "expired",
        SubscriptionStatus::Cancelled => "cancelled",
        SubscriptionStatus::Terminated => "terminated",
    }
}

/// An allowed move: the next status (possibly the same) and the catalog events it raises,
/// in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub to: SubscriptionStatus,
    pub raises: &'static [EventType],
}

/// A refused move: the subscription's status, the event, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LifecycleError {
    pub status: SubscriptionStatus,
    pub event: LifecycleEvent,
    pub why: &'static str,
}

impl fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} subscription cannot take {}: {}", status_name(self.status), self.event.name(), self.why)
    }
}

impl std::error::Error for LifecycleError {}

const NOT_IN_TRIAL: &str = "only a trial ends as a trial";
const NO_GRACE: &str = "no grace period is running";
const NOT_SUSPENDED: &str = "only a suspended subscription resumes";
const NOT_REMOVABLE: &str = "resources are removed only once the subscription is cancelled or expired";
const NOT_EXPIRED: &str = "only an expired subscription is reactivated";
const PERIOD_OVER: &str = "the period has already ended: cancel now instead";
const NO_PERIOD: &str = "no period is running";
const CANCELLED: &str = "a cancelled subscription only has its resources removed";
const TERMINATED: &str = "a terminated subscription is final";

/// The next status of a subscription in `status` when `event` happens, and the catalog
/// events to raise; or why the event cannot happen to it.
///
/// Cancelled and terminated are final (as in Stripe and Kill Bill: a customer who wants
/// the service back orders a new subscription). An expired subscription keeps its
/// resources, stopped, until they are removed, and may be reactivated by a paid renewal
/// until then (the hold period of Parallels Business Automation, whose events the catalog
/// maps): expired is the end of the service, terminated the end of its resources.
pub fn transition(status: SubscriptionStatus, event: LifecycleEvent) -> Result<Transition, LifecycleError> {
    use EventType as T;
    use LifecycleEvent as E;
    use SubscriptionStatus as S;

    let to = |to: S, raises: &'static [EventType]| Ok(Transition { to, raises });
    let no = |why: &'static str| Err(LifecycleError { status, event, why });

    match (status, event) {
        (S::Terminated, _) => no(TERMINATED),
        (S::Cancelled, E::Terminated) => to(S::Terminated, &[]),
        (S::Cancelled, E::Reactivated) => no("a cancellation is final: the customer orders a new subscription"),
        (S::Cancelled, _) => no(CANCELLED),

        (S::Trial, E::TrialConverted) => to(S::Active, &[T::SubscriptionActivated]),
        (S::Trial, E::TrialLapsed) => to(S::Expired, &[T::SubscriptionExpired]),
        (_, E::TrialConverted | E::TrialLapsed) => no(NOT_IN_TRIAL),

        (S::Trial, E::Renewed) => no("a trial is not renewed: it converts to its first paid period"),
        (S::Active | S::Grace, E::Renewed) => to(S::Active, &[T::SubscriptionRenewed]),
        (S::Suspended, E::Renewed) => to(S::Suspended, &[T::SubscriptionRenewed]),
        (S::Expired, E::Renewed) => no("an expired subscription comes back by reactivation"),

        (S::Trial, E::PeriodEnded) => no("a trial's period ends by conversion or lapse"),
        (S::Active, E::PeriodEnded) => to(S::Grace, &[T::SubscriptionGraceStarted]),
        (S::Grace, E::PeriodEnded) => no("the period has already ended"),
        (S::Suspended, E::PeriodEnded) => {
            no("a suspended subscription's services are already stopped: it expires when its grace days are over")
        }
        (S::Expired, E::PeriodEnded | E::GraceEnded) => no("the subscription has already expired"),

        (S::Grace | S::Suspended, E::GraceEnded) => to(S::Expired, &[T::SubscriptionExpired]),
        (S::Trial | S::Active, E::GraceEnded) => no(NO_GRACE),

        (S::Trial, E::Suspended(SuspendReason::Dunning)) => no("nothing is owed during a trial"),
        (S::Trial, E::Suspended(SuspendReason::Operator)) => {
            no("a trial is cancelled, not suspended: a resumed subscription is active, which a trial is not until it converts")
        }
        (S::Active | S::Grace, E::Suspended(_)) => to(S::Suspended, &[T::SubscriptionSuspended]),
        (S::Suspended, E::Suspended(_)) => no("the subscription is already suspended"),
        (S::Expired, E::Suspended(_)) => no("an expired subscription's services are already stopped"),

        (S::Suspended, E::Resumed) => to(S::Active, &[T::SubscriptionResumed]),
        (_, E::Resumed) => no(NOT_SUSPENDED),

        (S::Trial | S::Active | S::Suspended, E::CancellationScheduled) => {
            to(status, &[T::SubscriptionCancellationScheduled])
        }
        // The catalog has no event for a withdrawn cancellation: the subscription's
        // snapshot in its next event shows it.
        (S::Trial | S::Active | S::Suspended, E::CancellationUnscheduled) => to(status, &[]),
        (S::Grace, E::CancellationScheduled) => no(PERIOD_OVER),
        (S::Grace, E::CancellationUnscheduled) => no("no cancellation is scheduled once the period has ended"),
        (S::Expired, E::CancellationScheduled | E::CancellationUnscheduled) => no(NO_PERIOD),

        (S::Trial | S::Active | S::Suspended, E::Cancelled(_)) => to(S::Cancelled, &[T::SubscriptionCancelled]),
        (S::Grace | S::Expired, E::Cancelled(CancelAt::Now)) => to(S::Cancelled, &[T::SubscriptionCancelled]),
        (S::Grace, E::Cancelled(CancelAt::PeriodEnd)) => no(PERIOD_OVER),
        (S::Expired, E::Cancelled(CancelAt::PeriodEnd)) => no(NO_PERIOD),

        // Provisioning reports the removal itself, with one `service.removed` per service.
        (S::Expired, E::Terminated) => to(S::Terminated, &[]),
        (_, E::Terminated) => no(NOT_REMOVABLE),

        (S::Expired, E::Reactivated) => to(S::Active, &[T::SubscriptionRenewed, T::SubscriptionActivated]),
        (_, E::Reactivated) => no(NOT_EXPIRED),
    }
}

#[cfg(test)]
mod tests;
