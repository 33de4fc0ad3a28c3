from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.permission_name import PermissionName
from ..types import UNSET, Unset

T = TypeVar("T", bound="RolePatch")


@_attrs_define
class RolePatch:
    """Change a custom role. Absent fields stay as they are.

    Attributes:
        name (str | Unset):
        description (str | Unset):
        permissions (list[PermissionName] | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    permissions: list[PermissionName] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        permissions: list[str] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = []
            for permissions_item_data in self.permissions:
                permissions_item = permissions_item_data.value
                permissions.append(permissions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _permissions = d.pop("permissions", UNSET)
        permissions: list[PermissionName] | Unset = UNSET
        if _permissions is not UNSET:
            permissions = []
            for permissions_item_data in _permissions:
                permissions_item = PermissionName(permissions_item_data)

                permissions.append(permissions_item)

        role_patch = cls(
            name=name,
            description=description,
            permissions=permissions,
        )

        return role_patch
