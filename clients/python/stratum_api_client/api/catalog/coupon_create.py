from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.coupon_in import CouponIn
from ...models.coupon_out import CouponOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CouponIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/coupons",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CouponOut | Problem:
    if response.status_code == 201:
        response_201 = CouponOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CouponOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CouponIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[CouponOut | Problem]:
    """Create a coupon (with a `code` customers enter) or a promotion (without one: it applies
    by itself): a percentage or fixed discount on setup and/or recurring fees, for some
    periods or forever, within validity dates and a usage limit, for some plans or all.

    Args:
        idempotency_key (str | Unset):
        body (CouponIn): A coupon (with a `code`) or an automatic promotion (without).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponOut | Problem]
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
    body: CouponIn,
    idempotency_key: str | Unset = UNSET,
) -> CouponOut | Problem | None:
    """Create a coupon (with a `code` customers enter) or a promotion (without one: it applies
    by itself): a percentage or fixed discount on setup and/or recurring fees, for some
    periods or forever, within validity dates and a usage limit, for some plans or all.

    Args:
        idempotency_key (str | Unset):
        body (CouponIn): A coupon (with a `code`) or an automatic promotion (without).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CouponIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[CouponOut | Problem]:
    """Create a coupon (with a `code` customers enter) or a promotion (without one: it applies
    by itself): a percentage or fixed discount on setup and/or recurring fees, for some
    periods or forever, within validity dates and a usage limit, for some plans or all.

    Args:
        idempotency_key (str | Unset):
        body (CouponIn): A coupon (with a `code`) or an automatic promotion (without).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponOut | Problem]
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
    body: CouponIn,
    idempotency_key: str | Unset = UNSET,
) -> CouponOut | Problem | None:
    """Create a coupon (with a `code` customers enter) or a promotion (without one: it applies
    by itself): a percentage or fixed discount on setup and/or recurring fees, for some
    periods or forever, within validity dates and a usage limit, for some plans or all.

    Args:
        idempotency_key (str | Unset):
        body (CouponIn): A coupon (with a `code`) or an automatic promotion (without).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
