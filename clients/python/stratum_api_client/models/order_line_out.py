from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_line_out_parameters import OrderLineOutParameters
    from ..models.quote_out import QuoteOut
    from ..models.quote_resource import QuoteResource


T = TypeVar("T", bound="OrderLineOut")


@_attrs_define
class OrderLineOut:
    """One line of an order: what was asked for and its price, fixed when the order was placed.

    Attributes:
        plan_id (str):
        resources (list[QuoteResource]):
        parameters (OrderLineOutParameters):
        price (QuoteOut): An itemised price: `total` is exactly the sum of the lines' amounts.
        months (int | None | Unset):
        days (int | None | Unset):
    """

    plan_id: str
    resources: list[QuoteResource]
    parameters: OrderLineOutParameters
    price: QuoteOut
    months: int | None | Unset = UNSET
    days: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        resources = []
        for resources_item_data in self.resources:
            resources_item = resources_item_data.to_dict()
            resources.append(resources_item)

        parameters = self.parameters.to_dict()

        price = self.price.to_dict()

        months: int | None | Unset
        if isinstance(self.months, Unset):
            months = UNSET
        else:
            months = self.months

        days: int | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        else:
            days = self.days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "resources": resources,
                "parameters": parameters,
                "price": price,
            }
        )
        if months is not UNSET:
            field_dict["months"] = months
        if days is not UNSET:
            field_dict["days"] = days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line_out_parameters import OrderLineOutParameters  # noqa: PLC0415
        from ..models.quote_out import QuoteOut  # noqa: PLC0415
        from ..models.quote_resource import QuoteResource  # noqa: PLC0415

        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        resources = []
        _resources = d.pop("resources")
        for resources_item_data in _resources:
            resources_item = QuoteResource.from_dict(resources_item_data)

            resources.append(resources_item)

        parameters = OrderLineOutParameters.from_dict(d.pop("parameters"))

        price = QuoteOut.from_dict(d.pop("price"))

        def _parse_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        months = _parse_months(d.pop("months", UNSET))

        def _parse_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))

        order_line_out = cls(
            plan_id=plan_id,
            resources=resources,
            parameters=parameters,
            price=price,
            months=months,
            days=days,
        )

        order_line_out.additional_properties = d
        return order_line_out

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
