from enum import StrEnum


class GatewayEventType(StrEnum):
    GATEWAY_RECOVERED = "gateway.recovered"
    GATEWAY_UNREACHABLE = "gateway.unreachable"

    def __str__(self) -> str:
        return str(self.value)
