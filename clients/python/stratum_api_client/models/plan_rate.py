from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_price import UnitPrice


T = TypeVar("T", bound="PlanRate")


@_attrs_define
class PlanRate:
    """What a plan charges for one resource beyond what it includes.

    Attributes:
        resource_type_id (str): A resource type of the plan's template.
        included (None | str | Unset): Units included; the template's amount when absent.
        maximum (None | str | Unset): The most a subscription may have; the template's when absent.
        setup_fee (None | UnitPrice | Unset):
        recurring_fee (None | UnitPrice | Unset):
        overage (None | UnitPrice | Unset):
    """

    resource_type_id: str
    included: None | str | Unset = UNSET
    maximum: None | str | Unset = UNSET
    setup_fee: None | UnitPrice | Unset = UNSET
    recurring_fee: None | UnitPrice | Unset = UNSET
    overage: None | UnitPrice | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.unit_price import UnitPrice  # noqa: PLC0415

        resource_type_id = self.resource_type_id

        included: None | str | Unset
        if isinstance(self.included, Unset):
            included = UNSET
        else:
            included = self.included

        maximum: None | str | Unset
        if isinstance(self.maximum, Unset):
            maximum = UNSET
        else:
            maximum = self.maximum

        setup_fee: dict[str, Any] | None | Unset
        if isinstance(self.setup_fee, Unset):
            setup_fee = UNSET
        elif isinstance(self.setup_fee, UnitPrice):
            setup_fee = self.setup_fee.to_dict()
        else:
            setup_fee = self.setup_fee

        recurring_fee: dict[str, Any] | None | Unset
        if isinstance(self.recurring_fee, Unset):
            recurring_fee = UNSET
        elif isinstance(self.recurring_fee, UnitPrice):
            recurring_fee = self.recurring_fee.to_dict()
        else:
            recurring_fee = self.recurring_fee

        overage: dict[str, Any] | None | Unset
        if isinstance(self.overage, Unset):
            overage = UNSET
        elif isinstance(self.overage, UnitPrice):
            overage = self.overage.to_dict()
        else:
            overage = self.overage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resource_type_id": resource_type_id,
            }
        )
        if included is not UNSET:
            field_dict["included"] = included
        if maximum is not UNSET:
            field_dict["maximum"] = maximum
        if setup_fee is not UNSET:
            field_dict["setup_fee"] = setup_fee
        if recurring_fee is not UNSET:
            field_dict["recurring_fee"] = recurring_fee
        if overage is not UNSET:
            field_dict["overage"] = overage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_price import UnitPrice  # noqa: PLC0415

        d = dict(src_dict)
        resource_type_id = d.pop("resource_type_id")

        def _parse_included(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        included = _parse_included(d.pop("included", UNSET))

        def _parse_maximum(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        maximum = _parse_maximum(d.pop("maximum", UNSET))

        def _parse_setup_fee(data: object) -> None | UnitPrice | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                setup_fee_type_0 = UnitPrice.from_dict(data)

                return setup_fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitPrice | Unset, data)

        setup_fee = _parse_setup_fee(d.pop("setup_fee", UNSET))

        def _parse_recurring_fee(data: object) -> None | UnitPrice | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recurring_fee_type_0 = UnitPrice.from_dict(data)

                return recurring_fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitPrice | Unset, data)

        recurring_fee = _parse_recurring_fee(d.pop("recurring_fee", UNSET))

        def _parse_overage(data: object) -> None | UnitPrice | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                overage_type_0 = UnitPrice.from_dict(data)

                return overage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitPrice | Unset, data)

        overage = _parse_overage(d.pop("overage", UNSET))

        plan_rate = cls(
            resource_type_id=resource_type_id,
            included=included,
            maximum=maximum,
            setup_fee=setup_fee,
            recurring_fee=recurring_fee,
            overage=overage,
        )

        return plan_rate
