from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="NotificationSchedule")


@_attrs_define
class NotificationSchedule:
    """When a notification goes out relative to a date that its event carries, instead of at
    once: e.g. 14 and 3 days before `data.expires_at`.

        Attributes:
            date_field (str): The field of the event's `data` that holds an RFC 3339 timestamp (`expires_at`);
                dots reach into nested objects (`subscription.expires_at`).
            offsets_days (list[int]): Days relative to that date, negative before and positive after (`[-14, -3]`): one
                notification each.
    """

    date_field: str
    offsets_days: list[int]

    def to_dict(self) -> dict[str, Any]:
        date_field = self.date_field

        offsets_days = self.offsets_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date_field": date_field,
                "offsets_days": offsets_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date_field = d.pop("date_field")

        offsets_days = cast(list[int], d.pop("offsets_days"))

        notification_schedule = cls(
            date_field=date_field,
            offsets_days=offsets_days,
        )

        return notification_schedule
