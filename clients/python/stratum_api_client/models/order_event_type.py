from enum import StrEnum


class OrderEventType(StrEnum):
    ORDER_APPROVAL_REQUIRED = "order.approval.required"
    ORDER_APPROVED = "order.approved"
    ORDER_CANCELLED = "order.cancelled"
    ORDER_COMPLETED = "order.completed"
    ORDER_FRAUD_CHECK_FLAGGED = "order.fraud_check.flagged"
    ORDER_FRAUD_CHECK_PASSED = "order.fraud_check.passed"
    ORDER_PAYMENT_FAILED = "order.payment.failed"
    ORDER_PAYMENT_PENDING = "order.payment.pending"
    ORDER_PLACED = "order.placed"
    ORDER_PROVISIONING_FAILED = "order.provisioning.failed"
    ORDER_PROVISIONING_STARTED = "order.provisioning.started"
    ORDER_REJECTED = "order.rejected"

    def __str__(self) -> str:
        return str(self.value)
