"""Orders benchmark: sales orders placed through the API (`OrderCreate`) with 32 requests in
flight and run through the built-in default workflow (fraud screening with no rule
matching, `mark_passed`, `activate` with its subscription, `notify`) to `completed`.

Reports completed orders/s (first `OrderCreate` sent to the last `order.completed`
recorded), the latency from each `OrderCreate` sent to its order's `order.completed`
(p50/p99), both as the event log records it (`occurred_at`) and as a webhook receiver
subscribed to `order.completed` sees it, the API's answer rate and the server's peak RSS.

Usage: python3 bench/orders.py BINARY [ORDERS] [--database-url URL]... [--rounds N]

Each --database-url is one database to measure (default: a fresh SQLite file; `sqlite`
names that default; also taken from STRATUM_BENCH_DATABASE_URL); a postgres:// URL names a
server to create a fresh database on for each round. With several URLs the rounds
alternate between them; the summary gives the median of the rounds."""

import argparse
import datetime
import http.client
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webhooks as wh  # noqa: E402 - the sibling benchmark's receiver, databases and servers

IN_FLIGHT = 32
CUSTOMERS = 100


def catalog(s, token, hook):
    """A plan any customer of the provider can be sold, the customers, the endpoint."""
    c = http.client.HTTPConnection(s.host, s.port)

    def post(path, body):
        return wh.call(s.host, s.port, "POST", path, body, token, c)["id"]

    disk = post("/api/v1/resource-types", {"name": "Disk", "unit": "GB", "gateway": "simulated"})
    tpl = post("/api/v1/service-templates",
               {"name": "Hosting", "resources": [{"resource_type_id": disk, "included": "10", "maximum": "500"}]})
    plan = post("/api/v1/plans", {"service_template_id": tpl, "name": "Web", "currency": "USD",
                                  "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "5.00"}]})
    customers = [post("/api/v1/accounts", {"kind": "customer", "name": f"Customer {i}",
                                           "email": f"c{i}@example.com"}) for i in range(CUSTOMERS)]
    wh.call(s.host, s.port, "POST", "/api/v1/webhook-endpoints", {"url": hook, "event_types": ["order.completed"]},
            token, c)
    return plan, customers


def place(s, token, plan, customers, n):
    """n orders, IN_FLIGHT at a time; returns [(order id, wall time sent)]."""
    local = threading.local()

    def one(i):
        if not hasattr(local, "c"):
            local.c = http.client.HTTPConnection(s.host, s.port)
        body = {"account_id": customers[i % len(customers)], "type": "sales",
                "lines": [{"plan_id": plan, "months": 1}]}
        sent = time.time()
        return wh.call(s.host, s.port, "POST", "/api/v1/orders", body, token, local.c)["id"], sent

    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        return list(pool.map(one, range(n)))


def completions(s, token):
    """order id -> wall time of its order.completed, from the event log."""
    c = http.client.HTTPConnection(s.host, s.port)
    done, cursor = {}, None
    while True:
        page = wh.call(s.host, s.port, "GET",
                       "/api/v1/events?type=order.completed&limit=500" + (f"&cursor={cursor}" if cursor else ""),
                       None, token, c)
        for e in page["data"]:
            at = datetime.datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00"))
            done[e["object"]["id"]] = at.timestamp()
        cursor = page.get("next_cursor")
        if not cursor:
            return done


def one_round(binary, admin_url, tmp, n, hook):
    wh.arrivals.clear()
    key = "stk_" + secrets.token_hex(20)
    db = wh.Database(admin_url, tmp, "orders")
    s = None
    try:
        s = wh.Server(binary, db.url, key, 64)
        token = wh.call(s.host, s.port, "POST", "/api/v1/auth/token", {"api_key": key})["access_token"]
        plan, customers = catalog(s, token, hook)
        # Wall and monotonic clocks side by side: the event log speaks wall time, the
        # receiver monotonic time.
        wall0, mono0 = time.time(), time.monotonic()
        placed = place(s, token, plan, customers, n)
        api_done = time.time()
        ok = wh.wait_all([o for o, _ in placed], 300)
        done = completions(s, token)
        peak = s.status_kib("VmHWM") / 1024
        finished = [(done[o] - sent) * 1000 for o, sent in placed if o in done]
        seen = [(wh.arrivals[o] - mono0 + wall0 - sent) * 1000 for o, sent in placed if o in wh.arrivals]
        last = max(done.values())
        return {"completed": len(finished), "ok": ok and len(finished) == n, "rate": len(finished) / (last - wall0),
                "api": n / (api_done - wall0), "p50": wh.pct(finished, .5), "p99": wh.pct(finished, .99),
                "seen_p50": wh.pct(seen, .5), "seen_p99": wh.pct(seen, .99), "peak_mib": peak}
    finally:
        if s:
            s.stop()
        db.drop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("orders", nargs="?", type=int, default=5000)
    ap.add_argument("--database-url", action="append", dest="urls",
                    help="sqlite (default) or postgres://user@host:port/admin-db; repeat to compare")
    ap.add_argument("--rounds", type=int, default=1, help="alternating rounds per database (median reported)")
    args = ap.parse_args()
    urls = args.urls or [os.environ.get("STRATUM_BENCH_DATABASE_URL") or "sqlite"]
    hook = wh.receiver()
    tmp = tempfile.mkdtemp()
    results = {u: [] for u in urls}
    name = lambda u: "PostgreSQL" if wh.is_postgres(u) else "SQLite"  # noqa: E731
    try:
        for r in range(args.rounds):
            for u in urls:
                res = one_round(args.binary, u, tmp, args.orders, hook)
                results[u].append(res)
                print(f"round {r + 1} {name(u)}: {res['completed']}/{args.orders} completed"
                      f"{'' if res['ok'] else ' (INCOMPLETE)'} {res['rate']:.0f} orders/s (API {res['api']:.0f} "
                      f"req/s); OrderCreate to order.completed p50 {res['p50']:.0f} ms p99 {res['p99']:.0f} ms, "
                      f"to its webhook p50 {res['seen_p50']:.0f} ms p99 {res['seen_p99']:.0f} ms; "
                      f"peak RSS {res['peak_mib']:.0f} MiB", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    med = lambda u, k: statistics.median(x[k] for x in results[u])  # noqa: E731
    print(f"\nmedian of {args.rounds} round(s), {args.orders} orders, {IN_FLIGHT} in flight:")
    print(f"{'database':<12} {'orders/s':>9} {'API/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'hook p50':>9} {'hook p99':>9} "
          f"{'peak MiB':>9}")
    for u in urls:
        print(f"{name(u):<12} {med(u, 'rate'):>9.0f} {med(u, 'api'):>7.0f} {med(u, 'p50'):>7.0f} {med(u, 'p99'):>7.0f} "
              f"{med(u, 'seen_p50'):>9.0f} {med(u, 'seen_p99'):>9.0f} {med(u, 'peak_mib'):>9.0f}")
    if not all(x["ok"] for rs in results.values() for x in rs):
        raise SystemExit("some orders did not complete")


if __name__ == "__main__":
    main()
