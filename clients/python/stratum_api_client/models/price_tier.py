from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PriceTier")


@_attrs_define
class PriceTier:
    """One tier; bounds count the units above the included amount.

    Attributes:
        unit_price (str):
        up_to (None | str | Unset): Inclusive upper bound; absent on the last tier for no bound.
        flat_fee (None | str | Unset): Added once when the tier prices any unit.
    """

    unit_price: str
    up_to: None | str | Unset = UNSET
    flat_fee: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit_price = self.unit_price

        up_to: None | str | Unset
        if isinstance(self.up_to, Unset):
            up_to = UNSET
        else:
            up_to = self.up_to

        flat_fee: None | str | Unset
        if isinstance(self.flat_fee, Unset):
            flat_fee = UNSET
        else:
            flat_fee = self.flat_fee

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit_price": unit_price,
            }
        )
        if up_to is not UNSET:
            field_dict["up_to"] = up_to
        if flat_fee is not UNSET:
            field_dict["flat_fee"] = flat_fee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_price = d.pop("unit_price")

        def _parse_up_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        up_to = _parse_up_to(d.pop("up_to", UNSET))

        def _parse_flat_fee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        flat_fee = _parse_flat_fee(d.pop("flat_fee", UNSET))

        price_tier = cls(
            unit_price=unit_price,
            up_to=up_to,
            flat_fee=flat_fee,
        )

        return price_tier
