from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanPeriod")


@_attrs_define
class PlanPeriod:
    """A billing period: a number of months (1, 3, 6, 12, 24, 36) or of days, with its fees.

    Attributes:
        setup_fee (str): Charged once, with the first period.
        recurring_fee (str): Charged for the whole first period.
        months (int | None | Unset): Give `months` or `days`, not both.
        days (int | None | Unset):
        renewal_fee (None | str | Unset): Charged for the whole period at each renewal; the recurring fee when absent.
        trial_days (int | None | Unset): A free trial at the start, in days (0 or absent: none).
        trial_waives_setup (bool | None | Unset): Whether the trial also waives the setup fees.
    """

    setup_fee: str
    recurring_fee: str
    months: int | None | Unset = UNSET
    days: int | None | Unset = UNSET
    renewal_fee: None | str | Unset = UNSET
    trial_days: int | None | Unset = UNSET
    trial_waives_setup: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        setup_fee = self.setup_fee

        recurring_fee = self.recurring_fee

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

        renewal_fee: None | str | Unset
        if isinstance(self.renewal_fee, Unset):
            renewal_fee = UNSET
        else:
            renewal_fee = self.renewal_fee

        trial_days: int | None | Unset
        if isinstance(self.trial_days, Unset):
            trial_days = UNSET
        else:
            trial_days = self.trial_days

        trial_waives_setup: bool | None | Unset
        if isinstance(self.trial_waives_setup, Unset):
            trial_waives_setup = UNSET
        else:
            trial_waives_setup = self.trial_waives_setup

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "setup_fee": setup_fee,
                "recurring_fee": recurring_fee,
            }
        )
        if months is not UNSET:
            field_dict["months"] = months
        if days is not UNSET:
            field_dict["days"] = days
        if renewal_fee is not UNSET:
            field_dict["renewal_fee"] = renewal_fee
        if trial_days is not UNSET:
            field_dict["trial_days"] = trial_days
        if trial_waives_setup is not UNSET:
            field_dict["trial_waives_setup"] = trial_waives_setup

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        setup_fee = d.pop("setup_fee")

        recurring_fee = d.pop("recurring_fee")

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

        def _parse_renewal_fee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        renewal_fee = _parse_renewal_fee(d.pop("renewal_fee", UNSET))

        def _parse_trial_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trial_days = _parse_trial_days(d.pop("trial_days", UNSET))

        def _parse_trial_waives_setup(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        trial_waives_setup = _parse_trial_waives_setup(d.pop("trial_waives_setup", UNSET))

        plan_period = cls(
            setup_fee=setup_fee,
            recurring_fee=recurring_fee,
            months=months,
            days=days,
            renewal_fee=renewal_fee,
            trial_days=trial_days,
            trial_waives_setup=trial_waives_setup,
        )

        return plan_period
