from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_schedule import NotificationSchedule


T = TypeVar("T", bound="NotificationTemplateOut")


@_attrs_define
class NotificationTemplateOut:
    """A notification template.

    Attributes:
        id (str):
        account_id (str):
        event_type (str):
        language (str):
        subject (str):
        body (str):
        enabled (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        html_body (None | str | Unset):
        from_ (None | str | Unset):
        recipients (list[str] | None | Unset):
        schedule (None | NotificationSchedule | Unset):
    """

    id: str
    account_id: str
    event_type: str
    language: str
    subject: str
    body: str
    enabled: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    html_body: None | str | Unset = UNSET
    from_: None | str | Unset = UNSET
    recipients: list[str] | None | Unset = UNSET
    schedule: None | NotificationSchedule | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_schedule import NotificationSchedule  # noqa: PLC0415

        id = self.id

        account_id = self.account_id

        event_type = self.event_type

        language = self.language

        subject = self.subject

        body = self.body

        enabled = self.enabled

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        html_body: None | str | Unset
        if isinstance(self.html_body, Unset):
            html_body = UNSET
        else:
            html_body = self.html_body

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        recipients: list[str] | None | Unset
        if isinstance(self.recipients, Unset):
            recipients = UNSET
        elif isinstance(self.recipients, list):
            recipients = self.recipients

        else:
            recipients = self.recipients

        schedule: dict[str, Any] | None | Unset
        if isinstance(self.schedule, Unset):
            schedule = UNSET
        elif isinstance(self.schedule, NotificationSchedule):
            schedule = self.schedule.to_dict()
        else:
            schedule = self.schedule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "event_type": event_type,
                "language": language,
                "subject": subject,
                "body": body,
                "enabled": enabled,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if html_body is not UNSET:
            field_dict["html_body"] = html_body
        if from_ is not UNSET:
            field_dict["from"] = from_
        if recipients is not UNSET:
            field_dict["recipients"] = recipients
        if schedule is not UNSET:
            field_dict["schedule"] = schedule

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_schedule import NotificationSchedule  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        event_type = d.pop("event_type")

        language = d.pop("language")

        subject = d.pop("subject")

        body = d.pop("body")

        enabled = d.pop("enabled")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_html_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html_body = _parse_html_body(d.pop("html_body", UNSET))

        def _parse_from_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_recipients(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                recipients_type_0 = cast(list[str], data)

                return recipients_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        recipients = _parse_recipients(d.pop("recipients", UNSET))

        def _parse_schedule(data: object) -> None | NotificationSchedule | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                schedule_type_0 = NotificationSchedule.from_dict(data)

                return schedule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotificationSchedule | Unset, data)

        schedule = _parse_schedule(d.pop("schedule", UNSET))

        notification_template_out = cls(
            id=id,
            account_id=account_id,
            event_type=event_type,
            language=language,
            subject=subject,
            body=body,
            enabled=enabled,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            html_body=html_body,
            from_=from_,
            recipients=recipients,
            schedule=schedule,
        )

        notification_template_out.additional_properties = d
        return notification_template_out

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
