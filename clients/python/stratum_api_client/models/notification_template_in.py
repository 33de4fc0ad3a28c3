from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_schedule import NotificationSchedule


T = TypeVar("T", bound="NotificationTemplateIn")


@_attrs_define
class NotificationTemplateIn:
    """A notification template for an event type and a language. Texts are MiniJinja
    (Jinja2) templates; see docs/notifications.md for the variables.

        Attributes:
            event_type (str): An event type (`account.created`), a prefix wildcard (`invoice.*`), a suffix wildcard
                (`*.failed`) or `*`; a wildcard must match some type of the catalog.
            language (str): `en`, `de`, `pt-BR`, …
            subject (str): One line once rendered.
            body (str): The plain-text body.
            account_id (None | str | Unset): Defaults to the caller's account; the template serves the events of its
                subtree,
                unless a descendant overrides it.
            html_body (None | str | Unset): An HTML alternative (rendered with HTML escaping).
            from_ (None | str | Unset): The sender (`Billing <billing@example.com>`); defaults to the server's `mail_from`.
            recipients (list[str] | None | Unset): Fixed recipients (1 to 20); by default, the e-mail address of the account
                the event is about.
            schedule (None | NotificationSchedule | Unset):
            enabled (bool | None | Unset): Defaults to true. A disabled template still overrides its ancestors' templates:
                that is how a reseller silences a notification of its parent.
    """

    event_type: str
    language: str
    subject: str
    body: str
    account_id: None | str | Unset = UNSET
    html_body: None | str | Unset = UNSET
    from_: None | str | Unset = UNSET
    recipients: list[str] | None | Unset = UNSET
    schedule: None | NotificationSchedule | Unset = UNSET
    enabled: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_schedule import NotificationSchedule  # noqa: PLC0415

        event_type = self.event_type

        language = self.language

        subject = self.subject

        body = self.body

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

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

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_type": event_type,
                "language": language,
                "subject": subject,
                "body": body,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
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
        event_type = d.pop("event_type")

        language = d.pop("language")

        subject = d.pop("subject")

        body = d.pop("body")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

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

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        notification_template_in = cls(
            event_type=event_type,
            language=language,
            subject=subject,
            body=body,
            account_id=account_id,
            html_body=html_body,
            from_=from_,
            recipients=recipients,
            schedule=schedule,
            enabled=enabled,
        )

        return notification_template_in
