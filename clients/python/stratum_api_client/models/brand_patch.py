from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrandPatch")


@_attrs_define
class BrandPatch:
    """Change a brand. Absent fields stay as they are.

    Attributes:
        name (str | Unset):
        host_name (str | Unset):
        default_language (str | Unset):
        languages (list[str] | Unset):
    """

    name: str | Unset = UNSET
    host_name: str | Unset = UNSET
    default_language: str | Unset = UNSET
    languages: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        host_name = self.host_name

        default_language = self.default_language

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if host_name is not UNSET:
            field_dict["host_name"] = host_name
        if default_language is not UNSET:
            field_dict["default_language"] = default_language
        if languages is not UNSET:
            field_dict["languages"] = languages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        host_name = d.pop("host_name", UNSET)

        default_language = d.pop("default_language", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))

        brand_patch = cls(
            name=name,
            host_name=host_name,
            default_language=default_language,
            languages=languages,
        )

        return brand_patch
