from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.notification_page import NotificationPage
from ...models.notification_status import NotificationStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: NotificationStatus | Unset = UNSET,
    event_id: str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["event_id"] = event_id

    params["template_id"] = template_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NotificationPage | Problem:
    if response.status_code == 200:
        response_200 = NotificationPage.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotificationPage | Problem]:
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
    status: NotificationStatus | Unset = UNSET,
    event_id: str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> Response[NotificationPage | Problem]:
    """List the notifications about the accounts of the caller's subtree, oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        status (NotificationStatus | Unset):
        event_id (str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        event_id=event_id,
        template_id=template_id,
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
    status: NotificationStatus | Unset = UNSET,
    event_id: str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> NotificationPage | Problem | None:
    """List the notifications about the accounts of the caller's subtree, oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        status (NotificationStatus | Unset):
        event_id (str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        event_id=event_id,
        template_id=template_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: NotificationStatus | Unset = UNSET,
    event_id: str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> Response[NotificationPage | Problem]:
    """List the notifications about the accounts of the caller's subtree, oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        status (NotificationStatus | Unset):
        event_id (str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        event_id=event_id,
        template_id=template_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    status: NotificationStatus | Unset = UNSET,
    event_id: str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> NotificationPage | Problem | None:
    """List the notifications about the accounts of the caller's subtree, oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        status (NotificationStatus | Unset):
        event_id (str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            event_id=event_id,
            template_id=template_id,
        )
    ).parsed
