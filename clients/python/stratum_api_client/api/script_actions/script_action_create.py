from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.script_action_created_out import ScriptActionCreatedOut
from ...models.script_action_in import ScriptActionIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ScriptActionIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/script-actions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ScriptActionCreatedOut:
    if response.status_code == 201:
        response_201 = ScriptActionCreatedOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ScriptActionCreatedOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ScriptActionIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ScriptActionCreatedOut]:
    """Call an external script for the events of an account's subtree.

     Each matching event becomes a task (`script.call`): a POST of the event to the URL,
    signed per Standard Webhooks with the `secret` of this answer (shown once), retried on
    the webhook schedule up to `max_attempts`. See docs/notifications.md.

    Args:
        idempotency_key (str | Unset):
        body (ScriptActionIn): Call a URL with every matching event of an account's subtree,
            signed like a webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScriptActionCreatedOut]
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
    body: ScriptActionIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ScriptActionCreatedOut | None:
    """Call an external script for the events of an account's subtree.

     Each matching event becomes a task (`script.call`): a POST of the event to the URL,
    signed per Standard Webhooks with the `secret` of this answer (shown once), retried on
    the webhook schedule up to `max_attempts`. See docs/notifications.md.

    Args:
        idempotency_key (str | Unset):
        body (ScriptActionIn): Call a URL with every matching event of an account's subtree,
            signed like a webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScriptActionCreatedOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ScriptActionIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ScriptActionCreatedOut]:
    """Call an external script for the events of an account's subtree.

     Each matching event becomes a task (`script.call`): a POST of the event to the URL,
    signed per Standard Webhooks with the `secret` of this answer (shown once), retried on
    the webhook schedule up to `max_attempts`. See docs/notifications.md.

    Args:
        idempotency_key (str | Unset):
        body (ScriptActionIn): Call a URL with every matching event of an account's subtree,
            signed like a webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScriptActionCreatedOut]
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
    body: ScriptActionIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ScriptActionCreatedOut | None:
    """Call an external script for the events of an account's subtree.

     Each matching event becomes a task (`script.call`): a POST of the event to the URL,
    signed per Standard Webhooks with the `secret` of this answer (shown once), retried on
    the webhook schedule up to `max_attempts`. See docs/notifications.md.

    Args:
        idempotency_key (str | Unset):
        body (ScriptActionIn): Call a URL with every matching event of an account's subtree,
            signed like a webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScriptActionCreatedOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
