"""The hand-written layer over the generated `stratum_api_client` package.

`StratumClient` builds the httpx clients that the generated functions use, so every
generated call gets, without extra code:

- an access token: the API key is exchanged at POST /api/v1/auth/token, the token is
  kept, fetched again shortly before it expires, and once more when a call answers 401
  `invalid_token` (the call is then sent again);
- an `Idempotency-Key` (a random UUID) on every POST that has none, kept across retries;
- bounded retries with exponential backoff of network failures and 503 answers, for
  requests that are safe to repeat (GET, PUT, DELETE, any POST with an Idempotency-Key,
  and every request that never reached the server), so a retry never creates twice;
- `ProblemError` raised for every answer with status >= 400, carrying `code`.

`call()` runs one generated operation and returns its typed result; `paginate()` walks
every page of a list operation.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import random
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, cast

import httpx

from stratum_api_client.client import AuthenticatedClient
from stratum_api_client.models.problem import Problem
from stratum_api_client.models.token_out import TokenOut
from stratum_api_client.types import UNSET, Response, Unset

from ._errors import ProblemError

__all__ = ["RetryPolicy", "StratumClient", "TOKEN_PATH"]

VERSION = "0.1.0"
TOKEN_PATH = "/api/v1/auth/token"
IDEMPOTENCY_KEY = "Idempotency-Key"

T = TypeVar("T")


class _Page(Protocol):
    """What every generated `…Page` model has."""

    @property
    def data(self) -> list[Any]: ...

    @property
    def next_cursor(self) -> None | str | Unset: ...


PageT = TypeVar("PageT", bound=_Page)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a request is tried.

    `max_attempts` counts the first try. The n-th retry waits `backoff * 2**(n-1)` seconds
    (at most `max_backoff`), with jitter; a 503's `Retry-After` is honoured up to
    `max_backoff`.
    """

    max_attempts: int = 5
    backoff: float = 0.2
    max_backoff: float = 5.0

    def delay(self, retry: int, retry_after: str | None = None) -> float:
        base = min(self.max_backoff, self.backoff * (2 ** (retry - 1)))
        wait = base * random.uniform(0.5, 1.0)
        hinted = _parse_retry_after(retry_after)
        if hinted is not None:
            wait = max(wait, min(hinted, self.max_backoff))
        return float(wait)


def _parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _is_token_request(request: httpx.Request) -> bool:
    return request.url.path.endswith(TOKEN_PATH)


_REPEATABLE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def _may_retry(request: httpx.Request, exc: Exception | None) -> bool:
    """Whether sending `request` once more cannot apply it twice."""
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
        return True  # it never reached the server
    if exc is not None and not isinstance(exc, (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)):
        return False  # not a network failure: retrying would not help
    return request.method in _REPEATABLE_METHODS or IDEMPOTENCY_KEY in request.headers or _is_token_request(request)


def _prepare(request: httpx.Request) -> None:
    if request.method == "POST" and IDEMPOTENCY_KEY not in request.headers and not _is_token_request(request):
        request.headers[IDEMPOTENCY_KEY] = str(uuid.uuid4())


class _RetryTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self._inner = inner
        self._policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _prepare(request)
        attempt = 1
        while True:
            try:
                response = self._inner.handle_request(request)
            except httpx.TransportError as exc:
                if attempt >= self._policy.max_attempts or not _may_retry(request, exc):
                    raise
                delay = self._policy.delay(attempt)
            else:
                if response.status_code != 503 or attempt >= self._policy.max_attempts or not _may_retry(request, None):
                    return response
                delay = self._policy.delay(attempt, response.headers.get("Retry-After"))
                response.close()
            attempt += 1
            time.sleep(delay)

    def close(self) -> None:
        self._inner.close()


