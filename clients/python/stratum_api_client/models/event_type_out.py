from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventTypeOut")


@_attrs_define
class EventTypeOut:
    """One type of the event catalog.

    Attributes:
        type_ (str): The wire name (`order.placed`).
        domain (str): `billing` or `provisioning`.
        object_ (str): The kind of object whose snapshot the event carries.
        description (str): When it fires.
        legacy_name (None | str | Unset): Its name in the Parallels Business/Operations Automation event manager, if
            known.
    """

    type_: str
    domain: str
    object_: str
    description: str
    legacy_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        domain = self.domain

        object_ = self.object_

        description = self.description

        legacy_name: None | str | Unset
        if isinstance(self.legacy_name, Unset):
            legacy_name = UNSET
        else:
            legacy_name = self.legacy_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "domain": domain,
                "object": object_,
                "description": description,
            }
        )
        if legacy_name is not UNSET:
            field_dict["legacy_name"] = legacy_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        domain = d.pop("domain")

        object_ = d.pop("object")

        description = d.pop("description")

        def _parse_legacy_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legacy_name = _parse_legacy_name(d.pop("legacy_name", UNSET))

        event_type_out = cls(
            type_=type_,
            domain=domain,
            object_=object_,
            description=description,
            legacy_name=legacy_name,
        )

        event_type_out.additional_properties = d
        return event_type_out

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
