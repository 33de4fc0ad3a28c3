from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrandIn")


@_attrs_define
class BrandIn:
    """Create a brand (a storefront).

    Attributes:
        name (str):
        host_name (str): Where the store answers (`shop.example.com`); unique.
        default_language (str):
        currency (str): An ISO 4217 currency code (`USD`, `EUR`, `JPY`).
        account_id (None | str | Unset): Defaults to the caller's account.
        languages (list[str] | Unset): Up to 50 languages offered; the default one is added when missing.
    """

    name: str
    host_name: str
    default_language: str
    currency: str
    account_id: None | str | Unset = UNSET
    languages: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        host_name = self.host_name

        default_language = self.default_language

        currency = self.currency

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "host_name": host_name,
                "default_language": default_language,
                "currency": currency,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if languages is not UNSET:
            field_dict["languages"] = languages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        host_name = d.pop("host_name")

        default_language = d.pop("default_language")

        currency = d.pop("currency")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        languages = cast(list[str], d.pop("languages", UNSET))

        brand_in = cls(
            name=name,
            host_name=host_name,
            default_language=default_language,
            currency=currency,
            account_id=account_id,
            languages=languages,
        )

        return brand_in
