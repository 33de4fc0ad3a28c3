from enum import StrEnum


class WorkflowAction(StrEnum):
    ACTIVATE = "activate"
    FRAUD_SCREEN = "fraud_screen"
    MARK_PASSED = "mark_passed"
    MARK_SUSPECT = "mark_suspect"
    NOTIFY = "notify"

    def __str__(self) -> str:
        return str(self.value)
