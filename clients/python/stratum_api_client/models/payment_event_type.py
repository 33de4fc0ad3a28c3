from enum import StrEnum


class PaymentEventType(StrEnum):
    PAYMENT_APPLIED = "payment.applied"
    PAYMENT_FAILED = "payment.failed"
    PAYMENT_REQUIRES_ACTION = "payment.requires_action"
    PAYMENT_REVERSED = "payment.reversed"
    PAYMENT_SUCCEEDED = "payment.succeeded"

    def __str__(self) -> str:
        return str(self.value)
