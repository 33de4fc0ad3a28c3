from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.event_type_name import EventTypeName
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookTestIn")


@_attrs_define
class WebhookTestIn:
    """Send a signed test message to an endpoint now.

    Attributes:
        event_type (EventTypeName | None | Unset):
    """

    event_type: EventTypeName | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_type: None | str | Unset
        if isinstance(self.event_type, Unset):
            event_type = UNSET
        elif isinstance(self.event_type, EventTypeName):
            event_type = self.event_type.value
        else:
            event_type = self.event_type

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if event_type is not UNSET:
            field_dict["event_type"] = event_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_event_type(data: object) -> EventTypeName | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_type_type_0 = EventTypeName(data)

                return event_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventTypeName | None | Unset, data)

        event_type = _parse_event_type(d.pop("event_type", UNSET))

        webhook_test_in = cls(
            event_type=event_type,
        )

        return webhook_test_in
