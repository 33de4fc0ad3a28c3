from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_event_type import SubscriptionEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.object_ref import ObjectRef
    from ..models.subscription_event_previous_type_0 import SubscriptionEventPreviousType0
    from ..models.subscription_out import SubscriptionOut


T = TypeVar("T", bound="SubscriptionEvent")


@_attrs_define
class SubscriptionEvent:
    """An event whose `data` is of type `SubscriptionOut`, as delivered on webhooks and as `GET /api/v1/events/{id}`
    answers it.

        Attributes:
            id (str):
            type_ (SubscriptionEventType): The event type (the wire name of the catalog).
            domain (str):
            occurred_at (datetime.datetime):
            account_id (str): The account that owns the object.
            object_ (ObjectRef): The object an event is about.
            sequence (int): Per object, from 1, without gaps.
            data (SubscriptionOut): A subscription to a plan.
            previous (None | SubscriptionEventPreviousType0 | Unset): The previous values of the fields that changed, where
                the event type gives them.
    """

    id: str
    type_: SubscriptionEventType
    domain: str
    occurred_at: datetime.datetime
    account_id: str
    object_: ObjectRef
    sequence: int
    data: SubscriptionOut
    previous: None | SubscriptionEventPreviousType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_event_previous_type_0 import SubscriptionEventPreviousType0  # noqa: PLC0415

        id = self.id

        type_ = self.type_.value

        domain = self.domain

        occurred_at = self.occurred_at.isoformat()

        account_id = self.account_id

        object_ = self.object_.to_dict()

        sequence = self.sequence

        data = self.data.to_dict()

        previous: dict[str, Any] | None | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        elif isinstance(self.previous, SubscriptionEventPreviousType0):
            previous = self.previous.to_dict()
        else:
            previous = self.previous

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "domain": domain,
                "occurred_at": occurred_at,
                "account_id": account_id,
                "object": object_,
                "sequence": sequence,
                "data": data,
            }
        )
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.object_ref import ObjectRef  # noqa: PLC0415
        from ..models.subscription_event_previous_type_0 import SubscriptionEventPreviousType0  # noqa: PLC0415
        from ..models.subscription_out import SubscriptionOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = SubscriptionEventType(d.pop("type"))

        domain = d.pop("domain")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        account_id = d.pop("account_id")

        object_ = ObjectRef.from_dict(d.pop("object"))

        sequence = d.pop("sequence")

        data = SubscriptionOut.from_dict(d.pop("data"))

        def _parse_previous(data: object) -> None | SubscriptionEventPreviousType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_type_0 = SubscriptionEventPreviousType0.from_dict(data)

                return previous_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionEventPreviousType0 | Unset, data)

        previous = _parse_previous(d.pop("previous", UNSET))

        subscription_event = cls(
            id=id,
            type_=type_,
            domain=domain,
            occurred_at=occurred_at,
            account_id=account_id,
            object_=object_,
            sequence=sequence,
            data=data,
            previous=previous,
        )

        subscription_event.additional_properties = d
        return subscription_event

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
