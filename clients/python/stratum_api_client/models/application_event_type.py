from enum import StrEnum


class ApplicationEventType(StrEnum):
    APPLICATION_REGISTERED = "application.registered"
    APPLICATION_REMOVED = "application.removed"

    def __str__(self) -> str:
        return str(self.value)
