from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlanGrantIn")


@_attrs_define
class PlanGrantIn:
    """Give a plan to a child reseller to sell.

    Attributes:
        account_id (str): A reseller whose parent is the granting account.
    """

    account_id: str

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        plan_grant_in = cls(
            account_id=account_id,
        )

        return plan_grant_in
