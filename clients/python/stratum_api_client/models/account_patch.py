from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reseller_tier import ResellerTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_patch_metadata import AccountPatchMetadata
    from ..models.address import Address


T = TypeVar("T", bound="AccountPatch")


@_attrs_define
class AccountPatch:
    """Change an account. Absent fields stay as they are; `null` clears an optional field.

    Attributes:
        name (str | Unset):
        reseller_tier (ResellerTier | Unset): What a reseller may do: an affiliate refers customers, a basic reseller
            sells its
            parent's plans at its parent's prices, an advanced reseller builds its own plans.
        email (None | str | Unset):
        phone (None | str | Unset):
        tax_id (None | str | Unset):
        address (Address | None | Unset):
        language (None | str | Unset):
        metadata (AccountPatchMetadata | Unset): Replaces the whole metadata map: up to 50 string pairs, keys of 1 to 40
            characters, values of at most 500.
    """

    name: str | Unset = UNSET
    reseller_tier: ResellerTier | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    tax_id: None | str | Unset = UNSET
    address: Address | None | Unset = UNSET
    language: None | str | Unset = UNSET
    metadata: AccountPatchMetadata | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        name = self.name

        reseller_tier: str | Unset = UNSET
        if not isinstance(self.reseller_tier, Unset):
            reseller_tier = self.reseller_tier.value

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        tax_id: None | str | Unset
        if isinstance(self.tax_id, Unset):
            tax_id = UNSET
        else:
            tax_id = self.tax_id

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, Address):
            address = self.address.to_dict()
        else:
            address = self.address

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if reseller_tier is not UNSET:
            field_dict["reseller_tier"] = reseller_tier
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if tax_id is not UNSET:
            field_dict["tax_id"] = tax_id
        if address is not UNSET:
            field_dict["address"] = address
        if language is not UNSET:
            field_dict["language"] = language
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_patch_metadata import AccountPatchMetadata  # noqa: PLC0415
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _reseller_tier = d.pop("reseller_tier", UNSET)
        reseller_tier: ResellerTier | Unset
        if isinstance(_reseller_tier, Unset):
            reseller_tier = UNSET
        else:
            reseller_tier = ResellerTier(_reseller_tier)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_tax_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_id = _parse_tax_id(d.pop("tax_id", UNSET))

        def _parse_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = Address.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Address | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: AccountPatchMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AccountPatchMetadata.from_dict(_metadata)

        account_patch = cls(
            name=name,
            reseller_tier=reseller_tier,
            email=email,
            phone=phone,
            tax_id=tax_id,
            address=address,
            language=language,
            metadata=metadata,
        )

        return account_patch
