from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.user_status import UserStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserPatch")


@_attrs_define
class UserPatch:
    """Change a user. Absent fields stay as they are.

    Attributes:
        name (str | Unset):
        role (str | Unset):
        status (UserStatus | Unset):
    """

    name: str | Unset = UNSET
    role: str | Unset = UNSET
    status: UserStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role = self.role

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if role is not UNSET:
            field_dict["role"] = role
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        role = d.pop("role", UNSET)

        _status = d.pop("status", UNSET)
        status: UserStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = UserStatus(_status)

        user_patch = cls(
            name=name,
            role=role,
            status=status,
        )

        return user_patch
