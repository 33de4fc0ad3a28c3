from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="QuoteResource")


@_attrs_define
class QuoteResource:
    """A resource quantity wanted, included units counted.

    Attributes:
        resource_type_id (str):
        quantity (str):
    """

    resource_type_id: str
    quantity: str

    def to_dict(self) -> dict[str, Any]:
        resource_type_id = self.resource_type_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resource_type_id": resource_type_id,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_type_id = d.pop("resource_type_id")

        quantity = d.pop("quantity")

        quote_resource = cls(
            resource_type_id=resource_type_id,
            quantity=quantity,
        )

        return quote_resource
