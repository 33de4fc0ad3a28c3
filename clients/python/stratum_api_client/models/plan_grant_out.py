from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanGrantOut")


@_attrs_define
class PlanGrantOut:
    """A reseller's right to sell a plan.

    Attributes:
        plan_id (str):
        account_id (str):
        granted_by (str): The account that gave it.
        created_at (datetime.datetime):
    """

    plan_id: str
    account_id: str
    granted_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        account_id = self.account_id

        granted_by = self.granted_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "account_id": account_id,
                "granted_by": granted_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        account_id = d.pop("account_id")

        granted_by = d.pop("granted_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        plan_grant_out = cls(
            plan_id=plan_id,
            account_id=account_id,
            granted_by=granted_by,
            created_at=created_at,
        )

        plan_grant_out.additional_properties = d
        return plan_grant_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
