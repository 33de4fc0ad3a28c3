import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.order_page import OrderPage
from ...models.order_status import OrderStatus
from ...models.order_type import OrderType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    type_: OrderType | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_until: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["account_id"] = account_id

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_created_from: str | Unset = UNSET
    if not isinstance(created_from, Unset):
        json_created_from = created_from.isoformat()
    params["created_from"] = json_created_from

    json_created_until: str | Unset = UNSET
    if not isinstance(created_until, Unset):
        json_created_until = created_until.isoformat()
    params["created_until"] = json_created_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderPage | Problem:
    if response.status_code == 200:
        response_200 = OrderPage.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrderPage | Problem]:
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
    type_: OrderType | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_until: datetime.datetime | Unset = UNSET,
) -> Response[OrderPage | Problem]:
    """List the orders of the caller's subtree (a customer's key: its own orders), oldest
    first, by customer, type, status and the time they were placed.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        type_ (OrderType | Unset):
        status (OrderStatus | Unset):
        created_from (datetime.datetime | Unset):
        created_until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        type_=type_,
        status=status,
        created_from=created_from,
        created_until=created_until,
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
    type_: OrderType | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_until: datetime.datetime | Unset = UNSET,
) -> OrderPage | Problem | None:
    """List the orders of the caller's subtree (a customer's key: its own orders), oldest
    first, by customer, type, status and the time they were placed.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        type_ (OrderType | Unset):
        status (OrderStatus | Unset):
        created_from (datetime.datetime | Unset):
        created_until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        type_=type_,
        status=status,
        created_from=created_from,
        created_until=created_until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    type_: OrderType | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_until: datetime.datetime | Unset = UNSET,
) -> Response[OrderPage | Problem]:
    """List the orders of the caller's subtree (a customer's key: its own orders), oldest
    first, by customer, type, status and the time they were placed.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        type_ (OrderType | Unset):
        status (OrderStatus | Unset):
        created_from (datetime.datetime | Unset):
        created_until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        type_=type_,
        status=status,
        created_from=created_from,
        created_until=created_until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    type_: OrderType | Unset = UNSET,
    status: OrderStatus | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_until: datetime.datetime | Unset = UNSET,
) -> OrderPage | Problem | None:
    """List the orders of the caller's subtree (a customer's key: its own orders), oldest
    first, by customer, type, status and the time they were placed.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        type_ (OrderType | Unset):
        status (OrderStatus | Unset):
        created_from (datetime.datetime | Unset):
        created_until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            account_id=account_id,
            type_=type_,
            status=status,
            created_from=created_from,
            created_until=created_until,
        )
    ).parsed
