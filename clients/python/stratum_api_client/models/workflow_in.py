from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.order_type import OrderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_step import WorkflowStep


T = TypeVar("T", bound="WorkflowIn")


@_attrs_define
class WorkflowIn:
    """Create a workflow for the provider or a reseller (default: the caller's account).

    Attributes:
        order_type (OrderType):
        name (str):
        start (str): The first step's name.
        steps (list[WorkflowStep]):
        account_id (None | str | Unset):
    """

    order_type: OrderType
    name: str
    start: str
    steps: list[WorkflowStep]
    account_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        order_type = self.order_type.value

        name = self.name

        start = self.start

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order_type": order_type,
                "name": name,
                "start": start,
                "steps": steps,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workflow_step import WorkflowStep  # noqa: PLC0415

        d = dict(src_dict)
        order_type = OrderType(d.pop("order_type"))

        name = d.pop("name")

        start = d.pop("start")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = WorkflowStep.from_dict(steps_item_data)

            steps.append(steps_item)

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        workflow_in = cls(
            order_type=order_type,
            name=name,
            start=start,
            steps=steps,
            account_id=account_id,
        )

        return workflow_in
