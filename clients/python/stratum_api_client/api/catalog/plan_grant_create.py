from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.plan_grant_in import PlanGrantIn
from ...models.plan_grant_out import PlanGrantOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: PlanGrantIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/plans/{id}/grants".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanGrantOut | Problem:
    if response.status_code == 201:
        response_201 = PlanGrantOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PlanGrantOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PlanGrantIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[PlanGrantOut | Problem]:
    """Give the plan to a reseller whose parent owns it (or was given it), to sell.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (PlanGrantIn): Give a plan to a child reseller to sell.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanGrantOut | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PlanGrantIn,
    idempotency_key: str | Unset = UNSET,
) -> PlanGrantOut | Problem | None:
    """Give the plan to a reseller whose parent owns it (or was given it), to sell.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (PlanGrantIn): Give a plan to a child reseller to sell.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanGrantOut | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PlanGrantIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[PlanGrantOut | Problem]:
    """Give the plan to a reseller whose parent owns it (or was given it), to sell.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (PlanGrantIn): Give a plan to a child reseller to sell.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanGrantOut | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PlanGrantIn,
    idempotency_key: str | Unset = UNSET,
) -> PlanGrantOut | Problem | None:
    """Give the plan to a reseller whose parent owns it (or was given it), to sell.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (PlanGrantIn): Give a plan to a child reseller to sell.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanGrantOut | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
