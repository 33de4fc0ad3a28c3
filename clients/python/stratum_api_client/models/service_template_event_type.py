from enum import StrEnum


class ServiceTemplateEventType(StrEnum):
    SERVICE_TEMPLATE_ARCHIVED = "service_template.archived"
    SERVICE_TEMPLATE_CREATED = "service_template.created"
    SERVICE_TEMPLATE_UPDATED = "service_template.updated"

    def __str__(self) -> str:
        return str(self.value)
