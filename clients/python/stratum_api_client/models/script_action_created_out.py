from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.script_action_out import ScriptActionOut


T = TypeVar("T", bound="ScriptActionCreatedOut")


@_attrs_define
class ScriptActionCreatedOut:
    """A new script action with its signing secret: store the secret now, it is shown only
    once.

        Attributes:
            script_action (ScriptActionOut): A script action. Each call is a task of kind `script.call`.
            secret (str): `whsec_…`: calls are signed with it per Standard Webhooks.
    """

    script_action: ScriptActionOut
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        script_action = self.script_action.to_dict()

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "script_action": script_action,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.script_action_out import ScriptActionOut  # noqa: PLC0415

        d = dict(src_dict)
        script_action = ScriptActionOut.from_dict(d.pop("script_action"))

        secret = d.pop("secret")

        script_action_created_out = cls(
            script_action=script_action,
            secret=secret,
        )

        script_action_created_out.additional_properties = d
        return script_action_created_out

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
