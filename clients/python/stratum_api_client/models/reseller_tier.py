from enum import StrEnum


class ResellerTier(StrEnum):
    ADVANCED = "advanced"
    AFFILIATE = "affiliate"
    BASIC = "basic"

    def __str__(self) -> str:
        return str(self.value)
