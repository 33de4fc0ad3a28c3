from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TestClockAdvanceIn")


@_attrs_define
class TestClockAdvanceIn:
    """Move the clock forward.

    Attributes:
        seconds (int): 1 to 315,360,000 (ten years).
    """

    seconds: int

    def to_dict(self) -> dict[str, Any]:
        seconds = self.seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "seconds": seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seconds = d.pop("seconds")

        test_clock_advance_in = cls(
            seconds=seconds,
        )

        return test_clock_advance_in
