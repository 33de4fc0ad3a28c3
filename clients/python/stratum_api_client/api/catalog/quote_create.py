from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.quote_in import QuoteIn
from ...models.quote_out import QuoteOut
from ...types import Response


def _get_kwargs(
    *,
    body: QuoteIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/quotes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | QuoteOut:
    if response.status_code == 200:
        response_200 = QuoteOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | QuoteOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: QuoteIn,
) -> Response[Problem | QuoteOut]:
    """Price a plan: one of its periods, resources beyond the included amounts, a coupon code
    and the promotions in force, itemised exactly as an invoice will compute it (each line
    rounded to the currency's minor units, half away from zero; totals are sums of lines).
    Nothing is stored. See docs/pricing.md.

    Args:
        body (QuoteIn): Price a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuoteOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: QuoteIn,
) -> Problem | QuoteOut | None:
    """Price a plan: one of its periods, resources beyond the included amounts, a coupon code
    and the promotions in force, itemised exactly as an invoice will compute it (each line
    rounded to the currency's minor units, half away from zero; totals are sums of lines).
    Nothing is stored. See docs/pricing.md.

    Args:
        body (QuoteIn): Price a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuoteOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: QuoteIn,
) -> Response[Problem | QuoteOut]:
    """Price a plan: one of its periods, resources beyond the included amounts, a coupon code
    and the promotions in force, itemised exactly as an invoice will compute it (each line
    rounded to the currency's minor units, half away from zero; totals are sums of lines).
    Nothing is stored. See docs/pricing.md.

    Args:
        body (QuoteIn): Price a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuoteOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: QuoteIn,
) -> Problem | QuoteOut | None:
    """Price a plan: one of its periods, resources beyond the included amounts, a coupon code
    and the promotions in force, itemised exactly as an invoice will compute it (each line
    rounded to the currency's minor units, half away from zero; totals are sums of lines).
    Nothing is stored. See docs/pricing.md.

    Args:
        body (QuoteIn): Price a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuoteOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
