from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.test_clock_advance_in import TestClockAdvanceIn
from ...models.test_clock_out import TestClockOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TestClockAdvanceIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/test-clock/advance",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TestClockOut:
    if response.status_code == 200:
        response_200 = TestClockOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TestClockOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TestClockAdvanceIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TestClockOut]:
    """Move the test clock forward (servers started with `--test-clock`, provider only).
    Tasks that become due — retries, reminders, renewals — run at once.

    Args:
        idempotency_key (str | Unset):
        body (TestClockAdvanceIn): Move the clock forward.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TestClockOut]
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
    body: TestClockAdvanceIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TestClockOut | None:
    """Move the test clock forward (servers started with `--test-clock`, provider only).
    Tasks that become due — retries, reminders, renewals — run at once.

    Args:
        idempotency_key (str | Unset):
        body (TestClockAdvanceIn): Move the clock forward.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TestClockOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TestClockAdvanceIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TestClockOut]:
    """Move the test clock forward (servers started with `--test-clock`, provider only).
    Tasks that become due — retries, reminders, renewals — run at once.

    Args:
        idempotency_key (str | Unset):
        body (TestClockAdvanceIn): Move the clock forward.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TestClockOut]
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
    body: TestClockAdvanceIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TestClockOut | None:
    """Move the test clock forward (servers started with `--test-clock`, provider only).
    Tasks that become due — retries, reminders, renewals — run at once.

    Args:
        idempotency_key (str | Unset):
        body (TestClockAdvanceIn): Move the clock forward.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TestClockOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
