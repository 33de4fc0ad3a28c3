from enum import StrEnum


class PlanEventType(StrEnum):
    PLAN_ARCHIVED = "plan.archived"
    PLAN_CREATED = "plan.created"
    PLAN_UPDATED = "plan.updated"

    def __str__(self) -> str:
        return str(self.value)
