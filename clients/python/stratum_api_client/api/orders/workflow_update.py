from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.workflow_out import WorkflowOut
from ...models.workflow_patch import WorkflowPatch
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: WorkflowPatch,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/workflows/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

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
    body: WorkflowPatch,
    if_match: str | Unset = UNSET,
) -> Response[Problem | WorkflowOut]:
    """Change an active workflow's name, start or steps, validated whole as on create. Orders
    placed before keep their copy of the workflow.

    Args:
        id (str):
        if_match (str | Unset):
        body (WorkflowPatch): Change a workflow's name or steps; orders already placed keep their
            copy.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowOut]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: WorkflowPatch,
    if_match: str | Unset = UNSET,
) -> Problem | WorkflowOut | None:
    """Change an active workflow's name, start or steps, validated whole as on create. Orders
    placed before keep their copy of the workflow.

    Args:
        id (str):
        if_match (str | Unset):
        body (WorkflowPatch): Change a workflow's name or steps; orders already placed keep their
            copy.

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
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: WorkflowPatch,
    if_match: str | Unset = UNSET,
) -> Response[Problem | WorkflowOut]:
    """Change an active workflow's name, start or steps, validated whole as on create. Orders
    placed before keep their copy of the workflow.

    Args:
        id (str):
        if_match (str | Unset):
        body (WorkflowPatch): Change a workflow's name or steps; orders already placed keep their
            copy.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowOut]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: WorkflowPatch,
    if_match: str | Unset = UNSET,
) -> Problem | WorkflowOut | None:
    """Change an active workflow's name, start or steps, validated whole as on create. Orders
    placed before keep their copy of the workflow.

    Args:
        id (str):
        if_match (str | Unset):
        body (WorkflowPatch): Change a workflow's name or steps; orders already placed keep their
            copy.

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
            if_match=if_match,
        )
    ).parsed
