from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.token_form import TokenForm
from ...models.token_in import TokenIn
from ...models.token_out import TokenOut
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: TokenIn | TokenForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token",
    }

    if isinstance(body, TokenIn):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, TokenForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TokenOut:
    if response.status_code == 200:
        response_200 = TokenOut.from_dict(response.json())

        return response_200

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TokenOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenIn | TokenForm | Unset = UNSET,
) -> Response[Problem | TokenOut]:
    """Exchange an API key for a short-lived access token (JWT).

     Send `{"api_key": "stk_…"}` as JSON, or the OAuth2 client-credentials form
    (`grant_type=client_credentials&client_secret=stk_…`, form-encoded or JSON). Use the
    token as `Authorization: Bearer <access_token>` until it expires.

    Args:
        body (TokenIn): Exchange an API key for an access token: `api_key`, or the OAuth2 client-
            credentials
            fields (`grant_type` `client_credentials` and the key as `client_secret`).
        body (TokenForm): The OAuth2 client-credentials form (`application/x-www-form-
            urlencoded`), the API key
            as `client_secret`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenOut]
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
    client: AuthenticatedClient | Client,
    body: TokenIn | TokenForm | Unset = UNSET,
) -> Problem | TokenOut | None:
    """Exchange an API key for a short-lived access token (JWT).

     Send `{"api_key": "stk_…"}` as JSON, or the OAuth2 client-credentials form
    (`grant_type=client_credentials&client_secret=stk_…`, form-encoded or JSON). Use the
    token as `Authorization: Bearer <access_token>` until it expires.

    Args:
        body (TokenIn): Exchange an API key for an access token: `api_key`, or the OAuth2 client-
            credentials
            fields (`grant_type` `client_credentials` and the key as `client_secret`).
        body (TokenForm): The OAuth2 client-credentials form (`application/x-www-form-
            urlencoded`), the API key
            as `client_secret`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenIn | TokenForm | Unset = UNSET,
) -> Response[Problem | TokenOut]:
    """Exchange an API key for a short-lived access token (JWT).

     Send `{"api_key": "stk_…"}` as JSON, or the OAuth2 client-credentials form
    (`grant_type=client_credentials&client_secret=stk_…`, form-encoded or JSON). Use the
    token as `Authorization: Bearer <access_token>` until it expires.

    Args:
        body (TokenIn): Exchange an API key for an access token: `api_key`, or the OAuth2 client-
            credentials
            fields (`grant_type` `client_credentials` and the key as `client_secret`).
        body (TokenForm): The OAuth2 client-credentials form (`application/x-www-form-
            urlencoded`), the API key
            as `client_secret`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenIn | TokenForm | Unset = UNSET,
) -> Problem | TokenOut | None:
    """Exchange an API key for a short-lived access token (JWT).

     Send `{"api_key": "stk_…"}` as JSON, or the OAuth2 client-credentials form
    (`grant_type=client_credentials&client_secret=stk_…`, form-encoded or JSON). Use the
    token as `Authorization: Bearer <access_token>` until it expires.

    Args:
        body (TokenIn): Exchange an API key for an access token: `api_key`, or the OAuth2 client-
            credentials
            fields (`grant_type` `client_credentials` and the key as `client_secret`).
        body (TokenForm): The OAuth2 client-credentials form (`application/x-www-form-
            urlencoded`), the API key
            as `client_secret`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
