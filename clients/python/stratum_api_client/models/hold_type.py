from enum import StrEnum


class HoldType(StrEnum):
    ADMINISTRATIVE = "administrative"
    CREDIT = "credit"

    def __str__(self) -> str:
        return str(self.value)
