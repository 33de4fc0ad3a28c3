from enum import StrEnum


class DomainEventType(StrEnum):
    DOMAIN_REGISTERED = "domain.registered"
    DOMAIN_REGISTRATION_FAILED = "domain.registration.failed"
    DOMAIN_RENEWED = "domain.renewed"
    DOMAIN_TRANSFERRED = "domain.transferred"

    def __str__(self) -> str:
        return str(self.value)
