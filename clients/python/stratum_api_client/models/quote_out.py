from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quote_period_kind import QuotePeriodKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quote_line_out import QuoteLineOut


T = TypeVar("T", bound="QuoteOut")


@_attrs_define
class QuoteOut:
    """An itemised price: `total` is exactly the sum of the lines' amounts.

    Attributes:
        plan_id (str):
        currency (str):
        period_kind (QuotePeriodKind):
        lines (list[QuoteLineOut]):
        subtotal (str):
        discount_total (str):
        total (str):
        months (int | None | Unset):
        days (int | None | Unset):
        trial_days (int | None | Unset): Days of trial this quote starts, if any (the recurring lines are then 0).
        promotion_id (None | str | Unset): The automatic promotion applied, if any.
        coupon_id (None | str | Unset): The coupon applied, if one was given and it reduced a line.
        wholesale_total (None | str | Unset): For a reseller's own plan, seen by that reseller: what the parent charges
            it for
            the same order (its wholesale cost, before any coupon).
    """

    plan_id: str
    currency: str
    period_kind: QuotePeriodKind
    lines: list[QuoteLineOut]
    subtotal: str
    discount_total: str
    total: str
    months: int | None | Unset = UNSET
    days: int | None | Unset = UNSET
    trial_days: int | None | Unset = UNSET
    promotion_id: None | str | Unset = UNSET
    coupon_id: None | str | Unset = UNSET
    wholesale_total: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        currency = self.currency

        period_kind = self.period_kind.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        subtotal = self.subtotal

        discount_total = self.discount_total

        total = self.total

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

        trial_days: int | None | Unset
        if isinstance(self.trial_days, Unset):
            trial_days = UNSET
        else:
            trial_days = self.trial_days

        promotion_id: None | str | Unset
        if isinstance(self.promotion_id, Unset):
            promotion_id = UNSET
        else:
            promotion_id = self.promotion_id

        coupon_id: None | str | Unset
        if isinstance(self.coupon_id, Unset):
            coupon_id = UNSET
        else:
            coupon_id = self.coupon_id

        wholesale_total: None | str | Unset
        if isinstance(self.wholesale_total, Unset):
            wholesale_total = UNSET
        else:
            wholesale_total = self.wholesale_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "currency": currency,
                "period_kind": period_kind,
                "lines": lines,
                "subtotal": subtotal,
                "discount_total": discount_total,
                "total": total,
            }
        )
        if months is not UNSET:
            field_dict["months"] = months
        if days is not UNSET:
            field_dict["days"] = days
        if trial_days is not UNSET:
            field_dict["trial_days"] = trial_days
        if promotion_id is not UNSET:
            field_dict["promotion_id"] = promotion_id
        if coupon_id is not UNSET:
            field_dict["coupon_id"] = coupon_id
        if wholesale_total is not UNSET:
            field_dict["wholesale_total"] = wholesale_total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_line_out import QuoteLineOut  # noqa: PLC0415

        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        currency = d.pop("currency")

        period_kind = QuotePeriodKind(d.pop("period_kind"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = QuoteLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        subtotal = d.pop("subtotal")

        discount_total = d.pop("discount_total")

        total = d.pop("total")

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

        def _parse_trial_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trial_days = _parse_trial_days(d.pop("trial_days", UNSET))

        def _parse_promotion_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        promotion_id = _parse_promotion_id(d.pop("promotion_id", UNSET))

        def _parse_coupon_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_id = _parse_coupon_id(d.pop("coupon_id", UNSET))

        def _parse_wholesale_total(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wholesale_total = _parse_wholesale_total(d.pop("wholesale_total", UNSET))

        quote_out = cls(
            plan_id=plan_id,
            currency=currency,
            period_kind=period_kind,
            lines=lines,
            subtotal=subtotal,
            discount_total=discount_total,
            total=total,
            months=months,
            days=days,
            trial_days=trial_days,
            promotion_id=promotion_id,
            coupon_id=coupon_id,
            wholesale_total=wholesale_total,
        )

        quote_out.additional_properties = d
        return quote_out

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
