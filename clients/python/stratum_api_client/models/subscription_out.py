from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quote_resource import QuoteResource


T = TypeVar("T", bound="SubscriptionOut")


@_attrs_define
class SubscriptionOut:
    """A subscription to a plan.

    Attributes:
        id (str):
        account_id (str): The customer.
        seller_id (str): The account that sold it (the order's seller).
        plan_id (str):
        order_id (str): The order it came from, and its line there (from 0).
        order_line (int):
        status (SubscriptionStatus):
        current_period_start (datetime.datetime): The current period: the trial while it lasts, else the first paid
            period.
        current_period_end (datetime.datetime):
        resources (list[QuoteResource]): The resources bought beyond the plan's included amounts, as the order line had
            them.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        months (int | None | Unset): The billing period's length: `months` or `days`.
        days (int | None | Unset):
        trial_ends_at (datetime.datetime | None | Unset): When the trial ends, for a subscription that started with one.
    """

    id: str
    account_id: str
    seller_id: str
    plan_id: str
    order_id: str
    order_line: int
    status: SubscriptionStatus
    current_period_start: datetime.datetime
    current_period_end: datetime.datetime
    resources: list[QuoteResource]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    months: int | None | Unset = UNSET
    days: int | None | Unset = UNSET
    trial_ends_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        seller_id = self.seller_id

        plan_id = self.plan_id

        order_id = self.order_id

        order_line = self.order_line

        status = self.status.value

        current_period_start = self.current_period_start.isoformat()

        current_period_end = self.current_period_end.isoformat()

        resources = []
        for resources_item_data in self.resources:
            resources_item = resources_item_data.to_dict()
            resources.append(resources_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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

        trial_ends_at: None | str | Unset
        if isinstance(self.trial_ends_at, Unset):
            trial_ends_at = UNSET
        elif isinstance(self.trial_ends_at, datetime.datetime):
            trial_ends_at = self.trial_ends_at.isoformat()
        else:
            trial_ends_at = self.trial_ends_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "seller_id": seller_id,
                "plan_id": plan_id,
                "order_id": order_id,
                "order_line": order_line,
                "status": status,
                "current_period_start": current_period_start,
                "current_period_end": current_period_end,
                "resources": resources,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if months is not UNSET:
            field_dict["months"] = months
        if days is not UNSET:
            field_dict["days"] = days
        if trial_ends_at is not UNSET:
            field_dict["trial_ends_at"] = trial_ends_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_resource import QuoteResource  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        seller_id = d.pop("seller_id")

        plan_id = d.pop("plan_id")

        order_id = d.pop("order_id")

        order_line = d.pop("order_line")

        status = SubscriptionStatus(d.pop("status"))

        current_period_start = datetime.datetime.fromisoformat(d.pop("current_period_start"))

        current_period_end = datetime.datetime.fromisoformat(d.pop("current_period_end"))

        resources = []
        _resources = d.pop("resources")
        for resources_item_data in _resources:
            resources_item = QuoteResource.from_dict(resources_item_data)

            resources.append(resources_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_trial_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trial_ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return trial_ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        trial_ends_at = _parse_trial_ends_at(d.pop("trial_ends_at", UNSET))

        subscription_out = cls(
            id=id,
            account_id=account_id,
            seller_id=seller_id,
            plan_id=plan_id,
            order_id=order_id,
            order_line=order_line,
            status=status,
            current_period_start=current_period_start,
            current_period_end=current_period_end,
            resources=resources,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            months=months,
            days=days,
            trial_ends_at=trial_ends_at,
        )

        subscription_out.additional_properties = d
        return subscription_out

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
