from enum import StrEnum


class HostedDomainEventType(StrEnum):
    HOSTED_DOMAIN_ADDED = "hosted_domain.added"
    HOSTED_DOMAIN_REMOVED = "hosted_domain.removed"

    def __str__(self) -> str:
        return str(self.value)
