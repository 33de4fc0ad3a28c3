from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.account_kind import AccountKind
from ...models.account_page import AccountPage
from ...models.account_status import AccountStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: AccountKind | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
    parent_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["parent_id"] = parent_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AccountPage | Problem:
    if response.status_code == 200:
        response_200 = AccountPage.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountPage | Problem]:
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
    kind: AccountKind | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
    parent_id: str | Unset = UNSET,
) -> Response[AccountPage | Problem]:
    """List the accounts of the caller's subtree (the caller's own included), oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        kind (AccountKind | Unset): Where an account sits in the tree.
        status (AccountStatus | Unset):
        parent_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        kind=kind,
        status=status,
        parent_id=parent_id,
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
    kind: AccountKind | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
    parent_id: str | Unset = UNSET,
) -> AccountPage | Problem | None:
    """List the accounts of the caller's subtree (the caller's own included), oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        kind (AccountKind | Unset): Where an account sits in the tree.
        status (AccountStatus | Unset):
        parent_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        kind=kind,
        status=status,
        parent_id=parent_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: AccountKind | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
    parent_id: str | Unset = UNSET,
) -> Response[AccountPage | Problem]:
    """List the accounts of the caller's subtree (the caller's own included), oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        kind (AccountKind | Unset): Where an account sits in the tree.
        status (AccountStatus | Unset):
        parent_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        kind=kind,
        status=status,
        parent_id=parent_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    kind: AccountKind | Unset = UNSET,
    status: AccountStatus | Unset = UNSET,
    parent_id: str | Unset = UNSET,
) -> AccountPage | Problem | None:
    """List the accounts of the caller's subtree (the caller's own included), oldest first.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        kind (AccountKind | Unset): Where an account sits in the tree.
        status (AccountStatus | Unset):
        parent_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            kind=kind,
            status=status,
            parent_id=parent_id,
        )
    ).parsed
