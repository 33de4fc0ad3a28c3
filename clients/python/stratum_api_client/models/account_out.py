from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_kind import AccountKind
from ..models.account_status import AccountStatus
from ..models.hold_type import HoldType
from ..models.reseller_tier import ResellerTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_out_metadata import AccountOutMetadata
    from ..models.address import Address


T = TypeVar("T", bound="AccountOut")


@_attrs_define
class AccountOut:
    """An account.

    Attributes:
        id (str):
        kind (AccountKind): Where an account sits in the tree.
        name (str):
        status (AccountStatus):
        metadata (AccountOutMetadata):
        version (int): Increases by one with every change; send it back in `If-Match`.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        parent_id (None | str | Unset): `null` for the provider.
        status_reason (None | str | Unset): The reason given with the last status change.
        hold_type (HoldType | None | Unset):
        reseller_tier (None | ResellerTier | Unset):
        email (None | str | Unset):
        phone (None | str | Unset):
        tax_id (None | str | Unset):
        address (Address | None | Unset):
        language (None | str | Unset): The account's own language setting (see `AccountIn.language` for inheritance).
    """

    id: str
    kind: AccountKind
    name: str
    status: AccountStatus
    metadata: AccountOutMetadata
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    parent_id: None | str | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    hold_type: HoldType | None | Unset = UNSET
    reseller_tier: None | ResellerTier | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    tax_id: None | str | Unset = UNSET
    address: Address | None | Unset = UNSET
    language: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        id = self.id

        kind = self.kind.value

        name = self.name

        status = self.status.value

        metadata = self.metadata.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        hold_type: None | str | Unset
        if isinstance(self.hold_type, Unset):
            hold_type = UNSET
        elif isinstance(self.hold_type, HoldType):
            hold_type = self.hold_type.value
        else:
            hold_type = self.hold_type

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "status": status,
                "metadata": metadata,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if hold_type is not UNSET:
            field_dict["hold_type"] = hold_type
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_out_metadata import AccountOutMetadata  # noqa: PLC0415
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = AccountKind(d.pop("kind"))

        name = d.pop("name")

        status = AccountStatus(d.pop("status"))

        metadata = AccountOutMetadata.from_dict(d.pop("metadata"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))

        def _parse_hold_type(data: object) -> HoldType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_type_type_0 = HoldType(data)

                return hold_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HoldType | None | Unset, data)

        hold_type = _parse_hold_type(d.pop("hold_type", UNSET))

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

        account_out = cls(
            id=id,
            kind=kind,
            name=name,
            status=status,
            metadata=metadata,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            parent_id=parent_id,
            status_reason=status_reason,
            hold_type=hold_type,
            reseller_tier=reseller_tier,
            email=email,
            phone=phone,
            tax_id=tax_id,
            address=address,
            language=language,
        )

        account_out.additional_properties = d
        return account_out

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
