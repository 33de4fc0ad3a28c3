from enum import StrEnum


class IpAddressEventType(StrEnum):
    IP_ADDRESS_ALLOCATED = "ip_address.allocated"
    IP_ADDRESS_RELEASED = "ip_address.released"

    def __str__(self) -> str:
        return str(self.value)
