from enum import StrEnum


class PublicationEventType(StrEnum):
    PLAN_PUBLISHED = "plan.published"

    def __str__(self) -> str:
        return str(self.value)
