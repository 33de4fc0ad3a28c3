from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BrandOut")


@_attrs_define
class BrandOut:
    """A brand.

    Attributes:
        id (str):
        account_id (str):
        name (str):
        host_name (str):
        default_language (str):
        languages (list[str]):
        currency (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    account_id: str
    name: str
    host_name: str
    default_language: str
    languages: list[str]
    currency: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        name = self.name

        host_name = self.host_name

        default_language = self.default_language

        languages = self.languages

        currency = self.currency

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "name": name,
                "host_name": host_name,
                "default_language": default_language,
                "languages": languages,
                "currency": currency,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        name = d.pop("name")

        host_name = d.pop("host_name")

        default_language = d.pop("default_language")

        languages = cast(list[str], d.pop("languages"))

        currency = d.pop("currency")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        brand_out = cls(
            id=id,
            account_id=account_id,
            name=name,
            host_name=host_name,
            default_language=default_language,
            languages=languages,
            currency=currency,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        brand_out.additional_properties = d
        return brand_out

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
