from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.workflow_comparison import WorkflowComparison
from ..models.workflow_fact import WorkflowFact
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkflowCondition")


@_attrs_define
class WorkflowCondition:
    """`fact op value` for a number fact (`fraud_score`, `total`, `customer_age_days`; `ge`,
    `gt`, `le`, `lt`, `eq`), `fact eq|in values` for a text fact (`currency`, `seller`,
    `customer_country`, `order_type`): outcome `yes` when it holds, else `no`. What cannot
    be evaluated is refused on save.

        Attributes:
            fact (WorkflowFact): A fact about an order that a decision reads.
            op (WorkflowComparison):
            value (None | str | Unset): A number fact's bound.
            values (list[str] | Unset): A text fact's values: one for `eq`, up to 100 for `in`.
    """

    fact: WorkflowFact
    op: WorkflowComparison
    value: None | str | Unset = UNSET
    values: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fact = self.fact.value

        op = self.op.value

        value: None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        values: list[str] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fact": fact,
                "op": op,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fact = WorkflowFact(d.pop("fact"))

        op = WorkflowComparison(d.pop("op"))

        def _parse_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        values = cast(list[str], d.pop("values", UNSET))

        workflow_condition = cls(
            fact=fact,
            op=op,
            value=value,
            values=values,
        )

        return workflow_condition
