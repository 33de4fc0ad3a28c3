from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_parameter import OrderParameter
    from ..models.template_resource import TemplateResource


T = TypeVar("T", bound="ServiceTemplatePatch")


@_attrs_define
class ServiceTemplatePatch:
    """Change a template (raises `service_template.updated`). Absent fields stay as they are.

    Attributes:
        name (str | Unset):
        description (None | str | Unset):
        resources (list[TemplateResource] | Unset):
        parameters (list[OrderParameter] | Unset):
    """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    resources: list[TemplateResource] | Unset = UNSET
    parameters: list[OrderParameter] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        resources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = []
            for resources_item_data in self.resources:
                resources_item = resources_item_data.to_dict()
                resources.append(resources_item)

        parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = []
            for parameters_item_data in self.parameters:
                parameters_item = parameters_item_data.to_dict()
                parameters.append(parameters_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if resources is not UNSET:
            field_dict["resources"] = resources
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_parameter import OrderParameter  # noqa: PLC0415
        from ..models.template_resource import TemplateResource  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _resources = d.pop("resources", UNSET)
        resources: list[TemplateResource] | Unset = UNSET
        if _resources is not UNSET:
            resources = []
            for resources_item_data in _resources:
                resources_item = TemplateResource.from_dict(resources_item_data)

                resources.append(resources_item)

        _parameters = d.pop("parameters", UNSET)
        parameters: list[OrderParameter] | Unset = UNSET
        if _parameters is not UNSET:
            parameters = []
            for parameters_item_data in _parameters:
                parameters_item = OrderParameter.from_dict(parameters_item_data)

                parameters.append(parameters_item)

        service_template_patch = cls(
            name=name,
            description=description,
            resources=resources,
            parameters=parameters,
        )

        return service_template_patch
