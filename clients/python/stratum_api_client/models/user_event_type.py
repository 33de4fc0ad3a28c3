from enum import StrEnum


class UserEventType(StrEnum):
    USER_CREATED = "user.created"
    USER_REMOVED = "user.removed"
    USER_UPDATED = "user.updated"

    def __str__(self) -> str:
        return str(self.value)
