from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.subscription_page import SubscriptionPage
from ...models.subscription_status import SubscriptionStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    status: SubscriptionStatus | Unset = UNSET,
    plan_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["account_id"] = account_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["plan_id"] = plan_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/subscriptions",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SubscriptionPage:
    if response.status_code == 200:
        response_200 = SubscriptionPage.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SubscriptionPage]:
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
    status: SubscriptionStatus | Unset = UNSET,
    plan_id: str | Unset = UNSET,
) -> Response[Problem | SubscriptionPage]:
    """List the subscriptions of the caller's subtree (a customer's key: its own), oldest
    first, by customer, status and plan.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        status (SubscriptionStatus | Unset):
        plan_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        status=status,
        plan_id=plan_id,
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
    status: SubscriptionStatus | Unset = UNSET,
    plan_id: str | Unset = UNSET,
) -> Problem | SubscriptionPage | None:
    """List the subscriptions of the caller's subtree (a customer's key: its own), oldest
    first, by customer, status and plan.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        status (SubscriptionStatus | Unset):
        plan_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        status=status,
        plan_id=plan_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    status: SubscriptionStatus | Unset = UNSET,
    plan_id: str | Unset = UNSET,
) -> Response[Problem | SubscriptionPage]:
    """List the subscriptions of the caller's subtree (a customer's key: its own), oldest
    first, by customer, status and plan.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        status (SubscriptionStatus | Unset):
        plan_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        account_id=account_id,
        status=status,
        plan_id=plan_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    account_id: str | Unset = UNSET,
    status: SubscriptionStatus | Unset = UNSET,
    plan_id: str | Unset = UNSET,
) -> Problem | SubscriptionPage | None:
    """List the subscriptions of the caller's subtree (a customer's key: its own), oldest
    first, by customer, status and plan.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        account_id (str | Unset):
        status (SubscriptionStatus | Unset):
        plan_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            account_id=account_id,
            status=status,
            plan_id=plan_id,
        )
    ).parsed
