from enum import StrEnum


class PaymentMethodEventType(StrEnum):
    PAYMENT_METHOD_ADDED = "payment_method.added"
    PAYMENT_METHOD_EXPIRING = "payment_method.expiring"
    PAYMENT_METHOD_REMOVED = "payment_method.removed"

    def __str__(self) -> str:
        return str(self.value)
