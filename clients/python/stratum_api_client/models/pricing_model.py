from enum import StrEnum


class PricingModel(StrEnum):
    FLAT = "flat"
    GRADUATED = "graduated"
    VOLUME = "volume"

    def __str__(self) -> str:
        return str(self.value)
