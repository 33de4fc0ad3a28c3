"""Retries that never create twice, and a token refreshed after a 401 `invalid_token`.

A fault-injecting httpx transport sits under the client: it drops the answer of the first
POST after the server has handled it (as a dead connection would), answers the first list
call with a 503 itself, and spoils the token of one request. The client gets through all
three; the POST was sent twice with the same Idempotency-Key and created one account.

    STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... python retries.py
"""

import os
import uuid

import httpx

from stratum_api_client.api.accounts import account_create, account_list
from stratum_api_client.api.roles import permission_list
from stratum_api_client.models import AccountIn, AccountKind
from stratum_client import RetryPolicy, StratumClient


class Faults(httpx.BaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.drop_post_answers = 0
        self.fake_503s = 0
        self.spoil_tokens = 0
        self.sent: list[tuple[str, str, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((request.method, request.url.path, request.headers.get("Idempotency-Key")))
        if self.spoil_tokens and "Authorization" in request.headers:
            self.spoil_tokens -= 1
            request.headers["Authorization"] = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c3BvaWx0"
        if self.fake_503s and request.method == "GET":
            self.fake_503s -= 1
            return httpx.Response(503, headers={"Retry-After": "0"}, json={"code": "service_unavailable"})
        response = self.inner.handle_request(request)
        if self.drop_post_answers and request.method == "POST" and not request.url.path.endswith("/auth/token"):
            self.drop_post_answers -= 1
            response.read()
            response.close()
            raise httpx.ReadError("connection reset by peer (injected)")
        return response

    def close(self) -> None:
        self.inner.close()


faults = Faults()
policy = RetryPolicy(max_attempts=4, backoff=0.05, max_backoff=0.5)
with StratumClient(
    os.environ["STRATUM_BASE_URL"], os.environ["STRATUM_API_KEY"], transport=faults, retry=policy
) as stratum:
    name = f"Retry Hosting {uuid.uuid4().hex[:8]}"

    # 1. The answer to the create is lost; the retry replays it instead of creating again.
    faults.drop_post_answers = 1
    account = stratum.call(account_create.sync_detailed, body=AccountIn(kind=AccountKind.RESELLER, name=name))
    posts = [key for method, path, key in faults.sent if method == "POST" and path == "/api/v1/accounts"]
    assert len(posts) == 2 and posts[0] and posts[0] == posts[1], posts
    same_name = [
        a.id for a in stratum.paginate(account_list.sync_detailed, kind=AccountKind.RESELLER) if a.name == name
    ]
    assert same_name == [account.id], f"created {len(same_name)} times"
    print(f"lost answer: sent twice with Idempotency-Key {posts[0]}, created once ({account.id})")

    # 2. A 503 is retried after a backoff.
    faults.fake_503s = 1
    before = len(faults.sent)
    page = stratum.call(account_list.sync_detailed, limit=1)
    assert len(page.data) == 1 and len(faults.sent) - before == 2, faults.sent[before:]
    print("503: retried once, then answered")

    # 3. A token the server refuses (401 invalid_token) is replaced, and the call sent again.
    faults.spoil_tokens = 1
    before = len(faults.sent)
    permissions = stratum.call(permission_list.sync_detailed)
    paths = [path for _, path, _ in faults.sent[before:]]
    assert paths == ["/api/v1/permissions", "/api/v1/auth/token", "/api/v1/permissions"], paths
    assert permissions.data
    print("invalid_token: fetched a new token and sent the call again")
