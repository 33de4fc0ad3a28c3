from enum import StrEnum


class AccountEventType(StrEnum):
    ACCOUNT_BALANCE_ADJUSTED = "account.balance.adjusted"
    ACCOUNT_CANCELLED = "account.cancelled"
    ACCOUNT_CREATED = "account.created"
    ACCOUNT_HOLD_PLACED = "account.hold.placed"
    ACCOUNT_HOLD_RELEASED = "account.hold.released"
    ACCOUNT_REACTIVATED = "account.reactivated"
    ACCOUNT_SUSPENDED = "account.suspended"
    ACCOUNT_UPDATED = "account.updated"
    AFFILIATE_COMMISSION_EARNED = "affiliate.commission.earned"
    DUNNING_RESOLVED = "dunning.resolved"
    DUNNING_STEP_EXECUTED = "dunning.step.executed"

    def __str__(self) -> str:
        return str(self.value)
