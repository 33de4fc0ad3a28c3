from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grant_type import GrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenForm")


@_attrs_define
class TokenForm:
    """The OAuth2 client-credentials form (`application/x-www-form-urlencoded`), the API key
    as `client_secret`.

        Attributes:
            grant_type (GrantType): The OAuth2 grant the token endpoint supports.
            client_secret (str):
            client_id (None | str | Unset): Ignored: the key identifies its holder.
    """

    grant_type: GrantType
    client_secret: str
    client_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type.value

        client_secret = self.client_secret

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant_type": grant_type,
                "client_secret": client_secret,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = GrantType(d.pop("grant_type"))

        client_secret = d.pop("client_secret")

        def _parse_client_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))

        token_form = cls(
            grant_type=grant_type,
            client_secret=client_secret,
            client_id=client_id,
        )

        return token_form
