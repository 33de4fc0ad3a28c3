"""Receive a webhook delivery and verify its signature with the Standard Webhooks library.

Starts a receiver on 127.0.0.1, registers it for `account.*`, creates an account, waits for
the signed `account.created` delivery, verifies it with `standardwebhooks` (pip install
standardwebhooks==1.1.0), checks that a tampered body fails verification, and reads the body
as an `AccountEvent`, the envelope of every `account.*` type, whose `data` is an `AccountOut`.
The server must allow loopback receivers (STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS=true).

STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... python webhook_verify.py
"""

import json
import os
import queue
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from stratum_api_client.api.accounts import account_create
from stratum_api_client.api.webhooks import webhook_endpoint_create, webhook_endpoint_delete
from stratum_api_client.models import AccountEvent, AccountEventType, AccountIn, AccountKind, AccountOut, WebhookEndpointIn
from stratum_client import StratumClient

deliveries: queue.Queue[tuple[bytes, dict[str, str]]] = queue.Queue()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        deliveries.put((body, {k.lower(): v for k, v in self.headers.items()}))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # keep the output quiet
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/hooks/stratum"

try:
    with StratumClient(os.environ["STRATUM_BASE_URL"], os.environ["STRATUM_API_KEY"]) as stratum:
        created = stratum.call(
            webhook_endpoint_create.sync_detailed,
            body=WebhookEndpointIn(url=url, event_types=["account.*"], description="webhook_verify.py"),
        )
        secret = created.secret  # whsec_…, shown only once
        assert secret.startswith("whsec_"), secret
        try:
            account = stratum.call(
                account_create.sync_detailed,
                body=AccountIn(kind=AccountKind.RESELLER, name=f"Webhook Hosting {uuid.uuid4().hex[:8]}"),
            )

            # Wait (at most 10 s) for the account.created event of this account.
            wh = Webhook(secret)
            deadline = time.monotonic() + 10
            while True:
                try:
                    body, headers = deliveries.get(timeout=deadline - time.monotonic())
                except (queue.Empty, ValueError):
                    raise AssertionError("no account.created delivery within 10 s") from None
                # verify() raises WebhookVerificationError if the signature or timestamp is wrong.
                event = wh.verify(body, headers)
                if event["type"] == "account.created" and event["object"]["id"] == account.id:
                    break
            assert headers["webhook-id"] == event["id"], (headers, event["id"])

            # The typed payload: the envelope of the account events, `data` the account itself.
            typed = AccountEvent.from_dict(event)
            assert typed.type_ is AccountEventType.ACCOUNT_CREATED, typed.type_
            assert isinstance(typed.data, AccountOut) and typed.data.id == account.id, typed.data
            assert typed.data.name == account.name, typed.data

            # A tampered body must fail verification.
            tampered = json.dumps({**event, "data": {**event["data"], "name": "Mallory"}})
            try:
                wh.verify(tampered, headers)
            except WebhookVerificationError:
                pass
            else:
                raise AssertionError("a tampered body passed verification")
        finally:
            stratum.call(webhook_endpoint_delete.sync_detailed, id=created.endpoint.id)

    print(
        f"endpoint {created.endpoint.id} received {event['type']} {event['id']} for {account.id}: "
        "signature verified, tampered body rejected"
    )
finally:
    server.shutdown()
