from enum import StrEnum


class AccountStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    CREDIT_HOLD = "credit_hold"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
