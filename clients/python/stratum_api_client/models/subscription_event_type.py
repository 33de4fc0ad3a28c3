from enum import StrEnum


class SubscriptionEventType(StrEnum):
    SUBSCRIPTION_ACTIVATED = "subscription.activated"
    SUBSCRIPTION_CANCELLATION_SCHEDULED = "subscription.cancellation.scheduled"
    SUBSCRIPTION_CANCELLED = "subscription.cancelled"
    SUBSCRIPTION_CREATED = "subscription.created"
    SUBSCRIPTION_EXPIRED = "subscription.expired"
    SUBSCRIPTION_EXPIRING = "subscription.expiring"
    SUBSCRIPTION_GRACE_STARTED = "subscription.grace.started"
    SUBSCRIPTION_PLAN_CHANGED = "subscription.plan.changed"
    SUBSCRIPTION_RENEWED = "subscription.renewed"
    SUBSCRIPTION_RESOURCES_CHANGED = "subscription.resources.changed"
    SUBSCRIPTION_RESUMED = "subscription.resumed"
    SUBSCRIPTION_SUSPENDED = "subscription.suspended"
    SUBSCRIPTION_TRIAL_ENDING = "subscription.trial.ending"
    SUBSCRIPTION_TRIAL_STARTED = "subscription.trial.started"
    USAGE_OVERAGE_RATED = "usage.overage.rated"
    USAGE_THRESHOLD_REACHED = "usage.threshold.reached"

    def __str__(self) -> str:
        return str(self.value)
