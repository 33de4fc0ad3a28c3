from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_parameter import OrderParameter
    from ..models.template_resource import TemplateResource


T = TypeVar("T", bound="ServiceTemplateIn")


@_attrs_define
class ServiceTemplateIn:
    """Create a service template.

    Attributes:
        name (str):
        resources (list[TemplateResource]): 1 to 50 resource types, each once.
        account_id (None | str | Unset): Defaults to the caller's account.
        description (None | str | Unset):
        parameters (list[OrderParameter] | Unset): Up to 20 parameters.
    """

    name: str
    resources: list[TemplateResource]
    account_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    parameters: list[OrderParameter] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        resources = []
        for resources_item_data in self.resources:
            resources_item = resources_item_data.to_dict()
            resources.append(resources_item)

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = []
            for parameters_item_data in self.parameters:
                parameters_item = parameters_item_data.to_dict()
                parameters.append(parameters_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "resources": resources,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_parameter import OrderParameter  # noqa: PLC0415
        from ..models.template_resource import TemplateResource  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        resources = []
        _resources = d.pop("resources")
        for resources_item_data in _resources:
            resources_item = TemplateResource.from_dict(resources_item_data)

            resources.append(resources_item)

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _parameters = d.pop("parameters", UNSET)
        parameters: list[OrderParameter] | Unset = UNSET
        if _parameters is not UNSET:
            parameters = []
            for parameters_item_data in _parameters:
                parameters_item = OrderParameter.from_dict(parameters_item_data)

                parameters.append(parameters_item)

        service_template_in = cls(
            name=name,
            resources=resources,
            account_id=account_id,
            description=description,
            parameters=parameters,
        )

        return service_template_in
