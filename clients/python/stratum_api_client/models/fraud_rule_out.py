from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fraud_rule_kind import FraudRuleKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FraudRuleOut")


@_attrs_define
class FraudRuleOut:
    """
    Attributes:
        id (str):
        account_id (str):
        name (str):
        kind (FraudRuleKind):
        score (int):
        enabled (bool):
        domains (list[str]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        amount (None | str | Unset):
        currency (None | str | Unset):
        count (int | None | Unset):
        hours (int | None | Unset):
        days (int | None | Unset):
        script_action_id (None | str | Unset):
    """

    id: str
    account_id: str
    name: str
    kind: FraudRuleKind
    score: int
    enabled: bool
    domains: list[str]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    amount: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    count: int | None | Unset = UNSET
    hours: int | None | Unset = UNSET
    days: int | None | Unset = UNSET
    script_action_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        name = self.name

        kind = self.kind.value

        score = self.score

        enabled = self.enabled

        domains = self.domains

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        hours: int | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        days: int | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        else:
            days = self.days

        script_action_id: None | str | Unset
        if isinstance(self.script_action_id, Unset):
            script_action_id = UNSET
        else:
            script_action_id = self.script_action_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "name": name,
                "kind": kind,
                "score": score,
                "enabled": enabled,
                "domains": domains,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if count is not UNSET:
            field_dict["count"] = count
        if hours is not UNSET:
            field_dict["hours"] = hours
        if days is not UNSET:
            field_dict["days"] = days
        if script_action_id is not UNSET:
            field_dict["script_action_id"] = script_action_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        name = d.pop("name")

        kind = FraudRuleKind(d.pop("kind"))

        score = d.pop("score")

        enabled = d.pop("enabled")

        domains = cast(list[str], d.pop("domains"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))

        def _parse_script_action_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        script_action_id = _parse_script_action_id(d.pop("script_action_id", UNSET))

        fraud_rule_out = cls(
            id=id,
            account_id=account_id,
            name=name,
            kind=kind,
            score=score,
            enabled=enabled,
            domains=domains,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            amount=amount,
            currency=currency,
            count=count,
            hours=hours,
            days=days,
            script_action_id=script_action_id,
        )

        fraud_rule_out.additional_properties = d
        return fraud_rule_out

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
