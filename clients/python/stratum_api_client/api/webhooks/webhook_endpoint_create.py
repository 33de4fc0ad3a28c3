from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_endpoint_created_out import WebhookEndpointCreatedOut
from ...models.webhook_endpoint_in import WebhookEndpointIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookEndpointIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhook-endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookEndpointCreatedOut:
    if response.status_code == 201:
        response_201 = WebhookEndpointCreatedOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookEndpointCreatedOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointCreatedOut]:
    """Register a webhook endpoint for the events of an account's subtree.

     Deliveries are signed per Standard Webhooks with the `secret` of this answer (shown
    once). See docs/webhooks.md.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointIn): Register a URL that receives the events of an account's subtree.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointCreatedOut]
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
    body: WebhookEndpointIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookEndpointCreatedOut | None:
    """Register a webhook endpoint for the events of an account's subtree.

     Deliveries are signed per Standard Webhooks with the `secret` of this answer (shown
    once). See docs/webhooks.md.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointIn): Register a URL that receives the events of an account's subtree.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointCreatedOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointCreatedOut]:
    """Register a webhook endpoint for the events of an account's subtree.

     Deliveries are signed per Standard Webhooks with the `secret` of this answer (shown
    once). See docs/webhooks.md.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointIn): Register a URL that receives the events of an account's subtree.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointCreatedOut]
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
    body: WebhookEndpointIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookEndpointCreatedOut | None:
    """Register a webhook endpoint for the events of an account's subtree.

     Deliveries are signed per Standard Webhooks with the `secret` of this answer (shown
    once). See docs/webhooks.md.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointIn): Register a URL that receives the events of an account's subtree.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointCreatedOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
