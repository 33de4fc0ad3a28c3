from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.order_type import OrderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_line_in import OrderLineIn


T = TypeVar("T", bound="OrderIn")


@_attrs_define
class OrderIn:
    """Place an order for a customer account.

    Attributes:
        type_ (OrderType):
        lines (list[OrderLineIn]): 1 to 20 plans, all sold by one seller in one currency.
        account_id (None | str | Unset): The customer that buys; defaults to the caller's account, which must then be a
            customer.
        brand_id (None | str | Unset): The storefront the order was placed on: a brand of the seller that publishes
            every
            plan of the order. A customer's own call needs the plans published on one of its
            seller's brands, with or without naming it.
        coupon_code (None | str | Unset): A coupon of the customer's account or an account above it.
        ip_country (None | str | Unset): The country of the buyer's IP address as the storefront saw it (ISO 3166-1
            alpha-2), for fraud screening.
    """

    type_: OrderType
    lines: list[OrderLineIn]
    account_id: None | str | Unset = UNSET
    brand_id: None | str | Unset = UNSET
    coupon_code: None | str | Unset = UNSET
    ip_country: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        ip_country: None | str | Unset
        if isinstance(self.ip_country, Unset):
            ip_country = UNSET
        else:
            ip_country = self.ip_country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "lines": lines,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code
        if ip_country is not UNSET:
            field_dict["ip_country"] = ip_country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line_in import OrderLineIn  # noqa: PLC0415

        d = dict(src_dict)
        type_ = OrderType(d.pop("type"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        def _parse_ip_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_country = _parse_ip_country(d.pop("ip_country", UNSET))

        order_in = cls(
            type_=type_,
            lines=lines,
            account_id=account_id,
            brand_id=brand_id,
            coupon_code=coupon_code,
            ip_country=ip_country,
        )

        return order_in
