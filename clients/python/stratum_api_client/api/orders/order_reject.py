from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.order_out import OrderOut
from ...models.order_reject_in import OrderRejectIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: OrderRejectIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{id}/reject".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderOut | Problem:
    if response.status_code == 200:
        response_200 = OrderOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrderOut | Problem]:
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
    body: OrderRejectIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[OrderOut | Problem]:
    """Reject an order that waits for approval, saying why: the order takes its workflow's
    rejection path and ends `rejected` (`order.rejected`, the comment as `status_reason`).
    Any other order answers 409 `invalid_state_transition`; the customer itself may not
    reject (403).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (OrderRejectIn): Reject an order waiting for approval, saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderOut | Problem]
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
    body: OrderRejectIn,
    idempotency_key: str | Unset = UNSET,
) -> OrderOut | Problem | None:
    """Reject an order that waits for approval, saying why: the order takes its workflow's
    rejection path and ends `rejected` (`order.rejected`, the comment as `status_reason`).
    Any other order answers 409 `invalid_state_transition`; the customer itself may not
    reject (403).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (OrderRejectIn): Reject an order waiting for approval, saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderOut | Problem
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
    body: OrderRejectIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[OrderOut | Problem]:
    """Reject an order that waits for approval, saying why: the order takes its workflow's
    rejection path and ends `rejected` (`order.rejected`, the comment as `status_reason`).
    Any other order answers 409 `invalid_state_transition`; the customer itself may not
    reject (403).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (OrderRejectIn): Reject an order waiting for approval, saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderOut | Problem]
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
    body: OrderRejectIn,
    idempotency_key: str | Unset = UNSET,
) -> OrderOut | Problem | None:
    """Reject an order that waits for approval, saying why: the order takes its workflow's
    rejection path and ends `rejected` (`order.rejected`, the comment as `status_reason`).
    Any other order answers 409 `invalid_state_transition`; the customer itself may not
    reject (403).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (OrderRejectIn): Reject an order waiting for approval, saying why.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderOut | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
