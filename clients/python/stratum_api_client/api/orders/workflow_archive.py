from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_in import EmptyIn
from ...models.problem import Problem
from ...models.workflow_out import WorkflowOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: EmptyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workflows/{id}/archive".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkflowOut:
    if response.status_code == 200:
        response_200 = WorkflowOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WorkflowOut]:
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
    body: EmptyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WorkflowOut]:
    """Archive a workflow: new orders of its subtree run the next ancestor's workflow (or the
    built-in default); orders placed on it keep their copy. Archiving again changes nothing.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EmptyIn | Unset): No fields: send no body, or `{}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowOut]
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
    body: EmptyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WorkflowOut | None:
    """Archive a workflow: new orders of its subtree run the next ancestor's workflow (or the
    built-in default); orders placed on it keep their copy. Archiving again changes nothing.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EmptyIn | Unset): No fields: send no body, or `{}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkflowOut
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
    body: EmptyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WorkflowOut]:
    """Archive a workflow: new orders of its subtree run the next ancestor's workflow (or the
    built-in default); orders placed on it keep their copy. Archiving again changes nothing.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EmptyIn | Unset): No fields: send no body, or `{}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowOut]
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
    body: EmptyIn | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WorkflowOut | None:
    """Archive a workflow: new orders of its subtree run the next ancestor's workflow (or the
    built-in default); orders placed on it keep their copy. Archiving again changes nothing.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EmptyIn | Unset): No fields: send no body, or `{}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkflowOut
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
