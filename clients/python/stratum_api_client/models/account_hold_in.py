from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.hold_type import HoldType

T = TypeVar("T", bound="AccountHoldIn")


@_attrs_define
class AccountHoldIn:
    """Place a hold on an account.

    Attributes:
        hold_type (HoldType): Why an account is on hold.
    """

    hold_type: HoldType

    def to_dict(self) -> dict[str, Any]:
        hold_type = self.hold_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hold_type": hold_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hold_type = HoldType(d.pop("hold_type"))

        account_hold_in = cls(
            hold_type=hold_type,
        )

        return account_hold_in
