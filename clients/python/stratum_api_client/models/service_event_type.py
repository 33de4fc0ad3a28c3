from enum import StrEnum


class ServiceEventType(StrEnum):
    RESOURCE_LIMIT_REACHED = "resource_limit.reached"
    RESOURCE_USAGE_COLLECTED = "resource_usage.collected"
    SERVICE_CREATED = "service.created"
    SERVICE_LIMITS_CHANGED = "service.limits.changed"
    SERVICE_MIGRATED = "service.migrated"
    SERVICE_REMOVED = "service.removed"
    SERVICE_RESUMED = "service.resumed"
    SERVICE_SUSPENDED = "service.suspended"

    def __str__(self) -> str:
        return str(self.value)
