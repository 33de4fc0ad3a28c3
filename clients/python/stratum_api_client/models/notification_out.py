from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_status import NotificationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationOut")


@_attrs_define
class NotificationOut:
    """One notification: what was, or will be, sent to whom and when.

    Attributes:
        id (str):
        account_id (str): The account the event is about.
        template_id (str):
        event_id (str):
        event_type (str):
        object_id (str):
        recipients (list[str]):
        language (str):
        status (NotificationStatus):
        send_at (datetime.datetime):
        attempts (int):
        task_id (str): The task that sends it.
        created_at (datetime.datetime):
        subject (None | str | Unset): Set once rendered (at the first send attempt).
        body (None | str | Unset):
        html_body (None | str | Unset):
        sent_at (datetime.datetime | None | Unset):
        error (None | str | Unset): The last attempt's error.
    """

    id: str
    account_id: str
    template_id: str
    event_id: str
    event_type: str
    object_id: str
    recipients: list[str]
    language: str
    status: NotificationStatus
    send_at: datetime.datetime
    attempts: int
    task_id: str
    created_at: datetime.datetime
    subject: None | str | Unset = UNSET
    body: None | str | Unset = UNSET
    html_body: None | str | Unset = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        template_id = self.template_id

        event_id = self.event_id

        event_type = self.event_type

        object_id = self.object_id

        recipients = self.recipients

        language = self.language

        status = self.status.value

        send_at = self.send_at.isoformat()

        attempts = self.attempts

        task_id = self.task_id

        created_at = self.created_at.isoformat()

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        html_body: None | str | Unset
        if isinstance(self.html_body, Unset):
            html_body = UNSET
        else:
            html_body = self.html_body

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "template_id": template_id,
                "event_id": event_id,
                "event_type": event_type,
                "object_id": object_id,
                "recipients": recipients,
                "language": language,
                "status": status,
                "send_at": send_at,
                "attempts": attempts,
                "task_id": task_id,
                "created_at": created_at,
            }
        )
        if subject is not UNSET:
            field_dict["subject"] = subject
        if body is not UNSET:
            field_dict["body"] = body
        if html_body is not UNSET:
            field_dict["html_body"] = html_body
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        template_id = d.pop("template_id")

        event_id = d.pop("event_id")

        event_type = d.pop("event_type")

        object_id = d.pop("object_id")

        recipients = cast(list[str], d.pop("recipients"))

        language = d.pop("language")

        status = NotificationStatus(d.pop("status"))

        send_at = datetime.datetime.fromisoformat(d.pop("send_at"))

        attempts = d.pop("attempts")

        task_id = d.pop("task_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_html_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html_body = _parse_html_body(d.pop("html_body", UNSET))

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        notification_out = cls(
            id=id,
            account_id=account_id,
            template_id=template_id,
            event_id=event_id,
            event_type=event_type,
            object_id=object_id,
            recipients=recipients,
            language=language,
            status=status,
            send_at=send_at,
            attempts=attempts,
            task_id=task_id,
            created_at=created_at,
            subject=subject,
            body=body,
            html_body=html_body,
            sent_at=sent_at,
            error=error,
        )

        notification_out.additional_properties = d
        return notification_out

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
