from enum import StrEnum


class TaskEventType(StrEnum):
    TASK_CANCELLED = "task.cancelled"
    TASK_DEAD = "task.dead"
    TASK_FAILED = "task.failed"
    TASK_RESCHEDULED = "task.rescheduled"

    def __str__(self) -> str:
        return str(self.value)
