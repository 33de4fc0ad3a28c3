from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.discount_applies_to import DiscountAppliesTo
from ..types import UNSET, Unset

T = TypeVar("T", bound="CouponIn")


@_attrs_define
class CouponIn:
    """A coupon (with a `code`) or an automatic promotion (without).

    Attributes:
        name (str):
        applies_to (DiscountAppliesTo):
        account_id (None | str | Unset): Defaults to the caller's account.
        code (None | str | Unset): What customers enter (`WELCOME10`; letters, digits, `-`, `_`), unique per account;
            absent for a promotion, which applies by itself.
        percent (None | str | Unset): Give `percent` (0–100) or `amount` (in `currency`), not both.
        amount (None | str | Unset):
        currency (None | str | Unset):
        duration_periods (int | None | Unset): Billing periods it reduces; forever when absent.
        valid_from (datetime.datetime | None | Unset):
        valid_until (datetime.datetime | None | Unset):
        max_redemptions (int | None | Unset): How many orders may redeem it; unlimited when absent.
        plan_ids (list[str] | Unset): The plans it is for (of the account's catalog); every plan when empty.
    """

    name: str
    applies_to: DiscountAppliesTo
    account_id: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    percent: None | str | Unset = UNSET
    amount: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    duration_periods: int | None | Unset = UNSET
    valid_from: datetime.datetime | None | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    max_redemptions: int | None | Unset = UNSET
    plan_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        applies_to = self.applies_to.value

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        percent: None | str | Unset
        if isinstance(self.percent, Unset):
            percent = UNSET
        else:
            percent = self.percent

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        duration_periods: int | None | Unset
        if isinstance(self.duration_periods, Unset):
            duration_periods = UNSET
        else:
            duration_periods = self.duration_periods

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.datetime):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        max_redemptions: int | None | Unset
        if isinstance(self.max_redemptions, Unset):
            max_redemptions = UNSET
        else:
            max_redemptions = self.max_redemptions

        plan_ids: list[str] | Unset = UNSET
        if not isinstance(self.plan_ids, Unset):
            plan_ids = self.plan_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "applies_to": applies_to,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if code is not UNSET:
            field_dict["code"] = code
        if percent is not UNSET:
            field_dict["percent"] = percent
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if duration_periods is not UNSET:
            field_dict["duration_periods"] = duration_periods
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if max_redemptions is not UNSET:
            field_dict["max_redemptions"] = max_redemptions
        if plan_ids is not UNSET:
            field_dict["plan_ids"] = plan_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        applies_to = DiscountAppliesTo(d.pop("applies_to"))

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        percent = _parse_percent(d.pop("percent", UNSET))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_duration_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_periods = _parse_duration_periods(d.pop("duration_periods", UNSET))

        def _parse_valid_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.datetime.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        def _parse_max_redemptions(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_redemptions = _parse_max_redemptions(d.pop("max_redemptions", UNSET))

        plan_ids = cast(list[str], d.pop("plan_ids", UNSET))

        coupon_in = cls(
            name=name,
            applies_to=applies_to,
            account_id=account_id,
            code=code,
            percent=percent,
            amount=amount,
            currency=currency,
            duration_periods=duration_periods,
            valid_from=valid_from,
            valid_until=valid_until,
            max_redemptions=max_redemptions,
            plan_ids=plan_ids,
        )

        return coupon_in
