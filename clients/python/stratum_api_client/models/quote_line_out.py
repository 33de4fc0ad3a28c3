from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quote_line_kind import QuoteLineKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="QuoteLineOut")


@_attrs_define
class QuoteLineOut:
    """One line of a quote.

    Attributes:
        kind (QuoteLineKind):
        description (str):
        quantity (str):
        amount (str): Rounded to the currency's minor units; negative for discounts.
        resource_type_id (None | str | Unset):
        unit_price (None | str | Unset): Unrounded; absent for tiered prices and discounts.
        discounted_line (int | None | Unset): For a discount: the index of the line it reduces.
    """

    kind: QuoteLineKind
    description: str
    quantity: str
    amount: str
    resource_type_id: None | str | Unset = UNSET
    unit_price: None | str | Unset = UNSET
    discounted_line: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        description = self.description

        quantity = self.quantity

        amount = self.amount

        resource_type_id: None | str | Unset
        if isinstance(self.resource_type_id, Unset):
            resource_type_id = UNSET
        else:
            resource_type_id = self.resource_type_id

        unit_price: None | str | Unset
        if isinstance(self.unit_price, Unset):
            unit_price = UNSET
        else:
            unit_price = self.unit_price

        discounted_line: int | None | Unset
        if isinstance(self.discounted_line, Unset):
            discounted_line = UNSET
        else:
            discounted_line = self.discounted_line

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "description": description,
                "quantity": quantity,
                "amount": amount,
            }
        )
        if resource_type_id is not UNSET:
            field_dict["resource_type_id"] = resource_type_id
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if discounted_line is not UNSET:
            field_dict["discounted_line"] = discounted_line

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = QuoteLineKind(d.pop("kind"))

        description = d.pop("description")

        quantity = d.pop("quantity")

        amount = d.pop("amount")

        def _parse_resource_type_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_type_id = _parse_resource_type_id(d.pop("resource_type_id", UNSET))

        def _parse_unit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_price = _parse_unit_price(d.pop("unit_price", UNSET))

        def _parse_discounted_line(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        discounted_line = _parse_discounted_line(d.pop("discounted_line", UNSET))

        quote_line_out = cls(
            kind=kind,
            description=description,
            quantity=quantity,
            amount=amount,
            resource_type_id=resource_type_id,
            unit_price=unit_price,
            discounted_line=discounted_line,
        )

        quote_line_out.additional_properties = d
        return quote_line_out

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
