from enum import StrEnum


class QuoteLineKind(StrEnum):
    DISCOUNT = "discount"
    RECURRING = "recurring"
    RESOURCE_RECURRING = "resource_recurring"
    RESOURCE_SETUP = "resource_setup"
    SETUP = "setup"

    def __str__(self) -> str:
        return str(self.value)
