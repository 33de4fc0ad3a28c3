from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.pricing_model import PricingModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price_tier import PriceTier


T = TypeVar("T", bound="UnitPrice")


@_attrs_define
class UnitPrice:
    """How units are priced: `flat` with `unit_price`, or `volume`/`graduated` with `tiers`.

    Attributes:
        model (PricingModel):
        unit_price (None | str | Unset):
        tiers (list[PriceTier] | None | Unset):
    """

    model: PricingModel
    unit_price: None | str | Unset = UNSET
    tiers: list[PriceTier] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        unit_price: None | str | Unset
        if isinstance(self.unit_price, Unset):
            unit_price = UNSET
        else:
            unit_price = self.unit_price

        tiers: list[dict[str, Any]] | None | Unset
        if isinstance(self.tiers, Unset):
            tiers = UNSET
        elif isinstance(self.tiers, list):
            tiers = []
            for tiers_type_0_item_data in self.tiers:
                tiers_type_0_item = tiers_type_0_item_data.to_dict()
                tiers.append(tiers_type_0_item)

        else:
            tiers = self.tiers

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
            }
        )
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if tiers is not UNSET:
            field_dict["tiers"] = tiers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price_tier import PriceTier  # noqa: PLC0415

        d = dict(src_dict)
        model = PricingModel(d.pop("model"))

        def _parse_unit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_price = _parse_unit_price(d.pop("unit_price", UNSET))

        def _parse_tiers(data: object) -> list[PriceTier] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tiers_type_0 = []
                _tiers_type_0 = data
                for tiers_type_0_item_data in _tiers_type_0:
                    tiers_type_0_item = PriceTier.from_dict(tiers_type_0_item_data)

                    tiers_type_0.append(tiers_type_0_item)

                return tiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PriceTier] | None | Unset, data)

        tiers = _parse_tiers(d.pop("tiers", UNSET))

        unit_price = cls(
            model=model,
            unit_price=unit_price,
            tiers=tiers,
        )

        return unit_price
