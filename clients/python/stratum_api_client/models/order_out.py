from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status import OrderStatus
from ..models.order_type import OrderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fraud_reason import FraudReason
    from ..models.order_line_out import OrderLineOut
    from ..models.order_step_out import OrderStepOut


T = TypeVar("T", bound="OrderOut")


@_attrs_define
class OrderOut:
    """An order.

    Attributes:
        id (str):
        account_id (str): The customer.
        seller_id (str): The account that sells: the owner of the order's plans (the provider, or an
            advanced reseller for its own plans).
        type_ (OrderType):
        status (OrderStatus):
        currency (str):
        lines (list[OrderLineOut]):
        total (str): The sum of the lines' totals.
        steps (list[OrderStepOut]): The steps the order went through, oldest first.
        fraud_reasons (list[FraudReason]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        brand_id (None | str | Unset):
        wholesale_total (None | str | Unset): For an advanced reseller's own plans: what its parent charges it for the
            same
            order (the sum of the lines' wholesale totals).
        coupon_code (None | str | Unset):
        status_reason (None | str | Unset): Why the order was cancelled or rejected.
        ip_country (None | str | Unset):
        workflow_id (None | str | Unset): The workflow the order was placed on (`null`: the built-in default); the order
            keeps its own copy, so editing or archiving the workflow changes nothing here.
        current_step (None | str | Unset): The step of its workflow the order is at (`null` once it ended).
        fraud_score (int | None | Unset): The fraud score, once screened, and the rules that added to it.
    """

    id: str
    account_id: str
    seller_id: str
    type_: OrderType
    status: OrderStatus
    currency: str
    lines: list[OrderLineOut]
    total: str
    steps: list[OrderStepOut]
    fraud_reasons: list[FraudReason]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    brand_id: None | str | Unset = UNSET
    wholesale_total: None | str | Unset = UNSET
    coupon_code: None | str | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    ip_country: None | str | Unset = UNSET
    workflow_id: None | str | Unset = UNSET
    current_step: None | str | Unset = UNSET
    fraud_score: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        seller_id = self.seller_id

        type_ = self.type_.value

        status = self.status.value

        currency = self.currency

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        total = self.total

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        fraud_reasons = []
        for fraud_reasons_item_data in self.fraud_reasons:
            fraud_reasons_item = fraud_reasons_item_data.to_dict()
            fraud_reasons.append(fraud_reasons_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        wholesale_total: None | str | Unset
        if isinstance(self.wholesale_total, Unset):
            wholesale_total = UNSET
        else:
            wholesale_total = self.wholesale_total

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        ip_country: None | str | Unset
        if isinstance(self.ip_country, Unset):
            ip_country = UNSET
        else:
            ip_country = self.ip_country

        workflow_id: None | str | Unset
        if isinstance(self.workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = self.workflow_id

        current_step: None | str | Unset
        if isinstance(self.current_step, Unset):
            current_step = UNSET
        else:
            current_step = self.current_step

        fraud_score: int | None | Unset
        if isinstance(self.fraud_score, Unset):
            fraud_score = UNSET
        else:
            fraud_score = self.fraud_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "seller_id": seller_id,
                "type": type_,
                "status": status,
                "currency": currency,
                "lines": lines,
                "total": total,
                "steps": steps,
                "fraud_reasons": fraud_reasons,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if wholesale_total is not UNSET:
            field_dict["wholesale_total"] = wholesale_total
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if ip_country is not UNSET:
            field_dict["ip_country"] = ip_country
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if current_step is not UNSET:
            field_dict["current_step"] = current_step
        if fraud_score is not UNSET:
            field_dict["fraud_score"] = fraud_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fraud_reason import FraudReason  # noqa: PLC0415
        from ..models.order_line_out import OrderLineOut  # noqa: PLC0415
        from ..models.order_step_out import OrderStepOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        seller_id = d.pop("seller_id")

        type_ = OrderType(d.pop("type"))

        status = OrderStatus(d.pop("status"))

        currency = d.pop("currency")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        total = d.pop("total")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = OrderStepOut.from_dict(steps_item_data)

            steps.append(steps_item)

        fraud_reasons = []
        _fraud_reasons = d.pop("fraud_reasons")
        for fraud_reasons_item_data in _fraud_reasons:
            fraud_reasons_item = FraudReason.from_dict(fraud_reasons_item_data)

            fraud_reasons.append(fraud_reasons_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        def _parse_wholesale_total(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wholesale_total = _parse_wholesale_total(d.pop("wholesale_total", UNSET))

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))

        def _parse_ip_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_country = _parse_ip_country(d.pop("ip_country", UNSET))

        def _parse_workflow_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id", UNSET))

        def _parse_current_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_step = _parse_current_step(d.pop("current_step", UNSET))

        def _parse_fraud_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fraud_score = _parse_fraud_score(d.pop("fraud_score", UNSET))

        order_out = cls(
            id=id,
            account_id=account_id,
            seller_id=seller_id,
            type_=type_,
            status=status,
            currency=currency,
            lines=lines,
            total=total,
            steps=steps,
            fraud_reasons=fraud_reasons,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            brand_id=brand_id,
            wholesale_total=wholesale_total,
            coupon_code=coupon_code,
            status_reason=status_reason,
            ip_country=ip_country,
            workflow_id=workflow_id,
            current_step=current_step,
            fraud_score=fraud_score,
        )

        order_out.additional_properties = d
        return order_out

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
