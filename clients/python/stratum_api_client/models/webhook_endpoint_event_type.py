from enum import StrEnum


class WebhookEndpointEventType(StrEnum):
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"
    WEBHOOK_ENDPOINT_RECOVERED = "webhook_endpoint.recovered"

    def __str__(self) -> str:
        return str(self.value)
