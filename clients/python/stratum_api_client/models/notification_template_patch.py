from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_schedule import NotificationSchedule


T = TypeVar("T", bound="NotificationTemplatePatch")


@_attrs_define
class NotificationTemplatePatch:
    """Change a template. Absent fields stay as they are; `null` clears an optional field.

    Attributes:
        subject (str | Unset):
        body (str | Unset):
        html_body (None | str | Unset):
        from_ (None | str | Unset):
        recipients (list[str] | None | Unset):
        schedule (None | NotificationSchedule | Unset):
        enabled (bool | Unset):
    """

    subject: str | Unset = UNSET
    body: str | Unset = UNSET
    html_body: None | str | Unset = UNSET
    from_: None | str | Unset = UNSET
    recipients: list[str] | None | Unset = UNSET
    schedule: None | NotificationSchedule | Unset = UNSET
    enabled: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_schedule import NotificationSchedule  # noqa: PLC0415

        subject = self.subject

        body = self.body

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

        enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if subject is not UNSET:
            field_dict["subject"] = subject
        if body is not UNSET:
            field_dict["body"] = body
        if html_body is not UNSET:
            field_dict["html_body"] = html_body
        if from_ is not UNSET:
            field_dict["from"] = from_
        if recipients is not UNSET:
            field_dict["recipients"] = recipients
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_schedule import NotificationSchedule  # noqa: PLC0415

        d = dict(src_dict)
        subject = d.pop("subject", UNSET)

        body = d.pop("body", UNSET)

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

        enabled = d.pop("enabled", UNSET)

        notification_template_patch = cls(
            subject=subject,
            body=body,
            html_body=html_body,
            from_=from_,
            recipients=recipients,
            schedule=schedule,
            enabled=enabled,
        )

        return notification_template_patch
