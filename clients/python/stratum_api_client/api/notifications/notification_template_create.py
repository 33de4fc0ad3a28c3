from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.notification_template_in import NotificationTemplateIn
from ...models.notification_template_out import NotificationTemplateOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NotificationTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/notification-templates",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotificationTemplateOut | Problem:
    if response.status_code == 201:
        response_201 = NotificationTemplateOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotificationTemplateOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NotificationTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotificationTemplateOut | Problem]:
    """Create a notification template for an event type and a language.

     The template serves the events of its account's subtree, unless a descendant account
    has its own for the same type and language. Texts are MiniJinja (Jinja2) templates;
    see docs/notifications.md for the variables.

    Args:
        idempotency_key (str | Unset):
        body (NotificationTemplateIn): A notification template for an event type and a language.
            Texts are MiniJinja
            (Jinja2) templates; see docs/notifications.md for the variables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationTemplateOut | Problem]
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
    body: NotificationTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> NotificationTemplateOut | Problem | None:
    """Create a notification template for an event type and a language.

     The template serves the events of its account's subtree, unless a descendant account
    has its own for the same type and language. Texts are MiniJinja (Jinja2) templates;
    see docs/notifications.md for the variables.

    Args:
        idempotency_key (str | Unset):
        body (NotificationTemplateIn): A notification template for an event type and a language.
            Texts are MiniJinja
            (Jinja2) templates; see docs/notifications.md for the variables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationTemplateOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NotificationTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotificationTemplateOut | Problem]:
    """Create a notification template for an event type and a language.

     The template serves the events of its account's subtree, unless a descendant account
    has its own for the same type and language. Texts are MiniJinja (Jinja2) templates;
    see docs/notifications.md for the variables.

    Args:
        idempotency_key (str | Unset):
        body (NotificationTemplateIn): A notification template for an event type and a language.
            Texts are MiniJinja
            (Jinja2) templates; see docs/notifications.md for the variables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationTemplateOut | Problem]
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
    body: NotificationTemplateIn,
    idempotency_key: str | Unset = UNSET,
) -> NotificationTemplateOut | Problem | None:
    """Create a notification template for an event type and a language.

     The template serves the events of its account's subtree, unless a descendant account
    has its own for the same type and language. Texts are MiniJinja (Jinja2) templates;
    see docs/notifications.md for the variables.

    Args:
        idempotency_key (str | Unset):
        body (NotificationTemplateIn): A notification template for an event type and a language.
            Texts are MiniJinja
            (Jinja2) templates; see docs/notifications.md for the variables.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationTemplateOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
