from enum import StrEnum


class ProvisioningPlanEventType(StrEnum):
    PROVISIONING_COMPLETED = "provisioning.completed"
    PROVISIONING_FAILED = "provisioning.failed"
    PROVISIONING_ROLLED_BACK = "provisioning.rolled_back"
    PROVISIONING_STARTED = "provisioning.started"

    def __str__(self) -> str:
        return str(self.value)
