from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.catalog_status import CatalogStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_period import PlanPeriod
    from ..models.plan_rate import PlanRate


T = TypeVar("T", bound="PlanOut")


@_attrs_define
class PlanOut:
    """A service plan.

    Attributes:
        id (str):
        account_id (str):
        service_template_id (str):
        name (str):
        currency (str):
        categories (list[str]):
        periods (list[PlanPeriod]):
        rates (list[PlanRate]): Every resource of the template, with the included amount and maximum in force.
        upgrade_to (list[str]):
        status (CatalogStatus):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        base_plan_id (None | str | Unset):
        description (None | str | Unset):
        available_from (datetime.datetime | None | Unset):
        available_until (datetime.datetime | None | Unset):
    """

    id: str
    account_id: str
    service_template_id: str
    name: str
    currency: str
    categories: list[str]
    periods: list[PlanPeriod]
    rates: list[PlanRate]
    upgrade_to: list[str]
    status: CatalogStatus
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    base_plan_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    available_from: datetime.datetime | None | Unset = UNSET
    available_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        service_template_id = self.service_template_id

        name = self.name

        currency = self.currency

        categories = self.categories

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        rates = []
        for rates_item_data in self.rates:
            rates_item = rates_item_data.to_dict()
            rates.append(rates_item)

        upgrade_to = self.upgrade_to

        status = self.status.value

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        base_plan_id: None | str | Unset
        if isinstance(self.base_plan_id, Unset):
            base_plan_id = UNSET
        else:
            base_plan_id = self.base_plan_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "service_template_id": service_template_id,
                "name": name,
                "currency": currency,
                "categories": categories,
                "periods": periods,
                "rates": rates,
                "upgrade_to": upgrade_to,
                "status": status,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if base_plan_id is not UNSET:
            field_dict["base_plan_id"] = base_plan_id
        if description is not UNSET:
            field_dict["description"] = description
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
        id = d.pop("id")

        account_id = d.pop("account_id")

        service_template_id = d.pop("service_template_id")

        name = d.pop("name")

        currency = d.pop("currency")

        categories = cast(list[str], d.pop("categories"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = PlanPeriod.from_dict(periods_item_data)

            periods.append(periods_item)

        rates = []
        _rates = d.pop("rates")
        for rates_item_data in _rates:
            rates_item = PlanRate.from_dict(rates_item_data)

            rates.append(rates_item)

        upgrade_to = cast(list[str], d.pop("upgrade_to"))

        status = CatalogStatus(d.pop("status"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_base_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_plan_id = _parse_base_plan_id(d.pop("base_plan_id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        plan_out = cls(
            id=id,
            account_id=account_id,
            service_template_id=service_template_id,
            name=name,
            currency=currency,
            categories=categories,
            periods=periods,
            rates=rates,
            upgrade_to=upgrade_to,
            status=status,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            base_plan_id=base_plan_id,
            description=description,
            available_from=available_from,
            available_until=available_until,
        )

        plan_out.additional_properties = d
        return plan_out

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
