from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourceTypePatch")


@_attrs_define
class ResourceTypePatch:
    """Change a resource type. Absent fields stay as they are.

    Attributes:
        name (str | Unset):
        description (None | str | Unset):
        gateway (str | Unset):
    """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    gateway: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        gateway = self.gateway

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if gateway is not UNSET:
            field_dict["gateway"] = gateway

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        gateway = d.pop("gateway", UNSET)

        resource_type_patch = cls(
            name=name,
            description=description,
            gateway=gateway,
        )

        return resource_type_patch
