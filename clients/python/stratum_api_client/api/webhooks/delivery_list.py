from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.delivery_page import DeliveryPage
from ...models.delivery_status import DeliveryStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    endpoint_id: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    status: DeliveryStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["endpoint_id"] = endpoint_id

    params["event_id"] = event_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deliveries",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryPage | Problem:
    if response.status_code == 200:
        response_200 = DeliveryPage.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeliveryPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    endpoint_id: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    status: DeliveryStatus | Unset = UNSET,
) -> Response[DeliveryPage | Problem]:
    """List the webhook deliveries of the caller's subtree.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        endpoint_id (str | Unset):
        event_id (str | Unset):
        status (DeliveryStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        endpoint_id=endpoint_id,
        event_id=event_id,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    endpoint_id: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    status: DeliveryStatus | Unset = UNSET,
) -> DeliveryPage | Problem | None:
    """List the webhook deliveries of the caller's subtree.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        endpoint_id (str | Unset):
        event_id (str | Unset):
        status (DeliveryStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        endpoint_id=endpoint_id,
        event_id=event_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    endpoint_id: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    status: DeliveryStatus | Unset = UNSET,
) -> Response[DeliveryPage | Problem]:
    """List the webhook deliveries of the caller's subtree.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        endpoint_id (str | Unset):
        event_id (str | Unset):
        status (DeliveryStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        endpoint_id=endpoint_id,
        event_id=event_id,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    endpoint_id: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    status: DeliveryStatus | Unset = UNSET,
) -> DeliveryPage | Problem | None:
    """List the webhook deliveries of the caller's subtree.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        endpoint_id (str | Unset):
        event_id (str | Unset):
        status (DeliveryStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            endpoint_id=endpoint_id,
            event_id=event_id,
            status=status,
        )
    ).parsed
