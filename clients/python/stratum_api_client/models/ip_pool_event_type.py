from enum import StrEnum


class IpPoolEventType(StrEnum):
    IP_POOL_CREATED = "ip_pool.created"
    IP_POOL_EXHAUSTED = "ip_pool.exhausted"

    def __str__(self) -> str:
        return str(self.value)
