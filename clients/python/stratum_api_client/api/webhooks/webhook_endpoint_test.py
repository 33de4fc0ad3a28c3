from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_test_in import WebhookTestIn
from ...models.webhook_test_out import WebhookTestOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: WebhookTestIn | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhook-endpoints/{id}/test".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookTestOut:
    if response.status_code == 200:
        response_200 = WebhookTestOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookTestOut]:
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
    body: WebhookTestIn | Unset = UNSET,
) -> Response[Problem | WebhookTestOut]:
    """Send a signed example message of an event type the endpoint takes, now, and answer
    what the endpoint said. Nothing is recorded; the message id starts with `evt_test_`.

    Args:
        id (str):
        body (WebhookTestIn | Unset): Send a signed test message to an endpoint now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookTestOut]
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
    body: WebhookTestIn | Unset = UNSET,
) -> Problem | WebhookTestOut | None:
    """Send a signed example message of an event type the endpoint takes, now, and answer
    what the endpoint said. Nothing is recorded; the message id starts with `evt_test_`.

    Args:
        id (str):
        body (WebhookTestIn | Unset): Send a signed test message to an endpoint now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookTestOut
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
    body: WebhookTestIn | Unset = UNSET,
) -> Response[Problem | WebhookTestOut]:
    """Send a signed example message of an event type the endpoint takes, now, and answer
    what the endpoint said. Nothing is recorded; the message id starts with `evt_test_`.

    Args:
        id (str):
        body (WebhookTestIn | Unset): Send a signed test message to an endpoint now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookTestOut]
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
    body: WebhookTestIn | Unset = UNSET,
) -> Problem | WebhookTestOut | None:
    """Send a signed example message of an event type the endpoint takes, now, and answer
    what the endpoint said. Nothing is recorded; the message id starts with `evt_test_`.

    Args:
        id (str):
        body (WebhookTestIn | Unset): Send a signed test message to an endpoint now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookTestOut
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
