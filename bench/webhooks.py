"""Webhook dispatch benchmark: events raised through the API (account creations) with 32
requests in flight, one endpoint, a local receiver answering 204. Reports end-to-end
deliveries/s (first API call to last delivery), the lag from each API answer to its
delivery (p50/p99), and the rate of draining a queued backlog alone (events raised by an
API-only server, then delivered by a fresh one).

Usage: python3 bench/webhooks.py BINARY [EVENTS]"""

import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

BIN = sys.argv[1]
EVENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
arrivals = {}  # object id -> arrival time (first)
lock = threading.Lock()


def receiver():
    """A minimal keep-alive HTTP/1.1 server: records the object id of each delivery."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(256)

    def conn(c):
        buf = b""
        while True:
            while b"\r\n\r\n" not in buf:
                data = c.recv(65536)
                if not data:
                    return
                buf += data
            head, _, buf = buf.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            while len(buf) < length:
                data = c.recv(65536)
                if not data:
                    return
                buf += data
            body, buf = buf[:length], buf[length:]
            now = time.monotonic()
            oid = json.loads(body)["object"]["id"]
            with lock:
                arrivals.setdefault(oid, now)
            c.sendall(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n")

    def accept():
        while True:
            c, _ = srv.accept()
            threading.Thread(target=conn, args=(c,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return f"http://127.0.0.1:{srv.getsockname()[1]}/hook"


def start(db, key, concurrency):
    env = dict(os.environ, STRATUM_LISTEN="127.0.0.1:0", STRATUM_DATABASE_URL=db, STRATUM_BOOTSTRAP_API_KEY=key,
               STRATUM_JWT_SIGNING_SECRET="b" * 48, STRATUM_LOG_LEVEL="error", STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS="true",
               STRATUM_WEBHOOK_CONCURRENCY=str(concurrency))
    p = subprocess.Popen([BIN, "serve"], env=env, stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    host, port = line.strip().rsplit("//", 1)[1].split(":")
    return p, host, int(port)


def call(host, port, method, path, body=None, token=None, conn=None):
    c = conn or http.client.HTTPConnection(host, port)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    c.request(method, path, json.dumps(body) if body is not None else None, headers)
    r = c.getresponse()
    data = r.read()
    if r.status >= 300:
        raise RuntimeError(f"{method} {path}: {r.status} {data[:200]}")
    return json.loads(data) if data else None


def raise_events(host, port, token, n):
    """n account creations, 32 in flight; returns [(account id, answer time)], elapsed."""
    local = threading.local()

    def one(i):
        if not hasattr(local, "c"):
            local.c = http.client.HTTPConnection(host, port)
        acc = call(host, port, "POST", "/api/v1/accounts", {"kind": "customer", "name": f"Bench {i}"}, token, local.c)
        return acc["id"], time.monotonic()

    with ThreadPoolExecutor(32) as pool:
        return list(pool.map(one, range(n)))


def wait_all(ids, limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with lock:
            if all(i in arrivals for i in ids):
                return True
        time.sleep(0.05)
    return False


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    url = receiver()
    tmp = tempfile.mkdtemp()
    key = "stk_" + secrets.token_hex(20)
    # End to end.
    p, host, port = start(os.path.join(tmp, "e2e.db"), key, 64)
    try:
        token = call(host, port, "POST", "/api/v1/auth/token", {"api_key": key})["access_token"]
        call(host, port, "POST", "/api/v1/webhook-endpoints", {"url": url, "event_types": ["account.created"]}, token)
        t0 = time.monotonic()
        answered = raise_events(host, port, token, EVENTS)
        api_done = time.monotonic()
        ok = wait_all([a for a, _ in answered], 300)
        last = max(arrivals[a] for a, _ in answered if a in arrivals)
        lags = [(arrivals[a] - t) * 1000 for a, t in answered if a in arrivals]
        e2e = len(lags) / (last - t0)
        print(f"end to end: {len(lags)}/{EVENTS} delivered{'' if ok else ' (TIMED OUT)'}, {e2e:.0f} deliveries/s "
              f"(API alone {EVENTS / (api_done - t0):.0f} requests/s); lag p50 {pct(lags, .5):.1f} ms, p99 {pct(lags, .99):.1f} ms")
    finally:
        p.kill()
    # Backlog: an API-only server queues the deliveries, a fresh server drains them.
    arrivals.clear()
    db = os.path.join(tmp, "backlog.db")
    p, host, port = start(db, key, 0)
    try:
        token = call(host, port, "POST", "/api/v1/auth/token", {"api_key": key})["access_token"]
        call(host, port, "POST", "/api/v1/webhook-endpoints", {"url": url, "event_types": ["account.created"]}, token)
        answered = raise_events(host, port, token, EVENTS)
        time.sleep(1.0)  # let the dispatcher turn the last events into deliveries
    finally:
        p.kill()
        p.wait()
    t0 = time.monotonic()
    p, host, port = start(db, key, 64)
    try:
        ok = wait_all([a for a, _ in answered], 300)
        last = max(arrivals.values())
        print(f"backlog: {len(arrivals)}/{EVENTS} drained{'' if ok else ' (TIMED OUT)'} in {last - t0:.2f} s: "
              f"{len(arrivals) / (last - t0):.0f} deliveries/s (including the server's start)")
    finally:
        p.kill()
        p.wait()
        shutil.rmtree(tmp, ignore_errors=True)


main()
