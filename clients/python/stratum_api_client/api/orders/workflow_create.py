from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.workflow_in import WorkflowIn
from ...models.workflow_out import WorkflowOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WorkflowIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workflows",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkflowOut:
    if response.status_code == 201:
        response_201 = WorkflowOut.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient,
    body: WorkflowIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WorkflowOut]:
    """Create the workflow of the provider or a reseller (`account_id`, default the caller's
    account) for an order type: the new orders of the account's subtree run it, unless a
    reseller below has its own. Validated on save (every step reachable, every outcome a
    transition, no cycle without a manual step, only `notify` steps end the order): 422
    with the field of each problem. An account has at most one active workflow per order
    type: a second answers 409 `conflict` (archive the first). A customer account owns
    none (422 `customer_account`). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (WorkflowIn): Create a workflow for the provider or a reseller (default: the caller's
            account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowOut]
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
    body: WorkflowIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WorkflowOut | None:
    """Create the workflow of the provider or a reseller (`account_id`, default the caller's
    account) for an order type: the new orders of the account's subtree run it, unless a
    reseller below has its own. Validated on save (every step reachable, every outcome a
    transition, no cycle without a manual step, only `notify` steps end the order): 422
    with the field of each problem. An account has at most one active workflow per order
    type: a second answers 409 `conflict` (archive the first). A customer account owns
    none (422 `customer_account`). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (WorkflowIn): Create a workflow for the provider or a reseller (default: the caller's
            account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkflowOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WorkflowIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WorkflowOut]:
    """Create the workflow of the provider or a reseller (`account_id`, default the caller's
    account) for an order type: the new orders of the account's subtree run it, unless a
    reseller below has its own. Validated on save (every step reachable, every outcome a
    transition, no cycle without a manual step, only `notify` steps end the order): 422
    with the field of each problem. An account has at most one active workflow per order
    type: a second answers 409 `conflict` (archive the first). A customer account owns
    none (422 `customer_account`). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (WorkflowIn): Create a workflow for the provider or a reseller (default: the caller's
            account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkflowOut]
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
    body: WorkflowIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WorkflowOut | None:
    """Create the workflow of the provider or a reseller (`account_id`, default the caller's
    account) for an order type: the new orders of the account's subtree run it, unless a
    reseller below has its own. Validated on save (every step reachable, every outcome a
    transition, no cycle without a manual step, only `notify` steps end the order): 422
    with the field of each problem. An account has at most one active workflow per order
    type: a second answers 409 `conflict` (archive the first). A customer account owns
    none (422 `customer_account`). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (WorkflowIn): Create a workflow for the provider or a reseller (default: the caller's
            account).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkflowOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
