from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.fraud_rule_kind import FraudRuleKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FraudRuleIn")


@_attrs_define
class FraudRuleIn:
    """A fraud rule; the fields its `kind` needs, and no others matter.

    Attributes:
        name (str):
        kind (FraudRuleKind):
        score (int): What a match adds to the order's fraud score (`external_screening`: what it adds when
            the service gives no score).
        account_id (None | str | Unset): Defaults to the caller's account; the rule applies to orders of its whole
            subtree.
        enabled (bool | Unset):
        amount (None | str | Unset): `total_above`: the amount.
        currency (None | str | Unset):
        count (int | None | Unset): `order_velocity`: more orders than this…
        hours (int | None | Unset): `order_velocity`: …in this many hours.
        domains (list[str] | Unset): `email_domain`: up to 100 domains in lower case (`mailinator.com`); an address
            matches whatever its case.
        days (int | None | Unset): `customer_age`: accounts younger than this many days.
        script_action_id (None | str | Unset): `external_screening`: the script action that calls the screening service,
            one of the
            rule's own account.
    """

    name: str
    kind: FraudRuleKind
    score: int
    account_id: None | str | Unset = UNSET
    enabled: bool | Unset = UNSET
    amount: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    count: int | None | Unset = UNSET
    hours: int | None | Unset = UNSET
    domains: list[str] | Unset = UNSET
    days: int | None | Unset = UNSET
    script_action_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        score = self.score

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        enabled = self.enabled

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

        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = self.domains

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

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "score": score,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if count is not UNSET:
            field_dict["count"] = count
        if hours is not UNSET:
            field_dict["hours"] = hours
        if domains is not UNSET:
            field_dict["domains"] = domains
        if days is not UNSET:
            field_dict["days"] = days
        if script_action_id is not UNSET:
            field_dict["script_action_id"] = script_action_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = FraudRuleKind(d.pop("kind"))

        score = d.pop("score")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        enabled = d.pop("enabled", UNSET)

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

        domains = cast(list[str], d.pop("domains", UNSET))

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

        fraud_rule_in = cls(
            name=name,
            kind=kind,
            score=score,
            account_id=account_id,
            enabled=enabled,
            amount=amount,
            currency=currency,
            count=count,
            hours=hours,
            domains=domains,
            days=days,
            script_action_id=script_action_id,
        )

        return fraud_rule_in
