from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_line_in_parameters import OrderLineInParameters
    from ..models.quote_resource import QuoteResource


T = TypeVar("T", bound="OrderLineIn")


@_attrs_define
class OrderLineIn:
    """One plan bought: the same fields as a quote (`QuoteIn`).

    Attributes:
        plan_id (str):
        months (int | None | Unset): The period's length: `months` or `days` as the plan defines it.
        days (int | None | Unset):
        resources (list[QuoteResource] | Unset): Resources beyond the plan's included amounts; others stay at the
            included amount.
        parameters (OrderLineInParameters | Unset): The order parameters the plan's service template asks for, by name
            (`{"domain": "example.com"}`): every required one, each as its definition says.
    """

    plan_id: str
    months: int | None | Unset = UNSET
    days: int | None | Unset = UNSET
    resources: list[QuoteResource] | Unset = UNSET
    parameters: OrderLineInParameters | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

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

        resources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = []
            for resources_item_data in self.resources:
                resources_item = resources_item_data.to_dict()
                resources.append(resources_item)

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "plan_id": plan_id,
            }
        )
        if months is not UNSET:
            field_dict["months"] = months
        if days is not UNSET:
            field_dict["days"] = days
        if resources is not UNSET:
            field_dict["resources"] = resources
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line_in_parameters import OrderLineInParameters  # noqa: PLC0415
        from ..models.quote_resource import QuoteResource  # noqa: PLC0415

        d = dict(src_dict)
        plan_id = d.pop("plan_id")

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

        _resources = d.pop("resources", UNSET)
        resources: list[QuoteResource] | Unset = UNSET
        if _resources is not UNSET:
            resources = []
            for resources_item_data in _resources:
                resources_item = QuoteResource.from_dict(resources_item_data)

                resources.append(resources_item)

        _parameters = d.pop("parameters", UNSET)
        parameters: OrderLineInParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = OrderLineInParameters.from_dict(_parameters)

        order_line_in = cls(
            plan_id=plan_id,
            months=months,
            days=days,
            resources=resources,
            parameters=parameters,
        )

        return order_line_in
