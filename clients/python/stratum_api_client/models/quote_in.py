from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.quote_period_kind import QuotePeriodKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quote_resource import QuoteResource


T = TypeVar("T", bound="QuoteIn")


@_attrs_define
class QuoteIn:
    """Price a plan.

    Attributes:
        plan_id (str):
        months (int | None | Unset): The period's length: `months` or `days` as the plan defines it.
        days (int | None | Unset):
        resources (list[QuoteResource] | Unset): Resources beyond the plan's included amounts; others stay at the
            included amount.
        coupon_code (None | str | Unset):
        period_kind (None | QuotePeriodKind | Unset):
        coupon_periods_applied (int | None | Unset): For `N`-period coupons on renewals: the periods the coupon already
            reduced.
    """

    plan_id: str
    months: int | None | Unset = UNSET
    days: int | None | Unset = UNSET
    resources: list[QuoteResource] | Unset = UNSET
    coupon_code: None | str | Unset = UNSET
    period_kind: None | QuotePeriodKind | Unset = UNSET
    coupon_periods_applied: int | None | Unset = UNSET

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

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        period_kind: None | str | Unset
        if isinstance(self.period_kind, Unset):
            period_kind = UNSET
        elif isinstance(self.period_kind, QuotePeriodKind):
            period_kind = self.period_kind.value
        else:
            period_kind = self.period_kind

        coupon_periods_applied: int | None | Unset
        if isinstance(self.coupon_periods_applied, Unset):
            coupon_periods_applied = UNSET
        else:
            coupon_periods_applied = self.coupon_periods_applied

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
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code
        if period_kind is not UNSET:
            field_dict["period_kind"] = period_kind
        if coupon_periods_applied is not UNSET:
            field_dict["coupon_periods_applied"] = coupon_periods_applied

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        def _parse_period_kind(data: object) -> None | QuotePeriodKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_kind_type_0 = QuotePeriodKind(data)

                return period_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuotePeriodKind | Unset, data)

        period_kind = _parse_period_kind(d.pop("period_kind", UNSET))

        def _parse_coupon_periods_applied(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        coupon_periods_applied = _parse_coupon_periods_applied(d.pop("coupon_periods_applied", UNSET))

        quote_in = cls(
            plan_id=plan_id,
            months=months,
            days=days,
            resources=resources,
            coupon_code=coupon_code,
            period_kind=period_kind,
            coupon_periods_applied=coupon_periods_applied,
        )

        return quote_in
