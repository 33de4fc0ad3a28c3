from enum import StrEnum


class DeliveryStatus(StrEnum):
    DEAD = "dead"
    PENDING = "pending"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
