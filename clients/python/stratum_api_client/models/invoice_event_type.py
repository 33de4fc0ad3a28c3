from enum import StrEnum


class InvoiceEventType(StrEnum):
    INVOICE_CREATED = "invoice.created"
    INVOICE_ISSUED = "invoice.issued"
    INVOICE_MARKED_UNCOLLECTIBLE = "invoice.marked_uncollectible"
    INVOICE_OVERDUE = "invoice.overdue"
    INVOICE_PAID = "invoice.paid"
    INVOICE_VOIDED = "invoice.voided"

    def __str__(self) -> str:
        return str(self.value)
