from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.order_type import OrderType
from ...models.problem import Problem
from ...models.workflow_page import WorkflowPage
from ...models.workflow_status import WorkflowStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    status: WorkflowStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["account_id"] = account_id

    json_order_type: str | Unset = UNSET
    if not isinstance(order_type, Unset):
        json_order_type = order_type.value

    params["order_type"] = json_order_type

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/workflows",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkflowPage:
    if response.status_code == 200:
        response_200 = WorkflowPage.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WorkflowPage]:
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
    account_id: str | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    status: WorkflowStatus | Unset = UNSET,
) -> Response[Problem | WorkflowPage]:
    """List the workflows of the caller's subtree, by owner, order type and status.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        order_type (OrderType | Unset):
        status (WorkflowStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        order_type=order_type,
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
    account_id: str | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    status: WorkflowStatus | Unset = UNSET,
) -> Problem | WorkflowPage | None:
    """List the workflows of the caller's subtree, by owner, order type and status.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        order_type (OrderType | Unset):
        status (WorkflowStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkflowPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        order_type=order_type,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    status: WorkflowStatus | Unset = UNSET,
) -> Response[Problem | WorkflowPage]:
    """List the workflows of the caller's subtree, by owner, order type and status.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        order_type (OrderType | Unset):
        status (WorkflowStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        order_type=order_type,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    status: WorkflowStatus | Unset = UNSET,
) -> Problem | WorkflowPage | None:
    """List the workflows of the caller's subtree, by owner, order type and status.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        order_type (OrderType | Unset):
        status (WorkflowStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkflowPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            account_id=account_id,
            order_type=order_type,
            status=status,
        )
    ).parsed
