from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_kind import AccountKind
from ..models.reseller_tier import ResellerTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_in_metadata import AccountInMetadata
    from ..models.address import Address


T = TypeVar("T", bound="AccountIn")


@_attrs_define
class AccountIn:
    """Create a reseller or customer account.

    Attributes:
        kind (AccountKind): Where an account sits in the tree.
        name (str):
        parent_id (None | str | Unset): The parent account; defaults to the caller's account. Must be the provider or a
            reseller within the caller's subtree.
        reseller_tier (None | ResellerTier | Unset):
        email (None | str | Unset):
        phone (None | str | Unset):
        tax_id (None | str | Unset): VAT or other tax registration number.
        address (Address | None | Unset):
        language (None | str | Unset): The language of the account's notifications (`en`, `de`, `pt-BR`); when absent,
            the
            nearest ancestor's, else the server's `default_language`.
        metadata (AccountInMetadata | Unset): Up to 50 string pairs for the integrator's own use (e.g. a CRM id): keys
            of 1 to 40 characters, values of at most 500.
    """

    kind: AccountKind
    name: str
    parent_id: None | str | Unset = UNSET
    reseller_tier: None | ResellerTier | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    tax_id: None | str | Unset = UNSET
    address: Address | None | Unset = UNSET
    language: None | str | Unset = UNSET
    metadata: AccountInMetadata | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        kind = self.kind.value

        name = self.name

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        reseller_tier: None | str | Unset
        if isinstance(self.reseller_tier, Unset):
            reseller_tier = UNSET
        elif isinstance(self.reseller_tier, ResellerTier):
            reseller_tier = self.reseller_tier.value
        else:
            reseller_tier = self.reseller_tier

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

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
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
        from ..models.account_in_metadata import AccountInMetadata  # noqa: PLC0415
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        kind = AccountKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_reseller_tier(data: object) -> None | ResellerTier | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reseller_tier_type_0 = ResellerTier(data)

                return reseller_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResellerTier | Unset, data)

        reseller_tier = _parse_reseller_tier(d.pop("reseller_tier", UNSET))

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
        metadata: AccountInMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AccountInMetadata.from_dict(_metadata)

        account_in = cls(
            kind=kind,
            name=name,
            parent_id=parent_id,
            reseller_tier=reseller_tier,
            email=email,
            phone=phone,
            tax_id=tax_id,
            address=address,
            language=language,
            metadata=metadata,
        )

        return account_in
