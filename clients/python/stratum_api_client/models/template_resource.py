from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateResource")


@_attrs_define
class TemplateResource:
    """A resource of a template: how much a subscription includes and may grow to.

    Attributes:
        resource_type_id (str):
        included (str): Units included; at least 0.
        maximum (None | str | Unset): The most a subscription may have, included units counted; none for no limit.
    """

    resource_type_id: str
    included: str
    maximum: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resource_type_id = self.resource_type_id

        included = self.included

        maximum: None | str | Unset
        if isinstance(self.maximum, Unset):
            maximum = UNSET
        else:
            maximum = self.maximum

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resource_type_id": resource_type_id,
                "included": included,
            }
        )
        if maximum is not UNSET:
            field_dict["maximum"] = maximum

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_type_id = d.pop("resource_type_id")

        included = d.pop("included")

        def _parse_maximum(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        maximum = _parse_maximum(d.pop("maximum", UNSET))

        template_resource = cls(
            resource_type_id=resource_type_id,
            included=included,
            maximum=maximum,
        )

        return template_resource
