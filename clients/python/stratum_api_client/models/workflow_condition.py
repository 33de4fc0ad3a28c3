from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.workflow_comparison import WorkflowComparison
from ..models.workflow_fact import WorkflowFact

T = TypeVar("T", bound="WorkflowCondition")


@_attrs_define
class WorkflowCondition:
    """`fact op value`: outcome `yes` when it holds, else `no`.

    Attributes:
        fact (WorkflowFact): A fact about an order that a decision reads.
        op (WorkflowComparison):
        value (str):
    """

    fact: WorkflowFact
    op: WorkflowComparison
    value: str

    def to_dict(self) -> dict[str, Any]:
        fact = self.fact.value

        op = self.op.value

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fact": fact,
                "op": op,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fact = WorkflowFact(d.pop("fact"))

        op = WorkflowComparison(d.pop("op"))

        value = d.pop("value")

        workflow_condition = cls(
            fact=fact,
            op=op,
            value=value,
        )

        return workflow_condition
