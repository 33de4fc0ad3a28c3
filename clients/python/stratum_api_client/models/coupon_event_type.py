from enum import StrEnum


class CouponEventType(StrEnum):
    COUPON_REDEEMED = "coupon.redeemed"

    def __str__(self) -> str:
        return str(self.value)
