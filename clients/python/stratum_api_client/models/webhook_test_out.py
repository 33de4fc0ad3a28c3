from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookTestOut")


@_attrs_define
class WebhookTestOut:
    """What the endpoint answered to the test message. Nothing is recorded: the message is
    no event of the log (its id starts with `evt_test_`).

        Attributes:
            message_id (str): The `webhook-id` the message carried.
            latency_ms (int):
            succeeded (bool): Whether the endpoint answered 2xx.
            status_code (int | None | Unset):
            response (None | str | Unset):
            error (None | str | Unset):
    """

    message_id: str
    latency_ms: int
    succeeded: bool
    status_code: int | None | Unset = UNSET
    response: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        latency_ms = self.latency_ms

        succeeded = self.succeeded

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        response: None | str | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        else:
            response = self.response

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message_id": message_id,
                "latency_ms": latency_ms,
                "succeeded": succeeded,
            }
        )
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if response is not UNSET:
            field_dict["response"] = response
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_id = d.pop("message_id")

        latency_ms = d.pop("latency_ms")

        succeeded = d.pop("succeeded")

        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("status_code", UNSET))

        def _parse_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        webhook_test_out = cls(
            message_id=message_id,
            latency_ms=latency_ms,
            succeeded=succeeded,
            status_code=status_code,
            response=response,
            error=error,
        )

        webhook_test_out.additional_properties = d
        return webhook_test_out

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
