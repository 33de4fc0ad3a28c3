from enum import StrEnum


class StepKind(StrEnum):
    AUTOMATIC = "automatic"
    DECISION = "decision"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