class _AsyncRetryTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self._inner = inner
        self._policy = policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _prepare(request)
        attempt = 1
        while True:
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as exc:
                if attempt >= self._policy.max_attempts or not _may_retry(request, exc):
                    raise
                delay = self._policy.delay(attempt)
            else:
                if response.status_code != 503 or attempt >= self._policy.max_attempts or not _may_retry(request, None):
                    return response
                delay = self._policy.delay(attempt, response.headers.get("Retry-After"))
                await response.aclose()
            attempt += 1
            await asyncio.sleep(delay)

    async def aclose(self) -> None:
        await self._inner.aclose()


class _TokenCache:
    """The current access token, shared by the sync and async clients."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refresh_at = 0.0

    def valid(self) -> str | None:
        with self._lock:
            if self._token is not None and time.monotonic() < self._refresh_at:
                return self._token
            return None

    def store(self, out: TokenOut) -> None:
        # Refresh a little before the server would refuse it: 10% of the lifetime, at most 60 s.
        margin = min(60.0, out.expires_in / 10)
        with self._lock:
            self._token = out.access_token
            self._refresh_at = time.monotonic() + out.expires_in - margin

    def discard(self, token: str) -> None:
        with self._lock:
            if self._token == token:
                self._token = None


def _problem_code(response: httpx.Response) -> str | None:
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


class _TokenAuth(httpx.Auth):
    """Puts a valid access token on each request, fetching it through the same client."""

    requires_response_body = True

    def __init__(self, token_url: str, api_key: str, cache: _TokenCache) -> None:
        self._token_url = token_url
        self._api_key = api_key
        self._cache = cache

    def token_request(self) -> httpx.Request:
        return httpx.Request(
            "POST", self._token_url, json={"api_key": self._api_key}, headers={"Accept": "application/json"}
        )

    def _fetch(self) -> Generator[httpx.Request, httpx.Response, str]:
        response = yield self.token_request()
        if response.status_code != 200:
            raise ProblemError.from_response(response)
        out = TokenOut.from_dict(response.json())
        self._cache.store(out)
        return out.access_token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if _is_token_request(request):
            yield request
            return
        token = self._cache.valid()
        if token is None:
            token = yield from self._fetch()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401 and _problem_code(response) == "invalid_token":
            # Expired early, signed with a retired key, …: one fresh token, one more try.
            self._cache.discard(token)
            token = yield from self._fetch()
            request.headers["Authorization"] = f"Bearer {token}"
            yield request


class _Http(httpx.Client):
    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = super().send(request, **kwargs)
        if response.status_code >= 400:
            try:
                response.read()
            finally:
                response.close()
            raise ProblemError.from_response(response)
        return response


class _AsyncHttp(httpx.AsyncClient):
    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = await super().send(request, **kwargs)
        if response.status_code >= 400:
            try:
                await response.aread()
            finally:
                await response.aclose()
            raise ProblemError.from_response(response)
        return response


def _next_cursor(page: _Page, previous: str | None) -> str | None:
    cursor = page.next_cursor
    if isinstance(cursor, Unset) or not cursor:
        return None
    if cursor == previous:
        raise RuntimeError(f"the server answered the same next_cursor twice ({cursor!r})")
    return cursor


class StratumClient:
    """A Stratum API client for one API key.

    >>> from stratum_api_client.api.accounts import account_get
    >>> with StratumClient("http://127.0.0.1:8080", "stk_…") as stratum:
    ...     account = stratum.call(account_get.sync_detailed, id="acc_…")

    `api` is the generated `AuthenticatedClient`: pass it as `client=` to any generated
    function (`account_get.sync(client=stratum.api, id=…)`); errors raise
    `ProblemError` there too. `transport` / `async_transport` replace the httpx transport
    under the retry layer (for tests, proxies or fault injection).
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        headers: dict[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        verify: bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self._tokens = _TokenCache()
        self._auth = _TokenAuth(self.base_url + TOKEN_PATH, api_key, self._tokens)
        all_headers = {"User-Agent": f"stratum-client-python/{VERSION}", **(headers or {})}
        self._http = _Http(
            base_url=self.base_url,
            auth=self._auth,
            timeout=timeout,
            headers=all_headers,
            transport=_RetryTransport(transport or httpx.HTTPTransport(verify=verify), self.retry),
        )
        self._ahttp = _AsyncHttp(
            base_url=self.base_url,
            auth=self._auth,
            timeout=timeout,
            headers=all_headers,
            transport=_AsyncRetryTransport(async_transport or httpx.AsyncHTTPTransport(verify=verify), self.retry),
        )
        self.api = AuthenticatedClient(base_url=self.base_url, token="")
        self.api.set_httpx_client(self._http)
        self.api.set_async_httpx_client(self._ahttp)

    # -- tokens ----------------------------------------------------------------------

    def fetch_token(self) -> TokenOut:
        """Exchanges the API key for a new access token (and keeps it for later calls)."""
        response = self._http.send(self._auth.token_request())
        out = TokenOut.from_dict(response.json())
        self._tokens.store(out)
        return out

    def access_token(self) -> str:
        """The current access token, fetched first when there is none or it is about to expire."""
        return self._tokens.valid() or self.fetch_token().access_token

    async def afetch_token(self) -> TokenOut:
        response = await self._ahttp.send(self._auth.token_request())
        out = TokenOut.from_dict(response.json())
        self._tokens.store(out)
        return out

    # -- calls -----------------------------------------------------------------------

    def call(self, operation: Callable[..., Response[T | Problem]], /, **kwargs: Any) -> T:
        """Runs a generated `…sync_detailed` function and returns its parsed answer.

        Raises `ProblemError` for an error answer, httpx's exceptions when the network
        still fails after the retries.
        """
        response = operation(client=self.api, **kwargs)
        return cast(T, response.parsed)

    async def acall(self, operation: Callable[..., Awaitable[Response[T | Problem]]], /, **kwargs: Any) -> T:
        """Like `call`, for a generated `…asyncio_detailed` function."""
        response = await operation(client=self.api, **kwargs)
        return cast(T, response.parsed)

    def pages(self, operation: Callable[..., Response[PageT | Problem]], /, **kwargs: Any) -> Iterator[PageT]:
        """Yields every page of a list operation (a `…_list.sync_detailed`), following `next_cursor`.

        Filters and `limit` (objects per page) pass through as keyword arguments.
        """
        cursor: str | None = kwargs.pop("cursor", None)
        while True:
            page = self.call(operation, cursor=UNSET if cursor is None else cursor, **kwargs)
            yield page
            cursor = _next_cursor(page, cursor)
            if cursor is None:
                return

    def paginate(self, operation: Callable[..., Response[Any]], /, **kwargs: Any) -> Iterator[Any]:
        """Yields every object of a list operation (a `…_list.sync_detailed`), page after page.

        Filters and `limit` (objects per page) pass through as keyword arguments.
        """
        for page in self.pages(operation, **kwargs):
            yield from page.data

    async def apages(
        self, operation: Callable[..., Awaitable[Response[PageT | Problem]]], /, **kwargs: Any
    ) -> AsyncIterator[PageT]:
        """Like `pages`, for a generated `…_list.asyncio_detailed` function."""
        cursor: str | None = kwargs.pop("cursor", None)
        while True:
            page = await self.acall(operation, cursor=UNSET if cursor is None else cursor, **kwargs)
            yield page
            cursor = _next_cursor(page, cursor)
            if cursor is None:
                return

    async def apaginate(
        self, operation: Callable[..., Awaitable[Response[Any]]], /, **kwargs: Any
    ) -> AsyncIterator[Any]:
        """Like `paginate`, for a generated `…_list.asyncio_detailed` function."""
        async for page in self.apages(operation, **kwargs):
            for item in page.data:
                yield item

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    async def aclose(self) -> None:
        await self._ahttp.aclose()

    def __enter__(self) -> StratumClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self) -> StratumClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
        self.close()
