from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_out_payload import TaskOutPayload
    from ..models.task_out_result_type_0 import TaskOutResultType0


T = TypeVar("T", bound="TaskOut")


@_attrs_define
class TaskOut:
    """A task.

    Attributes:
        id (str):
        kind (str): What the task does (`webhook.deliver`).
        account_id (str):
        status (TaskStatus):
        attempts (int):
        run_at (datetime.datetime): When it runs (next).
        payload (TaskOutPayload): What the task works on, e.g. `{"delivery_id": …}`.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        lease_expires_at (datetime.datetime | None | Unset):
        last_error (None | str | Unset):
        result (None | TaskOutResultType0 | Unset): What the last attempt produced, e.g. `{"status_code": 200,
            "response": "…",
            "latency_ms": 12}` for a script call; `null` before the first attempt.
    """

    id: str
    kind: str
    account_id: str
    status: TaskStatus
    attempts: int
    run_at: datetime.datetime
    payload: TaskOutPayload
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    lease_expires_at: datetime.datetime | None | Unset = UNSET
    last_error: None | str | Unset = UNSET
    result: None | TaskOutResultType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_out_result_type_0 import TaskOutResultType0  # noqa: PLC0415

        id = self.id

        kind = self.kind

        account_id = self.account_id

        status = self.status.value

        attempts = self.attempts

        run_at = self.run_at.isoformat()

        payload = self.payload.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        lease_expires_at: None | str | Unset
        if isinstance(self.lease_expires_at, Unset):
            lease_expires_at = UNSET
        elif isinstance(self.lease_expires_at, datetime.datetime):
            lease_expires_at = self.lease_expires_at.isoformat()
        else:
            lease_expires_at = self.lease_expires_at

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, TaskOutResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "account_id": account_id,
                "status": status,
                "attempts": attempts,
                "run_at": run_at,
                "payload": payload,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if lease_expires_at is not UNSET:
            field_dict["lease_expires_at"] = lease_expires_at
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_out_payload import TaskOutPayload  # noqa: PLC0415
        from ..models.task_out_result_type_0 import TaskOutResultType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        account_id = d.pop("account_id")

        status = TaskStatus(d.pop("status"))

        attempts = d.pop("attempts")

        run_at = datetime.datetime.fromisoformat(d.pop("run_at"))

        payload = TaskOutPayload.from_dict(d.pop("payload"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_lease_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lease_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return lease_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        lease_expires_at = _parse_lease_expires_at(d.pop("lease_expires_at", UNSET))

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        def _parse_result(data: object) -> None | TaskOutResultType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = TaskOutResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskOutResultType0 | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        task_out = cls(
            id=id,
            kind=kind,
            account_id=account_id,
            status=status,
            attempts=attempts,
            run_at=run_at,
            payload=payload,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            lease_expires_at=lease_expires_at,
            last_error=last_error,
            result=result,
        )

        task_out.additional_properties = d
        return task_out

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
