from enum import StrEnum


class ServerEventType(StrEnum):
    SERVER_CAPACITY_LOW = "server.capacity.low"
    SERVER_DECOMMISSIONED = "server.decommissioned"
    SERVER_READY = "server.ready"
    SERVER_REGISTERED = "server.registered"
    SERVER_UNREACHABLE = "server.unreachable"

    def __str__(self) -> str:
        return str(self.value)
