from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_period import PlanPeriod
    from ..models.plan_rate import PlanRate


T = TypeVar("T", bound="PlanPatch")


@_attrs_define
class PlanPatch:
    """Change a plan (raises `plan.updated` with the previous values). Absent fields stay.

    Attributes:
        name (str | Unset):
        description (None | str | Unset):
        categories (list[str] | Unset):
        periods (list[PlanPeriod] | Unset):
        rates (list[PlanRate] | Unset):
        upgrade_to (list[str] | Unset):
        available_from (datetime.datetime | None | Unset):
        available_until (datetime.datetime | None | Unset):
    """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    categories: list[str] | Unset = UNSET
    periods: list[PlanPeriod] | Unset = UNSET
    rates: list[PlanRate] | Unset = UNSET
    upgrade_to: list[str] | Unset = UNSET
    available_from: datetime.datetime | None | Unset = UNSET
    available_until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories

        periods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.periods, Unset):
            periods = []
            for periods_item_data in self.periods:
                periods_item = periods_item_data.to_dict()
                periods.append(periods_item)

        rates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rates, Unset):
            rates = []
            for rates_item_data in self.rates:
                rates_item = rates_item_data.to_dict()
                rates.append(rates_item)

        upgrade_to: list[str] | Unset = UNSET
        if not isinstance(self.upgrade_to, Unset):
            upgrade_to = self.upgrade_to

        available_from: None | str | Unset
        if isinstance(self.available_from, Unset):
            available_from = UNSET
        elif isinstance(self.available_from, datetime.datetime):
            available_from = self.available_from.isoformat()
        else:
            available_from = self.available_from

        available_until: None | str | Unset
        if isinstance(self.available_until, Unset):
            available_until = UNSET
        elif isinstance(self.available_until, datetime.datetime):
            available_until = self.available_until.isoformat()
        else:
            available_until = self.available_until

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if categories is not UNSET:
            field_dict["categories"] = categories
        if periods is not UNSET:
            field_dict["periods"] = periods
        if rates is not UNSET:
            field_dict["rates"] = rates
        if upgrade_to is not UNSET:
            field_dict["upgrade_to"] = upgrade_to
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if available_until is not UNSET:
            field_dict["available_until"] = available_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_period import PlanPeriod  # noqa: PLC0415
        from ..models.plan_rate import PlanRate  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        categories = cast(list[str], d.pop("categories", UNSET))

        _periods = d.pop("periods", UNSET)
        periods: list[PlanPeriod] | Unset = UNSET
        if _periods is not UNSET:
            periods = []
            for periods_item_data in _periods:
                periods_item = PlanPeriod.from_dict(periods_item_data)

                periods.append(periods_item)

        _rates = d.pop("rates", UNSET)
        rates: list[PlanRate] | Unset = UNSET
        if _rates is not UNSET:
            rates = []
            for rates_item_data in _rates:
                rates_item = PlanRate.from_dict(rates_item_data)

                rates.append(rates_item)

        upgrade_to = cast(list[str], d.pop("upgrade_to", UNSET))

        def _parse_available_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                available_from_type_0 = datetime.datetime.fromisoformat(data)

                return available_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        available_from = _parse_available_from(d.pop("available_from", UNSET))

        def _parse_available_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                available_until_type_0 = datetime.datetime.fromisoformat(data)

                return available_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        available_until = _parse_available_until(d.pop("available_until", UNSET))

        plan_patch = cls(
            name=name,
            description=description,
            categories=categories,
            periods=periods,
            rates=rates,
            upgrade_to=upgrade_to,
            available_from=available_from,
            available_until=available_until,
        )

        return plan_patch
