from enum import StrEnum


class BillingRunEventType(StrEnum):
    BILLING_RUN_COMPLETED = "billing_run.completed"

    def __str__(self) -> str:
        return str(self.value)
