from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CouponPatch")


@_attrs_define
class CouponPatch:
    """Change a coupon. Absent fields stay as they are.

    Attributes:
        name (str | Unset):
        valid_until (datetime.datetime | None | Unset):
        max_redemptions (int | None | Unset):
        plan_ids (list[str] | Unset):
    """

    name: str | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    max_redemptions: int | None | Unset = UNSET
    plan_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

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

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
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
        name = d.pop("name", UNSET)

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

        coupon_patch = cls(
            name=name,
            valid_until=valid_until,
            max_redemptions=max_redemptions,
            plan_ids=plan_ids,
        )

        return coupon_patch
