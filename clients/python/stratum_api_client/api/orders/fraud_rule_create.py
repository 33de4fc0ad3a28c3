from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.fraud_rule_in import FraudRuleIn
from ...models.fraud_rule_out import FraudRuleOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FraudRuleIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/fraud-rules",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FraudRuleOut | Problem:
    if response.status_code == 201:
        response_201 = FraudRuleOut.from_dict(response.json())

        return response_201

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FraudRuleOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FraudRuleIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[FraudRuleOut | Problem]:
    """Create a fraud rule for the provider or a reseller: it screens every order of the
    account's subtree, and a match adds its `score` to the order's fraud score with a
    reason. Kinds: `total_above` (`amount`, `currency`), `order_velocity` (`count`,
    `hours`), `email_domain` (`domains`), `customer_age` (`days`), `ip_country_mismatch`.

    Args:
        idempotency_key (str | Unset):
        body (FraudRuleIn): A fraud rule; the fields its `kind` needs, and no others matter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FraudRuleOut | Problem]
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
    body: FraudRuleIn,
    idempotency_key: str | Unset = UNSET,
) -> FraudRuleOut | Problem | None:
    """Create a fraud rule for the provider or a reseller: it screens every order of the
    account's subtree, and a match adds its `score` to the order's fraud score with a
    reason. Kinds: `total_above` (`amount`, `currency`), `order_velocity` (`count`,
    `hours`), `email_domain` (`domains`), `customer_age` (`days`), `ip_country_mismatch`.

    Args:
        idempotency_key (str | Unset):
        body (FraudRuleIn): A fraud rule; the fields its `kind` needs, and no others matter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FraudRuleOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FraudRuleIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[FraudRuleOut | Problem]:
    """Create a fraud rule for the provider or a reseller: it screens every order of the
    account's subtree, and a match adds its `score` to the order's fraud score with a
    reason. Kinds: `total_above` (`amount`, `currency`), `order_velocity` (`count`,
    `hours`), `email_domain` (`domains`), `customer_age` (`days`), `ip_country_mismatch`.

    Args:
        idempotency_key (str | Unset):
        body (FraudRuleIn): A fraud rule; the fields its `kind` needs, and no others matter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FraudRuleOut | Problem]
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
    body: FraudRuleIn,
    idempotency_key: str | Unset = UNSET,
) -> FraudRuleOut | Problem | None:
    """Create a fraud rule for the provider or a reseller: it screens every order of the
    account's subtree, and a match adds its `score` to the order's fraud score with a
    reason. Kinds: `total_above` (`amount`, `currency`), `order_velocity` (`count`,
    `hours`), `email_domain` (`domains`), `customer_age` (`days`), `ip_country_mismatch`.

    Args:
        idempotency_key (str | Unset):
        body (FraudRuleIn): A fraud rule; the fields its `kind` needs, and no others matter.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FraudRuleOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
