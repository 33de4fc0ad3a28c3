from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_secret_out import WebhookSecretOut
from ...models.webhook_secret_rotate_in import WebhookSecretRotateIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: WebhookSecretRotateIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhook-endpoints/{id}/rotate-secret".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookSecretOut:
    if response.status_code == 200:
        response_200 = WebhookSecretOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookSecretOut]:
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
    body: WebhookSecretRotateIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookSecretOut]:
    """Replace the signing secret. The old secret keeps signing alongside the new one for
    `overlap_seconds` (default a day), so receivers can switch without losing a message.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotateIn | Unset): Replace the signing secret; the old one keeps
            signing alongside for `overlap_seconds`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSecretOut]
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
    body: WebhookSecretRotateIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookSecretOut | None:
    """Replace the signing secret. The old secret keeps signing alongside the new one for
    `overlap_seconds` (default a day), so receivers can switch without losing a message.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotateIn | Unset): Replace the signing secret; the old one keeps
            signing alongside for `overlap_seconds`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSecretOut
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
    body: WebhookSecretRotateIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookSecretOut]:
    """Replace the signing secret. The old secret keeps signing alongside the new one for
    `overlap_seconds` (default a day), so receivers can switch without losing a message.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotateIn | Unset): Replace the signing secret; the old one keeps
            signing alongside for `overlap_seconds`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSecretOut]
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
    body: WebhookSecretRotateIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookSecretOut | None:
    """Replace the signing secret. The old secret keeps signing alongside the new one for
    `overlap_seconds` (default a day), so receivers can switch without losing a message.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotateIn | Unset): Replace the signing secret; the old one keeps
            signing alongside for `overlap_seconds`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSecretOut
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
