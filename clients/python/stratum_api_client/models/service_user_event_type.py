from enum import StrEnum


class ServiceUserEventType(StrEnum):
    SERVICE_USER_CREATED = "service_user.created"
    SERVICE_USER_DISABLED = "service_user.disabled"
    SERVICE_USER_REMOVED = "service_user.removed"
    SERVICE_USER_UPDATED = "service_user.updated"

    def __str__(self) -> str:
        return str(self.value)
