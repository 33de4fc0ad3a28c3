from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.role_in import RoleIn
from ...models.role_out import RoleOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RoleIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/roles",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RoleOut:
    if response.status_code == 201:
        response_201 = RoleOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RoleOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RoleIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RoleOut]:
    """Create a custom role from named permissions; it can be given to users and keys of the
    defining account's subtree.

    Args:
        idempotency_key (str | Unset):
        body (RoleIn): Create a custom role, usable in the subtree of the account that defines it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoleOut]
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
    body: RoleIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RoleOut | None:
    """Create a custom role from named permissions; it can be given to users and keys of the
    defining account's subtree.

    Args:
        idempotency_key (str | Unset):
        body (RoleIn): Create a custom role, usable in the subtree of the account that defines it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoleOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RoleIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RoleOut]:
    """Create a custom role from named permissions; it can be given to users and keys of the
    defining account's subtree.

    Args:
        idempotency_key (str | Unset):
        body (RoleIn): Create a custom role, usable in the subtree of the account that defines it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoleOut]
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
    body: RoleIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RoleOut | None:
    """Create a custom role from named permissions; it can be given to users and keys of the
    defining account's subtree.

    Args:
        idempotency_key (str | Unset):
        body (RoleIn): Create a custom role, usable in the subtree of the account that defines it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoleOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
