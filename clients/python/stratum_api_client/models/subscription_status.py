from enum import StrEnum


class SubscriptionStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    GRACE = "grace"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    TRIAL = "trial"

    def __str__(self) -> str:
        return str(self.value)
