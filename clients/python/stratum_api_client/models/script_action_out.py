from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScriptActionOut")


@_attrs_define
class ScriptActionOut:
    """A script action. Each call is a task of kind `script.call`.

    Attributes:
        id (str):
        account_id (str):
        url (str):
        event_types (list[str]):
        enabled (bool):
        max_attempts (int):
        timeout_seconds (int):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        description (None | str | Unset):
    """

    id: str
    account_id: str
    url: str
    event_types: list[str]
    enabled: bool
    max_attempts: int
    timeout_seconds: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        url = self.url

        event_types = self.event_types

        enabled = self.enabled

        max_attempts = self.max_attempts

        timeout_seconds = self.timeout_seconds

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "url": url,
                "event_types": event_types,
                "enabled": enabled,
                "max_attempts": max_attempts,
                "timeout_seconds": timeout_seconds,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        enabled = d.pop("enabled")

        max_attempts = d.pop("max_attempts")

        timeout_seconds = d.pop("timeout_seconds")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        script_action_out = cls(
            id=id,
            account_id=account_id,
            url=url,
            event_types=event_types,
            enabled=enabled,
            max_attempts=max_attempts,
            timeout_seconds=timeout_seconds,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
        )

        script_action_out.additional_properties = d
        return script_action_out

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
