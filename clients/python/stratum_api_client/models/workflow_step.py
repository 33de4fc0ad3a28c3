from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.step_kind import StepKind
from ..models.workflow_action import WorkflowAction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_condition import WorkflowCondition
    from ..models.workflow_step_on import WorkflowStepOn


T = TypeVar("T", bound="WorkflowStep")


@_attrs_define
class WorkflowStep:
    """One step: `automatic` (with an `action`), `manual` (waits for `OrderApprove` /
    `OrderReject`) or `decision` (with a `condition`); `on` maps each of its outcomes to
    the next step's name, or to `completed` / `rejected` (only from a `notify` step).

        Attributes:
            name (str):
            kind (StepKind):
            on (WorkflowStepOn): Outcome → the next step, or `completed` / `rejected`. Outcomes: `done` (and
                `refused` for `activate`), `approved` / `rejected` for a manual step, `yes` / `no`
                for a decision.
            action (None | Unset | WorkflowAction):
            condition (None | Unset | WorkflowCondition):
            timeout_hours (int | None | Unset): A manual step only: after this many hours on the clock without a decision
                the
                order moves on as if decided `timeout_outcome`, with a system comment.
            timeout_outcome (None | str | Unset): `approved` or `rejected`, with `timeout_hours`.
    """

    name: str
    kind: StepKind
    on: WorkflowStepOn
    action: None | Unset | WorkflowAction = UNSET
    condition: None | Unset | WorkflowCondition = UNSET
    timeout_hours: int | None | Unset = UNSET
    timeout_outcome: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.workflow_condition import WorkflowCondition  # noqa: PLC0415

        name = self.name

        kind = self.kind.value

        on = self.on.to_dict()

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, WorkflowAction):
            action = self.action.value
        else:
            action = self.action

        condition: dict[str, Any] | None | Unset
        if isinstance(self.condition, Unset):
            condition = UNSET
        elif isinstance(self.condition, WorkflowCondition):
            condition = self.condition.to_dict()
        else:
            condition = self.condition

        timeout_hours: int | None | Unset
        if isinstance(self.timeout_hours, Unset):
            timeout_hours = UNSET
        else:
            timeout_hours = self.timeout_hours

        timeout_outcome: None | str | Unset
        if isinstance(self.timeout_outcome, Unset):
            timeout_outcome = UNSET
        else:
            timeout_outcome = self.timeout_outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "on": on,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if condition is not UNSET:
            field_dict["condition"] = condition
        if timeout_hours is not UNSET:
            field_dict["timeout_hours"] = timeout_hours
        if timeout_outcome is not UNSET:
            field_dict["timeout_outcome"] = timeout_outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workflow_condition import WorkflowCondition  # noqa: PLC0415
        from ..models.workflow_step_on import WorkflowStepOn  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = StepKind(d.pop("kind"))

        on = WorkflowStepOn.from_dict(d.pop("on"))

        def _parse_action(data: object) -> None | Unset | WorkflowAction:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_type_0 = WorkflowAction(data)

                return action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowAction, data)

        action = _parse_action(d.pop("action", UNSET))

        def _parse_condition(data: object) -> None | Unset | WorkflowCondition:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0 = WorkflowCondition.from_dict(data)

                return condition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowCondition, data)

        condition = _parse_condition(d.pop("condition", UNSET))

        def _parse_timeout_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        timeout_hours = _parse_timeout_hours(d.pop("timeout_hours", UNSET))

        def _parse_timeout_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timeout_outcome = _parse_timeout_outcome(d.pop("timeout_outcome", UNSET))

        workflow_step = cls(
            name=name,
            kind=kind,
            on=on,
            action=action,
            condition=condition,
            timeout_hours=timeout_hours,
            timeout_outcome=timeout_outcome,
        )

        return workflow_step
