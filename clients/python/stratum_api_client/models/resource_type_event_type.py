from enum import StrEnum


class ResourceTypeEventType(StrEnum):
    RESOURCE_TYPE_CREATED = "resource_type.created"

    def __str__(self) -> str:
        return str(self.value)
