from enum import StrEnum


class QuotePeriodKind(StrEnum):
    AFTER_TRIAL = "after_trial"
    FIRST = "first"
    RENEWAL = "renewal"

    def __str__(self) -> str:
        return str(self.value)
