from enum import StrEnum


class OrderType(StrEnum):
    SALES = "sales"

    def __str__(self) -> str:
        return str(self.value)
