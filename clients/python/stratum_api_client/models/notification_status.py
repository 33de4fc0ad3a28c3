from enum import StrEnum


class NotificationStatus(StrEnum):
    CANCELLED = "cancelled"
    FAILED = "failed"
    SCHEDULED = "scheduled"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
