from enum import StrEnum


class AccountKind(StrEnum):
    CUSTOMER = "customer"
    PROVIDER = "provider"
    RESELLER = "reseller"

    def __str__(self) -> str:
        return str(self.value)
