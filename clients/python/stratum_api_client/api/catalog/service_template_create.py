from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_template_in import ServiceTemplateIn
from ...models.service_template_out import ServiceTemplateOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ServiceTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/service-templates",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ServiceTemplateOut:
    if response.status_code == 201:
        response_201 = ServiceTemplateOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ServiceTemplateOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ServiceTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ServiceTemplateOut]:
    """Create a service template (raises `service_template.created`): resource types with
    included amounts and maximums, and the parameters an order form must collect.

    Args:
        idempotency_key (str | Unset):
        body (ServiceTemplateIn): Create a service template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceTemplateOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ServiceTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ServiceTemplateOut | None:
    """Create a service template (raises `service_template.created`): resource types with
    included amounts and maximums, and the parameters an order form must collect.

    Args:
        idempotency_key (str | Unset):
        body (ServiceTemplateIn): Create a service template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceTemplateOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ServiceTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ServiceTemplateOut]:
    """Create a service template (raises `service_template.created`): resource types with
    included amounts and maximums, and the parameters an order form must collect.

    Args:
        idempotency_key (str | Unset):
        body (ServiceTemplateIn): Create a service template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceTemplateOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ServiceTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ServiceTemplateOut | None:
    """Create a service template (raises `service_template.created`): resource types with
    included amounts and maximums, and the parameters an order form must collect.

    Args:
        idempotency_key (str | Unset):
        body (ServiceTemplateIn): Create a service template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceTemplateOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
