from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_period import PlanPeriod
    from ..models.plan_rate import PlanRate


T = TypeVar("T", bound="PlanIn")


@_attrs_define
class PlanIn:
    """Create a plan: on a service template (the provider), or on a plan granted by the
    parent account (an advanced reseller, whose prices then are its retail prices and the
    parent's its wholesale cost).

        Attributes:
            name (str):
            currency (str): An ISO 4217 currency code (`USD`, `EUR`, `JPY`).
            periods (list[PlanPeriod]): 1 to 12 periods, each length once.
            account_id (None | str | Unset): Defaults to the caller's account.
            service_template_id (None | str | Unset): The template priced; give it or `base_plan_id`.
            base_plan_id (None | str | Unset): A plan granted to the account by its parent, to sell at the account's own
                prices.
            description (None | str | Unset):
            categories (list[str] | Unset): Up to 20 free labels for storefronts (`shared-hosting`, `vps`), each 1 to 64
                characters.
            rates (list[PlanRate] | Unset):
            upgrade_to (list[str] | Unset): Plans a subscription of this plan may move to (upgrade or downgrade).
            available_from (datetime.datetime | None | Unset): On sale from (default: now) …
            available_until (datetime.datetime | None | Unset): … until (default: no end).
    """

    name: str
    currency: str
    periods: list[PlanPeriod]
    account_id: None | str | Unset = UNSET
    service_template_id: None | str | Unset = UNSET
    base_plan_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    categories: list[str] | Unset = UNSET
    rates: list[PlanRate] | Unset = UNSET
    upgrade_to: list[str] | Unset = UNSET
    available_from: datetime.datetime | None | Unset = UNSET
    available_until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        currency = self.currency

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        service_template_id: None | str | Unset
        if isinstance(self.service_template_id, Unset):
            service_template_id = UNSET
        else:
            service_template_id = self.service_template_id

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

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories

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

        field_dict.update(
            {
                "name": name,
                "currency": currency,
                "periods": periods,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if service_template_id is not UNSET:
            field_dict["service_template_id"] = service_template_id
        if base_plan_id is not UNSET:
            field_dict["base_plan_id"] = base_plan_id
        if description is not UNSET:
            field_dict["description"] = description
        if categories is not UNSET:
            field_dict["categories"] = categories
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
        name = d.pop("name")

        currency = d.pop("currency")

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = PlanPeriod.from_dict(periods_item_data)

            periods.append(periods_item)

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_service_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_template_id = _parse_service_template_id(d.pop("service_template_id", UNSET))

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

        categories = cast(list[str], d.pop("categories", UNSET))

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

        plan_in = cls(
            name=name,
            currency=currency,
            periods=periods,
            account_id=account_id,
            service_template_id=service_template_id,
            base_plan_id=base_plan_id,
            description=description,
            categories=categories,
            rates=rates,
            upgrade_to=upgrade_to,
            available_from=available_from,
            available_until=available_until,
        )

        return plan_in
