from enum import StrEnum


class RefundEventType(StrEnum):
    REFUND_FAILED = "refund.failed"
    REFUND_SUCCEEDED = "refund.succeeded"

    def __str__(self) -> str:
        return str(self.value)
