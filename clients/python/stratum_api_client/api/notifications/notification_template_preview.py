from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.notification_preview_in import NotificationPreviewIn
from ...models.notification_preview_out import NotificationPreviewOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: NotificationPreviewIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/notification-templates/{id}/preview".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotificationPreviewOut | Problem:
    if response.status_code == 200:
        response_200 = NotificationPreviewOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotificationPreviewOut | Problem]:
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
    body: NotificationPreviewIn,
) -> Response[NotificationPreviewOut | Problem]:
    """Render a template against a stored event, sending nothing: what its notification would
    say, and to whom.

    Args:
        id (str):
        body (NotificationPreviewIn): Render a template against a stored event, without sending
            anything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationPreviewOut | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: NotificationPreviewIn,
) -> NotificationPreviewOut | Problem | None:
    """Render a template against a stored event, sending nothing: what its notification would
    say, and to whom.

    Args:
        id (str):
        body (NotificationPreviewIn): Render a template against a stored event, without sending
            anything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationPreviewOut | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: NotificationPreviewIn,
) -> Response[NotificationPreviewOut | Problem]:
    """Render a template against a stored event, sending nothing: what its notification would
    say, and to whom.

    Args:
        id (str):
        body (NotificationPreviewIn): Render a template against a stored event, without sending
            anything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationPreviewOut | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: NotificationPreviewIn,
) -> NotificationPreviewOut | Problem | None:
    """Render a template against a stored event, sending nothing: what its notification would
    say, and to whom.

    Args:
        id (str):
        body (NotificationPreviewIn): Render a template against a stored event, without sending
            anything.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationPreviewOut | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
