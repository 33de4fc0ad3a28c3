from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.order_in import OrderIn
from ...models.order_out import OrderOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OrderIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderOut | Problem:
    if response.status_code == 201:
        response_201 = OrderOut.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient,
    body: OrderIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[OrderOut | Problem]:
    """Place an order for a customer: one or more plans, each with its period, resources
    beyond the included amounts and the order parameters its template asks for, plus a
    coupon code and the brand it was sold on. Each line is priced exactly as `QuoteCreate`
    prices it and the price is kept: the order never changes price after it is placed. A
    customer orders for itself the plans published on its seller's brands; a reseller or
    the provider may order any plan the customer's parent sells, for a customer of its
    subtree. Raises `order.placed`; the order then runs through its workflow (fraud
    screening, approval when flagged, activation, notification). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (OrderIn): Place an order for a customer account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderOut | Problem]
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
    body: OrderIn,
    idempotency_key: str | Unset = UNSET,
) -> OrderOut | Problem | None:
    """Place an order for a customer: one or more plans, each with its period, resources
    beyond the included amounts and the order parameters its template asks for, plus a
    coupon code and the brand it was sold on. Each line is priced exactly as `QuoteCreate`
    prices it and the price is kept: the order never changes price after it is placed. A
    customer orders for itself the plans published on its seller's brands; a reseller or
    the provider may order any plan the customer's parent sells, for a customer of its
    subtree. Raises `order.placed`; the order then runs through its workflow (fraud
    screening, approval when flagged, activation, notification). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (OrderIn): Place an order for a customer account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrderIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[OrderOut | Problem]:
    """Place an order for a customer: one or more plans, each with its period, resources
    beyond the included amounts and the order parameters its template asks for, plus a
    coupon code and the brand it was sold on. Each line is priced exactly as `QuoteCreate`
    prices it and the price is kept: the order never changes price after it is placed. A
    customer orders for itself the plans published on its seller's brands; a reseller or
    the provider may order any plan the customer's parent sells, for a customer of its
    subtree. Raises `order.placed`; the order then runs through its workflow (fraud
    screening, approval when flagged, activation, notification). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (OrderIn): Place an order for a customer account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderOut | Problem]
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
    body: OrderIn,
    idempotency_key: str | Unset = UNSET,
) -> OrderOut | Problem | None:
    """Place an order for a customer: one or more plans, each with its period, resources
    beyond the included amounts and the order parameters its template asks for, plus a
    coupon code and the brand it was sold on. Each line is priced exactly as `QuoteCreate`
    prices it and the price is kept: the order never changes price after it is placed. A
    customer orders for itself the plans published on its seller's brands; a reseller or
    the provider may order any plan the customer's parent sells, for a customer of its
    subtree. Raises `order.placed`; the order then runs through its workflow (fraud
    screening, approval when flagged, activation, notification). See docs/orders.md.

    Args:
        idempotency_key (str | Unset):
        body (OrderIn): Place an order for a customer account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
