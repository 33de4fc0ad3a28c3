from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TestClockOut")


@_attrs_define
class TestClockOut:
    """The server's clock.

    Attributes:
        enabled (bool): Whether the server runs on a test clock.
        now (datetime.datetime): The server's current time.
        offset_seconds (int): How far the test clock is ahead of real time.
    """

    enabled: bool
    now: datetime.datetime
    offset_seconds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        now = self.now.isoformat()

        offset_seconds = self.offset_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
                "now": now,
                "offset_seconds": offset_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        now = datetime.datetime.fromisoformat(d.pop("now"))

        offset_seconds = d.pop("offset_seconds")

        test_clock_out = cls(
            enabled=enabled,
            now=now,
            offset_seconds=offset_seconds,
        )

        test_clock_out.additional_properties = d
        return test_clock_out

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
