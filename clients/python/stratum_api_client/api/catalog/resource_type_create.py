from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.resource_type_in import ResourceTypeIn
from ...models.resource_type_out import ResourceTypeOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ResourceTypeIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/resource-types",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ResourceTypeOut:
    if response.status_code == 201:
        response_201 = ResourceTypeOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ResourceTypeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ResourceTypeIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ResourceTypeOut]:
    """Define a resource type (raises `resource_type.created`): a unit of what services are
    made of, and the provisioning gateway that delivers it.

    Args:
        idempotency_key (str | Unset):
        body (ResourceTypeIn): Define a resource type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResourceTypeOut]
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
    body: ResourceTypeIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ResourceTypeOut | None:
    """Define a resource type (raises `resource_type.created`): a unit of what services are
    made of, and the provisioning gateway that delivers it.

    Args:
        idempotency_key (str | Unset):
        body (ResourceTypeIn): Define a resource type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResourceTypeOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ResourceTypeIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ResourceTypeOut]:
    """Define a resource type (raises `resource_type.created`): a unit of what services are
    made of, and the provisioning gateway that delivers it.

    Args:
        idempotency_key (str | Unset):
        body (ResourceTypeIn): Define a resource type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResourceTypeOut]
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
    body: ResourceTypeIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ResourceTypeOut | None:
    """Define a resource type (raises `resource_type.created`): a unit of what services are
    made of, and the provisioning gateway that delivers it.

    Args:
        idempotency_key (str | Unset):
        body (ResourceTypeIn): Define a resource type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResourceTypeOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
