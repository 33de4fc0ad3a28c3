"""Webhook dispatch benchmark: events raised through the API (account creations) with 32
requests in flight, one endpoint, a local receiver answering 204. Reports end-to-end
deliveries/s (first API call to last delivery), the lag from each API answer to its
delivery (p50/p99), the rate of draining a queued backlog alone (events raised by an
API-only server, then delivered by a fresh one), and the server's memory: resident at idle
(after start, before the load) and its peak while draining.

Usage: python3 bench/webhooks.py BINARY [EVENTS] [--database-url URL]... [--rounds N] [--nodes N]
                                   [--baseline BINARY]

Each --database-url is one database to measure (default: a fresh SQLite file; also taken
from STRATUM_BENCH_DATABASE_URL). A postgres:// URL names a server and a database to
connect to for administration: every phase runs on a database of its own created there
and dropped after. With several URLs the rounds alternate between them, so that their
ratios hold on a shared, noisy machine; the summary gives the median of the rounds.
--nodes N (PostgreSQL only) runs N `stratum serve` processes against one database, each
taking 1/N of the API load and all of them delivering. --baseline BINARY measures another
build (say, of the main branch) in the same alternating rounds, for before/after ratios."""

import argparse
import http.client
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

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


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://"))


class Database:
    """A fresh database for one phase: a SQLite file, or a PostgreSQL database created on
    the server the admin URL names (and dropped by `drop`)."""

    def __init__(self, admin_url, tmp, name):
        self.admin_url = admin_url
        if is_postgres(admin_url):
            self.name = f"stratum_bench_{name}_{secrets.token_hex(4)}"
            self.psql(f"CREATE DATABASE {self.name}")
            base, _, query = admin_url.partition("?")
            self.url = base.rsplit("/", 1)[0] + "/" + self.name + (("?" + query) if query else "")
        else:
            self.name = None
            self.url = os.path.join(tmp, f"{name}_{secrets.token_hex(4)}.db")

    def psql(self, sql):
        subprocess.run(["psql", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", self.admin_url, "-c", sql], check=True,
                       stdout=subprocess.DEVNULL)

    def drop(self):
        if self.name:
            self.psql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


class Server:
    def __init__(self, binary, db_url, key, concurrency):
        env = dict(os.environ, STRATUM_LISTEN="127.0.0.1:0", STRATUM_DATABASE_URL=db_url,
                   STRATUM_BOOTSTRAP_API_KEY=key, STRATUM_JWT_SIGNING_SECRET="b" * 48, STRATUM_LOG_LEVEL="error",
                   STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS="true", STRATUM_WEBHOOK_CONCURRENCY=str(concurrency))
        self.p = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.PIPE, text=True)
        line = self.p.stdout.readline()
        host, port = line.strip().rsplit("//", 1)[1].split(":")
        self.host, self.port = host, int(port)

    def status_kib(self, field):
        with open(f"/proc/{self.p.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.p.kill()
        self.p.wait()


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


def set_up(server, key, url):
    """A token and the one endpoint; returns the token."""
    token = call(server.host, server.port, "POST", "/api/v1/auth/token", {"api_key": key})["access_token"]
    call(server.host, server.port, "POST", "/api/v1/webhook-endpoints",
         {"url": url, "event_types": ["account.created"]}, token)
    return token


def raise_events(servers, token, n):
    """n account creations, 32 in flight, spread evenly over the servers; returns
    [(account id, answer time)]."""
    local = threading.local()

    def one(i):
        s = servers[i % len(servers)]
        if not hasattr(local, "c"):
            local.c = {}
        c = local.c.setdefault(s.port, http.client.HTTPConnection(s.host, s.port))
        acc = call(s.host, s.port, "POST", "/api/v1/accounts", {"kind": "customer", "name": f"Bench {i}"}, token, c)
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


def end_to_end(binary, admin_url, tmp, events, nodes, hook):
    arrivals.clear()
    key = "stk_" + secrets.token_hex(20)
    db = Database(admin_url, tmp, "e2e")
    servers = []
    try:
        servers = [Server(binary, db.url, key, 64) for _ in range(nodes)]
        token = set_up(servers[0], key, hook)
        time.sleep(0.5)
        idle = servers[0].status_kib("VmRSS") / 1024
        t0 = time.monotonic()
        answered = raise_events(servers, token, events)
        api_done = time.monotonic()
        ok = wait_all([a for a, _ in answered], 300)
        last = max(arrivals[a] for a, _ in answered if a in arrivals)
        lags = [(arrivals[a] - t) * 1000 for a, t in answered if a in arrivals]
        peak = max(s.status_kib("VmHWM") for s in servers) / 1024
        return {"delivered": len(lags), "ok": ok, "e2e": len(lags) / (last - t0), "api": events / (api_done - t0),
                "p50": pct(lags, .5), "p99": pct(lags, .99), "idle_mib": idle, "e2e_peak_mib": peak}
    finally:
        for s in servers:
            s.stop()
        db.drop()


def backlog(binary, admin_url, tmp, events, nodes, hook):
    """An API-only server queues the deliveries, fresh servers drain them."""
    arrivals.clear()
    key = "stk_" + secrets.token_hex(20)
    db = Database(admin_url, tmp, "backlog")
    servers = []
    try:
        api = Server(binary, db.url, key, 0)
        try:
            token = set_up(api, key, hook)
            answered = raise_events([api], token, events)
            time.sleep(1.0)  # let the dispatcher turn the last events into deliveries
        finally:
            api.stop()
        t0 = time.monotonic()
        servers = [Server(binary, db.url, key, 64) for _ in range(nodes)]
        ok = wait_all([a for a, _ in answered], 300)
        last = max(arrivals.values())
        peak = max(s.status_kib("VmHWM") for s in servers) / 1024
        return {"drained": len(arrivals), "drain_ok": ok, "drain": len(arrivals) / (last - t0),
                "drain_s": last - t0, "drain_peak_mib": peak}
    finally:
        for s in servers:
            s.stop()
        db.drop()


def label(run, nodes):
    binary, url = run
    kind = "PostgreSQL" if is_postgres(url) else "SQLite"
    return f"{os.path.basename(binary)} {kind}" + (f" x{nodes} nodes" if nodes > 1 else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("events", nargs="?", type=int, default=20000)
    ap.add_argument("--database-url", action="append", dest="urls",
                    help="sqlite (default) or postgres://user@host:port/admin-db; repeat to compare")
    ap.add_argument("--rounds", type=int, default=1, help="alternating rounds per database (median reported)")
    ap.add_argument("--nodes", type=int, default=1, help="server processes on one PostgreSQL database")
    ap.add_argument("--baseline", help="another server binary, measured in the same rounds")
    args = ap.parse_args()
    urls = args.urls or [os.environ.get("STRATUM_BENCH_DATABASE_URL") or "sqlite"]
    binaries = [args.binary] + ([args.baseline] if args.baseline else [])
    if len({os.path.basename(b) for b in binaries}) < len(binaries):
        ap.error("the binaries need different file names (they label the rows)")
    runs = [(b, u) for u in urls for b in binaries]
    if args.nodes > 1 and not all(is_postgres(u) for u in urls):
        ap.error("--nodes needs PostgreSQL database URLs")
    hook = receiver()
    tmp = tempfile.mkdtemp()
    results = {run: [] for run in runs}
    try:
        for r in range(args.rounds):
            for run in runs:
                res = end_to_end(*run, tmp, args.events, args.nodes, hook)
                res.update(backlog(*run, tmp, args.events, args.nodes, hook))
                results[run].append(res)
                print(f"round {r + 1} {label(run, args.nodes)}: end to end {res['delivered']}/{args.events}"
                      f"{'' if res['ok'] else ' (TIMED OUT)'} {res['e2e']:.0f}/s (API {res['api']:.0f} req/s), "
                      f"lag p50 {res['p50']:.1f} ms p99 {res['p99']:.1f} ms; backlog {res['drained']}/{args.events}"
                      f"{'' if res['drain_ok'] else ' (TIMED OUT)'} in {res['drain_s']:.2f} s {res['drain']:.0f}/s "
                      "(including the server's start); RSS idle "
                      f"{res['idle_mib']:.0f} MiB, peak {res['e2e_peak_mib']:.0f} MiB end to end, "
                      f"{res['drain_peak_mib']:.0f} MiB draining", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    med = lambda run, k: statistics.median(x[k] for x in results[run])  # noqa: E731
    print(f"\nmedian of {args.rounds} round(s), {args.events} events, {args.nodes} node(s):")
    print(f"{'server, database':<34} {'e2e/s':>7} {'API/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'drain/s':>8} "
          f"{'idle MiB':>9} {'peak MiB':>9}")
    for u in runs:
        print(f"{label(u, args.nodes):<34} {med(u, 'e2e'):>7.0f} {med(u, 'api'):>7.0f} {med(u, 'p50'):>7.1f} "
              f"{med(u, 'p99'):>7.1f} {med(u, 'drain'):>8.0f} {med(u, 'idle_mib'):>9.0f} "
              f"{max(med(u, 'drain_peak_mib'), med(u, 'e2e_peak_mib')):>9.0f}")
    if not all(x["ok"] and x["drain_ok"] for rs in results.values() for x in rs):
        raise SystemExit("some deliveries did not arrive")


if __name__ == "__main__":
    main()
