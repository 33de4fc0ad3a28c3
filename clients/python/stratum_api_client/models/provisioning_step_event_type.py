from enum import StrEnum


class ProvisioningStepEventType(StrEnum):
    PROVISIONING_STEP_COMPENSATED = "provisioning_step.compensated"
    PROVISIONING_STEP_FAILED = "provisioning_step.failed"
    PROVISIONING_STEP_SUCCEEDED = "provisioning_step.succeeded"

    def __str__(self) -> str:
        return str(self.value)
