from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.parameter_kind import ParameterKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderParameter")


@_attrs_define
class OrderParameter:
    """A value the order form must collect (a domain name, an operating system, …).

    Attributes:
        name (str): `[a-z][a-z0-9_]*`, unique in the template.
        label (str): What the form shows.
        kind (ParameterKind):
        required (bool | Unset):
        values (list[str] | None | Unset): For `enum`: the allowed values.
        min_ (int | None | Unset): For `integer`: the smallest allowed value.
        max_ (int | None | Unset): For `integer`: the largest allowed value.
        max_length (int | None | Unset): For `string`: the longest allowed value (default 255).
    """

    name: str
    label: str
    kind: ParameterKind
    required: bool | Unset = UNSET
    values: list[str] | None | Unset = UNSET
    min_: int | None | Unset = UNSET
    max_: int | None | Unset = UNSET
    max_length: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        kind = self.kind.value

        required = self.required

        values: list[str] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, list):
            values = self.values

        else:
            values = self.values

        min_: int | None | Unset
        if isinstance(self.min_, Unset):
            min_ = UNSET
        else:
            min_ = self.min_

        max_: int | None | Unset
        if isinstance(self.max_, Unset):
            max_ = UNSET
        else:
            max_ = self.max_

        max_length: int | None | Unset
        if isinstance(self.max_length, Unset):
            max_length = UNSET
        else:
            max_length = self.max_length

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "label": label,
                "kind": kind,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required
        if values is not UNSET:
            field_dict["values"] = values
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if max_length is not UNSET:
            field_dict["max_length"] = max_length

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        kind = ParameterKind(d.pop("kind"))

        required = d.pop("required", UNSET)

        def _parse_values(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                values_type_0 = cast(list[str], data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        def _parse_min_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_ = _parse_min_(d.pop("min", UNSET))

        def _parse_max_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_ = _parse_max_(d.pop("max", UNSET))

        def _parse_max_length(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_length = _parse_max_length(d.pop("max_length", UNSET))

        order_parameter = cls(
            name=name,
            label=label,
            kind=kind,
            required=required,
            values=values,
            min_=min_,
            max_=max_,
            max_length=max_length,
        )

        return order_parameter
