from enum import StrEnum


class WorkflowComparison(StrEnum):
    EQ = "eq"
    GE = "ge"
    GT = "gt"
    IN = "in"
    LE = "le"
    LT = "lt"

    def __str__(self) -> str:
        return str(self.value)
