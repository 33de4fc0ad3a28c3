from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourceTypeIn")


@_attrs_define
class ResourceTypeIn:
    """Define a resource type.

    Attributes:
        name (str):
        unit (str): The unit quantities are counted in: `item`, `GB`, `GB-month`, `hour`, `mailbox`, …
        gateway (str): The provisioning gateway that delivers it (`plesk`, `kvm`, `simulated`).
        account_id (None | str | Unset): Defaults to the caller's account; the type is usable in its subtree.
        description (None | str | Unset):
        metered (bool | Unset): Whether use is measured (usage records, overage) rather than a fixed limit.
    """

    name: str
    unit: str
    gateway: str
    account_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    metered: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        unit = self.unit

        gateway = self.gateway

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        metered = self.metered

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "unit": unit,
                "gateway": gateway,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if description is not UNSET:
            field_dict["description"] = description
        if metered is not UNSET:
            field_dict["metered"] = metered

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        unit = d.pop("unit")

        gateway = d.pop("gateway")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        metered = d.pop("metered", UNSET)

        resource_type_in = cls(
            name=name,
            unit=unit,
            gateway=gateway,
            account_id=account_id,
            description=description,
            metered=metered,
        )

        return resource_type_in
