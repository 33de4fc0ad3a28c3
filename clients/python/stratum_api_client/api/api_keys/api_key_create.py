from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_key_created_out import ApiKeyCreatedOut
from ...models.api_key_in import ApiKeyIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/api-keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKeyCreatedOut | Problem:
    if response.status_code == 201:
        response_201 = ApiKeyCreatedOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiKeyCreatedOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiKeyCreatedOut | Problem]:
    """Issue an API key for an account and role. The secret `key` is in this answer only.
    Raises `api_key.created`.

    Args:
        idempotency_key (str | Unset):
        body (ApiKeyIn): Issue an API key for an account and a role.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreatedOut | Problem]
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
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,
) -> ApiKeyCreatedOut | Problem | None:
    """Issue an API key for an account and role. The secret `key` is in this answer only.
    Raises `api_key.created`.

    Args:
        idempotency_key (str | Unset):
        body (ApiKeyIn): Issue an API key for an account and a role.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreatedOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiKeyCreatedOut | Problem]:
    """Issue an API key for an account and role. The secret `key` is in this answer only.
    Raises `api_key.created`.

    Args:
        idempotency_key (str | Unset):
        body (ApiKeyIn): Issue an API key for an account and a role.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyCreatedOut | Problem]
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
    body: ApiKeyIn,
    idempotency_key: str | Unset = UNSET,
) -> ApiKeyCreatedOut | Problem | None:
    """Issue an API key for an account and role. The secret `key` is in this answer only.
    Raises `api_key.created`.

    Args:
        idempotency_key (str | Unset):
        body (ApiKeyIn): Issue an API key for an account and a role.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyCreatedOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
