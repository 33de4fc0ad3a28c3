from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.plan_in import PlanIn
from ...models.plan_out import PlanOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PlanIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/plans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanOut | Problem:
    if response.status_code == 201:
        response_201 = PlanOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PlanIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[PlanOut | Problem]:
    """Create a service plan (raises `plan.created`): the provider prices a service template;
    an advanced reseller prices a plan its parent gave it (`base_plan_id`), whose prices
    become its wholesale cost. See docs/catalog.md.

    Args:
        idempotency_key (str | Unset):
        body (PlanIn): Create a plan: on a service template (the provider), or on a plan granted
            by the
            parent account (an advanced reseller, whose prices then are its retail prices and the
            parent's its wholesale cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanOut | Problem]
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
    body: PlanIn,
    idempotency_key: str | Unset = UNSET,
) -> PlanOut | Problem | None:
    """Create a service plan (raises `plan.created`): the provider prices a service template;
    an advanced reseller prices a plan its parent gave it (`base_plan_id`), whose prices
    become its wholesale cost. See docs/catalog.md.

    Args:
        idempotency_key (str | Unset):
        body (PlanIn): Create a plan: on a service template (the provider), or on a plan granted
            by the
            parent account (an advanced reseller, whose prices then are its retail prices and the
            parent's its wholesale cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PlanIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[PlanOut | Problem]:
    """Create a service plan (raises `plan.created`): the provider prices a service template;
    an advanced reseller prices a plan its parent gave it (`base_plan_id`), whose prices
    become its wholesale cost. See docs/catalog.md.

    Args:
        idempotency_key (str | Unset):
        body (PlanIn): Create a plan: on a service template (the provider), or on a plan granted
            by the
            parent account (an advanced reseller, whose prices then are its retail prices and the
            parent's its wholesale cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanOut | Problem]
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
    body: PlanIn,
    idempotency_key: str | Unset = UNSET,
) -> PlanOut | Problem | None:
    """Create a service plan (raises `plan.created`): the provider prices a service template;
    an advanced reseller prices a plan its parent gave it (`base_plan_id`), whose prices
    become its wholesale cost. See docs/catalog.md.

    Args:
        idempotency_key (str | Unset):
        body (PlanIn): Create a plan: on a service template (the provider), or on a plan granted
            by the
            parent account (an advanced reseller, whose prices then are its retail prices and the
            parent's its wholesale cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
