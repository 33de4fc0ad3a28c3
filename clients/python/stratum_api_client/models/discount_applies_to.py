from enum import StrEnum


class DiscountAppliesTo(StrEnum):
    RECURRING = "recurring"
    SETUP = "setup"
    SETUP_AND_RECURRING = "setup_and_recurring"

    def __str__(self) -> str:
        return str(self.value)
