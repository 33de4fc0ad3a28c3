#!/usr/bin/env python3
"""Webhook conformance, end to end, against real `stratum serve` processes.

Checks the contract of docs/webhooks.md from the outside: live receivers (stdlib
http.server) take the deliveries, and every one is verified with the independent
`standardwebhooks` library the moment it arrives.

  1  signatures verify with standardwebhooks; the body is the event as GET
     /api/v1/events/{id} shows it; a tampered body (and a wrong secret) fail (control)
  2  tenancy: an endpoint per reseller gets only its own subtree's events
  3  crash: kill -9 while deliveries are in flight, restart on the same SQLite
     database: every event arrives at least once (duplicates counted)
  4  two servers on one PostgreSQL database: every event arrives exactly once
  5  ordering info: one account created and updated 10 times: sequences 1..11
  6  every delivery received in the whole run verified
  7  every delivery received in the whole run validates (jsonschema, draft 2020-12) against
     the schema of its event type's `webhooks` entry in openapi/openapi.json
  8  orders: kill -9 of one of two servers on PostgreSQL while 200 orders are in flight;
     after its restart every order ends completed or rejected, each once, no order placed
     twice (the placing client retries on the other server with the same Idempotency-Key),
     no subscription doubled, and every order's end arrives at the receiver

Scenario 3 mostly waits for the dead process's leases (60 s) to run out, so it runs in a
background thread beside the others.

Environment:
  STRATUM_BIN            the server binary (default target/debug/stratum)
  STRATUM_WH_WORK        a scratch directory (databases, logs, server.pids)
  STRATUM_WH_PG_URL      postgres://… of an existing, empty database for scenario 4
                         (scenario 4 fails when unset)
  STRATUM_WH_PG_ORDERS_URL  the same for scenario 8
  STRATUM_WH_SCENARIOS   comma-separated subset to run, e.g. "1,3" (default: all)

Prints one PASS/FAIL line per check and, last, `RESULT <passed> <failed>`; exits 1 when
a check failed.
"""

import atexit
import json
import os
import pathlib
import secrets
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from jsonschema import Draft202012Validator
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("STRATUM_BIN") or str(REPO / "target/debug/stratum")
WORK = pathlib.Path(os.environ.get("STRATUM_WH_WORK") or tempfile.mkdtemp(prefix="stratum-webhooks."))
OWN_WORK = not os.environ.get("STRATUM_WH_WORK")  # a directory of our own: removed at exit
PG_URL = os.environ.get("STRATUM_WH_PG_URL", "")
PG_ORDERS_URL = os.environ.get("STRATUM_WH_PG_ORDERS_URL", "")
ONLY = {s.strip() for s in os.environ.get("STRATUM_WH_SCENARIOS", "").split(",") if s.strip()}

ALNUM = string.ascii_letters + string.digits
API_KEY = "stk_" + "".join(secrets.choice(ALNUM) for _ in range(40))
JWT_SECRET = "".join(secrets.choice(ALNUM) for _ in range(48))
HTTP_TIMEOUT = 15

T0 = time.monotonic()
OUT = threading.Lock()
RESULTS = {"passed": 0, "failed": 0}


def say(msg):
    with OUT:
        print(f"[{time.monotonic() - T0:6.1f}s] {msg}", flush=True)


def report(name, ok, detail):
    with OUT:
        RESULTS["passed" if ok else "failed"] += 1
        lines = str(detail).splitlines() or [""]
        print(f"{'PASS' if ok else 'FAIL'} {name} — {lines[0]}", flush=True)
        for line in lines[1:]:
            print(f"     {line}", flush=True)


def run_check(name, fn):
    """Runs `fn` (returns the detail, raises AssertionError on a failed check) as one check."""
    started = time.monotonic()
    try:
        detail = fn()
    except AssertionError as e:
        report(name, False, f"{e} ({time.monotonic() - started:.1f} s)")
    except Exception as e:  # noqa: BLE001 - any error is a failed check
        tb = traceback.format_exc(limit=4).strip().splitlines()
        report(name, False, f"{type(e).__name__}: {e} ({time.monotonic() - started:.1f} s)\n" + "\n".join(tb[-6:]))
    else:
        report(name, True, f"{detail} ({time.monotonic() - started:.1f} s)")


def wait_for(what, pred, timeout, interval=0.05):
    """Polls `pred` until true; raises AssertionError naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        if pred():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


# ---------------------------------------------------------------------------------------
# The receiver


class Delivery:
    __slots__ = ("at", "answered", "headers", "body", "event", "verified", "error")

    def __init__(self, headers, body):
        self.at = time.monotonic()
        self.answered = None  # when the handler finished answering (or failed to)
        self.headers = headers
        self.body = body
        try:
            self.event = json.loads(body)
        except ValueError:
            self.event = {}
        self.verified = None  # True/False once checked against the endpoint's secret
        self.error = ""

    @property
    def event_id(self):
        return self.event.get("id")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        # A sender killed mid-request (scenario 3) leaves broken pipes: not our failure.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802 - http.server's naming
        rx = self.server.receiver
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        d = rx.arrive({k.lower(): v for k, v in self.headers.items()}, body)
        try:
            if rx.delay:
                time.sleep(rx.delay)
            self.send_response(rx.status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass
        finally:
            rx.leave(d)

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


class Receiver:
    """A webhook receiver on 127.0.0.1: records every delivery and verifies it with
    standardwebhooks as it arrives, sleeps `delay` seconds, then answers `status`."""

    ALL = []

    def __init__(self, name, delay=0.0, status=204):
        self.name, self.delay, self.status = name, delay, status
        self.secret = None
        self.lock = threading.Lock()
        self.deliveries = []
        self.in_flight = 0
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.receiver = self
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hooks/{name}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        Receiver.ALL.append(self)

    def arrive(self, headers, body):
        d = Delivery(headers, body)
        if self.secret:
            verify(d, self.secret)
        with self.lock:
            self.deliveries.append(d)
            self.in_flight += 1
        return d

    def leave(self, d):
        with self.lock:
            self.in_flight -= 1
            d.answered = time.monotonic()

    def snapshot(self):
        with self.lock:
            return list(self.deliveries)

    def ids(self):
        return [d.event_id for d in self.snapshot()]

    def has_all(self, wanted):
        return set(wanted) <= set(self.ids())

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def verify(d, secret):
    """Verifies a delivery with the standardwebhooks library (id, timestamp, signature)."""
    try:
        Webhook(secret).verify(d.body, d.headers)
    except WebhookVerificationError as e:
        d.verified, d.error = False, f"{type(e).__name__}: {e}"
    else:
        d.verified, d.error = True, ""
        if d.headers.get("webhook-id") != d.event_id:
            d.verified, d.error = False, f"webhook-id {d.headers.get('webhook-id')!r} != body id {d.event_id!r}"


# ---------------------------------------------------------------------------------------
# Servers and the API

SERVERS = []


class Server:
    """One `stratum serve` process; killed (SIGKILL) at exit whatever happens."""

    def __init__(self, name, database_url, **extra_env):
        self.name = name
        self.env = dict(os.environ)
        self.env.update(
            STRATUM_LISTEN="127.0.0.1:0",
            STRATUM_DATABASE_URL=database_url,
            STRATUM_BOOTSTRAP_API_KEY=API_KEY,
            STRATUM_JWT_SIGNING_SECRET=JWT_SECRET,
            STRATUM_LOG_LEVEL="warn",
            STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS="true",
        )
        self.env.update({k: str(v) for k, v in extra_env.items()})
        self.proc = None
        self.base = None
        self.runs = 0

    def start(self, timeout=60):
        self.runs += 1
        tag = f"{self.name}.{self.runs}"
        self.out_path, self.err_path = WORK / f"{tag}.out", WORK / f"{tag}.err"
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen([BIN, "serve"], env=self.env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        SERVERS.append(self)
        with open(WORK / "server.pids", "a") as f:
            f.write(f"{self.proc.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.out_path.read_text(errors="replace").splitlines():
                if line.startswith("stratum listening on http://"):
                    self.base = line.split()[3].rstrip("/")
                    return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"server {tag} did not start (exit {self.proc.poll()}): {self.err_path.read_text()[-2000:]}")

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def api(self, token=None):
        return Api(self.base, token)


def kill_all_servers():
    for s in SERVERS:
        try:
            s.kill9()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


class Api:
    """A provider-admin session against one server (token from the bootstrap key unless given)."""

    def __init__(self, base, token=None):
        self.base = base
        self.http = requests.Session()
        if token is None:
            r = self.http.post(f"{base}/api/v1/auth/token", json={"api_key": API_KEY}, timeout=HTTP_TIMEOUT)
            assert r.status_code == 200, f"POST /api/v1/auth/token -> {r.status_code} {r.text[:500]}"
            token = r.json()["access_token"]
        self.token = token
        self.http.headers["Authorization"] = f"Bearer {token}"

    def call(self, method, path, body=None, expect=(200,)):
        r = self.http.request(method, f"{self.base}{path}", json=body, timeout=HTTP_TIMEOUT)
        if r.status_code not in expect:
            raise AssertionError(
                f"{method} {path} {json.dumps(body) if body is not None else ''} -> {r.status_code}, "
                f"expected {'/'.join(map(str, expect))}: {r.text[:500]}"
            )
        return r.json() if r.content else None

    def get(self, path):
        return self.call("GET", path)

    def all_pages(self, path):
        sep = "&" if "?" in path else "?"
        items, cursor = [], None
        while True:
            page = self.get(f"{path}{sep}limit=500" + (f"&cursor={cursor}" if cursor else ""))
            items += page["data"]
            cursor = page.get("next_cursor")
            if not cursor:
                return items

    def account(self, kind, name, parent_id=None):
        body = {"kind": kind, "name": name}
        if parent_id:
            body["parent_id"] = parent_id
        return self.call("POST", "/api/v1/accounts", body, expect=(201,))["id"]

    def rename(self, account_id, name):
        return self.call("PATCH", f"/api/v1/accounts/{account_id}", {"name": name})

    def endpoint(self, receiver, account_id=None, event_types=("account.*",)):
        body = {"url": receiver.url, "event_types": list(event_types), "description": f"conformance {receiver.name}"}
        if account_id:
            body["account_id"] = account_id
        created = self.call("POST", "/api/v1/webhook-endpoints", body, expect=(201,))
        receiver.secret = created["secret"]
        return created["endpoint"]["id"], created["secret"]

    def created_event_ids(self, account_ids):
        """account id -> the id of its account.created event."""
        wanted = set(account_ids)
        events = self.all_pages("/api/v1/events?type=account.created")
        found = {e["object"]["id"]: e["id"] for e in events if e["object"]["id"] in wanted}
        assert len(found) == len(wanted), f"GET /api/v1/events lists {len(found)} of {len(wanted)} account.created events"
        return found


def describe(ids):
    ids = sorted(ids)
    return ", ".join(ids[:4]) + (f" … ({len(ids)})" if len(ids) > 4 else "")


# ---------------------------------------------------------------------------------------
# The scenarios


class Shared:
    """The SQLite server that scenarios 1, 2 and 5 share, and the provider endpoint of 1."""

    server = None
    api = None
    rx_provider = None


def shared():
    if Shared.server is None:
        Shared.server = Server("sqlite", str(WORK / "shared.db")).start()
        Shared.api = Shared.server.api()
        Shared.rx_provider = Receiver("provider")
        Shared.api.endpoint(Shared.rx_provider)
    return Shared


def scenario_1():
    """Signatures verify with standardwebhooks; bodies are the logged events; controls."""
    sh = shared()
    api, rx = sh.api, sh.rx_provider
    acc = api.account("customer", "Signed Ltd")
    api.rename(acc, "Signed Ltd (renamed)")
    events = api.all_pages(f"/api/v1/events?object_id={acc}")
    ids = [e["id"] for e in events]
    assert [e["type"] for e in events] == ["account.created", "account.updated"], f"GET /api/v1/events?object_id={acc} -> {events}"
    wait_for(f"deliveries of {ids}", lambda: rx.has_all(ids), 20)
    mine = [d for d in rx.snapshot() if d.event_id in ids]

    def signatures():
        bad = [f"{d.event_id}: {d.error}" for d in mine if not d.verified]
        assert not bad, "standardwebhooks refused: " + "; ".join(bad)
        sigs = {d.headers.get("webhook-signature", "").split(",")[0] for d in mine}
        return f"{len(mine)} deliveries verified by standardwebhooks {version('standardwebhooks')} (Webhook(secret).verify); signature versions {sorted(sigs)}"

    def bodies():
        diffs = []
        for d in mine:
            logged = api.get(f"/api/v1/events/{d.event_id}")
            if d.event != logged:
                diffs.append(f"{d.event_id}: delivered {d.body[:300]!r} but GET /api/v1/events/{d.event_id} -> {json.dumps(logged)[:300]}")
            if d.headers.get("content-type", "").split(";")[0] != "application/json":
                diffs.append(f"{d.event_id}: content-type {d.headers.get('content-type')!r}")
        assert not diffs, "; ".join(diffs)
        return f"{len(mine)} bodies equal GET /api/v1/events/{{id}}; webhook-id = event id"

    def controls():
        d = mine[0]
        tampered = d.body.replace(b"Signed Ltd", b"Signed Lte", 1)
        assert tampered != d.body, "could not tamper with the body"
        outcomes = {}
        for what, secret, body, headers in [
            ("tampered body", sh.rx_provider.secret, tampered, d.headers),
            ("wrong secret", "whsec_" + "A" * 44, d.body, d.headers),
            ("other event's id", sh.rx_provider.secret, d.body, {**d.headers, "webhook-id": mine[1].event_id}),
        ]:
            try:
                Webhook(secret).verify(body, headers)
                outcomes[what] = "ACCEPTED"
            except WebhookVerificationError as e:
                outcomes[what] = f"refused ({e})"
        accepted = [k for k, v in outcomes.items() if v == "ACCEPTED"]
        assert not accepted, f"standardwebhooks accepted: {accepted}"
        Webhook(sh.rx_provider.secret).verify(d.body, d.headers)  # and the original still passes
        return "; ".join(f"{k}: {v}" for k, v in outcomes.items())

    run_check("1a signatures verify with standardwebhooks", signatures)
    run_check("1b delivered body is the logged event", bodies)
    run_check("1c control: tampered body / wrong secret / wrong id refused", controls)


def scenario_2():
    """Tenancy: an endpoint of each reseller gets its own subtree's events only."""
    sh = shared()
    api = sh.api
    r1 = api.account("reseller", "Reseller One")
    r2 = api.account("reseller", "Reseller Two")
    r1_sub = api.account("reseller", "Reseller One / Sub", parent_id=r1)
    rx1, rx2 = Receiver("reseller-1"), Receiver("reseller-2")
    api.endpoint(rx1, account_id=r1)
    api.endpoint(rx2, account_id=r2)
    mine = {r1: [], r2: []}
    for i in range(3):
        mine[r1].append(api.account("customer", f"R1 customer {i}", parent_id=r1))
        mine[r2].append(api.account("customer", f"R2 customer {i}", parent_id=r2))
    mine[r1].append(api.account("customer", "R1/Sub customer", parent_id=r1_sub))
    mine[r2].append(api.account("reseller", "R2 sub-reseller", parent_id=r2))
    # and an update inside each subtree
    api.rename(mine[r1][0], "R1 customer 0 (renamed)")
    api.rename(mine[r2][0], "R2 customer 0 (renamed)")

    def expected(accounts):
        out = set()
        for a in accounts:
            out |= {e["id"] for e in api.all_pages(f"/api/v1/events?object_id={a}")}
        return out

    want1, want2 = expected(mine[r1]), expected(mine[r2])

    def check():
        wait_for("each reseller's events at its receiver and at the provider's",
                 lambda: rx1.has_all(want1) and rx2.has_all(want2) and sh.rx_provider.has_all(want1 | want2), 20)
        time.sleep(1.5)  # room for a stray delivery to show up
        got1, got2 = rx1.ids(), rx2.ids()
        problems = []
        for name, got, want, other in [("R1", got1, want1, want2), ("R2", got2, want2, want1)]:
            if set(got) != want:
                extra = set(got) - want
                leaked = extra & other
                problems.append(
                    f"{name}'s endpoint: expected {len(want)} events, got {len(set(got))}; "
                    f"missing {describe(want - set(got)) or '-'}; extra {describe(extra) or '-'} "
                    f"(of which the other reseller's: {describe(leaked) or '-'})"
                )
            if len(got) != len(set(got)):
                problems.append(f"{name}'s endpoint: duplicates {len(got) - len(set(got))}")
        assert not problems, "; ".join(problems)
        return (f"R1 endpoint got exactly its {len(want1)} events (incl. a nested reseller's customer), "
                f"R2 endpoint exactly its {len(want2)}; the provider's endpoint got all {len(want1 | want2)}")

    run_check("2 tenancy: a reseller's endpoint gets only its subtree", check)


def scenario_5():
    """Ordering info: created + 10 quick updates of one account arrive as sequences 1..11."""
    sh = shared()
    api, rx = sh.api, sh.rx_provider

    def check():
        acc = api.account("customer", "Sequenced")
        for i in range(10):
            api.rename(acc, f"Sequenced v{i + 2}")
        wait_for("11 deliveries about the account",
                 lambda: len({d.event_id for d in rx.snapshot() if d.event.get("object", {}).get("id") == acc}) >= 11, 20)
        time.sleep(1.0)
        got = [d for d in rx.snapshot() if d.event.get("object", {}).get("id") == acc]
        seqs = [d.event.get("sequence") for d in got]
        types = {d.event.get("sequence"): d.event.get("type") for d in got}
        assert sorted(seqs) == list(range(1, 12)), f"received sequences {seqs} (arrival order), expected the set 1..11 once each"
        assert types[1] == "account.created" and all(types[s] == "account.updated" for s in range(2, 12)), f"types by sequence {types}"
        in_order = seqs == sorted(seqs)
        return f"sequences 1..11 each once; arrival order {seqs} ({'in order' if in_order else 'overtaken, as the docs allow'})"

    run_check("5 ordering: sequence numbers of one object are 1..11", check)


def scenario_3():
    """kill -9 with deliveries in flight; a restarted server delivers every event."""
    n = 40
    state = {}

    def crash_and_restart():
        rx = Receiver("crash", delay=0.3)
        state["rx"] = rx
        # Four deliveries in flight at a time, so that at the kill some events are answered,
        # some in flight (claimed and leased by the dead process) and some still queued.
        srv = Server("crash", str(WORK / "crash.db"), STRATUM_WEBHOOK_CONCURRENCY=4).start()
        state["srv"] = srv
        api = srv.api()
        api.endpoint(rx)
        accounts = [api.account("customer", f"Crash {i}") for i in range(n)]

        def answered():
            return sum(1 for d in rx.snapshot() if d.answered is not None)

        wait_for("a few answered deliveries and one in flight", lambda: answered() >= 4 and rx.in_flight > 0, 30, interval=0.005)
        with rx.lock:
            srv.kill9()
            t_kill = time.monotonic()
            # What the receiver was still working on when the sender died: the sender never
            # saw the answer, so it must send these again once their lease (60 s) runs out.
            state["answered"] = {d.event_id for d in rx.deliveries if d.answered is not None}
            state["in_flight"] = {d.event_id for d in rx.deliveries if d.answered is None}
            state["kill_index"] = len(rx.deliveries)
        state["t_kill"] = t_kill
        say(f"3: kill -9 after {n} creations: {len(state['answered'])} events answered, "
            f"{len(state['in_flight'])} in flight at the receiver, {n - len(state['answered'] | state['in_flight'])} not sent yet")
        srv.start()
        state["t_up"] = t_up = time.monotonic()
        state["wanted"] = set(srv.api().created_event_ids(accounts).values())
        say(f"3: restarted on the same database in {t_up - t_kill:.1f} s; waiting up to 120 s for every event")

        def after_kill():
            return {d.event_id for d in rx.snapshot()[state["kill_index"]:]}

        def complete():
            return state["wanted"] <= set(rx.ids()) and state["in_flight"] <= after_kill()

        try:
            wait_for("every event at the receiver and the in-flight ones again", complete, 120, interval=0.2)
        except AssertionError:
            pass
        state["t_done"] = time.monotonic()
        time.sleep(0.5)

    def at_least_once():
        crash_and_restart()
        rx, wanted = state["rx"], state["wanted"]
        ids = [i for i in rx.ids() if i in wanted]
        lost = wanted - set(ids)
        assert not lost, f"{len(lost)} of {n} events never arrived within 120 s of the restart: {describe(lost)}"
        dups = len(ids) - len(set(ids))
        twice = sum(1 for i in set(ids) if ids.count(i) > 1)
        assert state["srv"].alive(), f"the restarted server exited: {state['srv'].err_path.read_text()[-1000:]}"
        first = {}
        for d in rx.snapshot():
            first.setdefault(d.event_id, d.at)
        all_in = max(first[i] for i in wanted) - state["t_up"]
        return (f"all {n} events had arrived {all_in:.1f} s after the restart; "
                f"{len(ids)} deliveries received in all, {dups} duplicates ({twice} events more than once); "
                f"at the kill {len(state['answered'])} answered, {len(state['in_flight'])} in flight")

    def lease_resend():
        assert "in_flight" in state, "the crash did not happen"
        rx = state["rx"]
        late = rx.snapshot()[state["kill_index"]:]
        again = {}
        for d in late:
            if d.event_id in state["in_flight"]:
                again.setdefault(d.event_id, d.at - state["t_kill"])
        missing = state["in_flight"] - set(again)
        assert state["in_flight"], "no delivery was in flight at the kill"
        assert not missing, (f"{len(missing)} of the {len(state['in_flight'])} deliveries in flight at the kill were not "
                             f"sent again within 120 s of the restart: {describe(missing)}")
        waits = sorted(again.values())
        return (f"the {len(again)} deliveries in flight at the kill were sent again by the restarted server "
                f"{waits[0]:.1f}–{waits[-1]:.1f} s after the kill (lease 60 s)")

    run_check("3a crash: kill -9 and restart, every event at least once", at_least_once)
    run_check("3b crash: deliveries in flight at the kill re-sent after their lease", lease_resend)


def scenario_4():
    """Two servers on one PostgreSQL database: each event delivered exactly once."""
    n = 40

    def check():
        assert PG_URL, "STRATUM_WH_PG_URL is not set (run through tests/webhooks/run.sh)"
        rx = Receiver("two-servers")
        a = Server("pg-a", PG_URL).start()
        b = Server("pg-b", PG_URL).start()  # after a: migrations and the bootstrap key are in place
        api_a = a.api()
        api_b = b.api(token=api_a.token)  # the same JWT secret: a's token works on b
        ep, _ = api_a.endpoint(rx)
        accounts = [(api_a if i % 2 == 0 else api_b).account("customer", f"Two servers {i}") for i in range(n)]
        wanted = set(api_b.created_event_ids(accounts).values())
        wait_for(f"all {n} events at the receiver", lambda: rx.has_all(wanted), 30, interval=0.1)
        time.sleep(3.0)  # both dispatchers poll every 200 ms: a duplicate would show by now
        ids = rx.ids()
        dups = {i: ids.count(i) for i in set(ids) if ids.count(i) > 1}
        extra = set(ids) - wanted
        deliveries = api_a.all_pages(f"/api/v1/deliveries?endpoint_id={ep}")
        per_event = {}
        for d in deliveries:
            per_event.setdefault(d["event_id"], []).append(d)
        log_dups = {k: len(v) for k, v in per_event.items() if len(v) > 1}
        statuses = sorted({d["status"] for d in deliveries})
        problems = []
        if dups:
            problems.append(f"{len(dups)} events received more than once: {dict(list(dups.items())[:5])}")
        if extra:
            problems.append(f"unexpected events: {describe(extra)}")
        if log_dups:
            problems.append(f"GET /api/v1/deliveries?endpoint_id={ep} lists several deliveries for {len(log_dups)} events: {dict(list(log_dups.items())[:5])}")
        assert a.alive() and b.alive(), "a server exited"
        assert not problems, f"{len(ids)} deliveries for {n} events: " + "; ".join(problems)
        return (f"{n} events created alternately on two servers, {len(ids)} deliveries received, each event exactly once; "
                f"delivery log: {len(deliveries)} deliveries, statuses {statuses}")

    run_check("4 two servers on PostgreSQL: each event exactly once", check)


# Scenario 8's workflow: an order that screening flags is rejected by the workflow itself,
# so that every order ends without a person deciding.
AUTO_REJECT = {
    "order_type": "sales",
    "name": "reject what screening flags",
    "start": "fraud_screen",
    "steps": [
        {"name": "fraud_screen", "kind": "automatic", "action": "fraud_screen", "on": {"done": "screening"}},
        {"name": "screening", "kind": "decision", "condition": {"fact": "fraud_score", "op": "ge", "value": "50"},
         "on": {"yes": "mark_suspect", "no": "mark_passed"}},
        {"name": "mark_suspect", "kind": "automatic", "action": "mark_suspect", "on": {"done": "notify_rejected"}},
        {"name": "mark_passed", "kind": "automatic", "action": "mark_passed", "on": {"done": "activate"}},
        {"name": "activate", "kind": "automatic", "action": "activate",
         "on": {"done": "notify_completed", "refused": "notify_rejected"}},
        {"name": "notify_completed", "kind": "automatic", "action": "notify", "on": {"done": "completed"}},
        {"name": "notify_rejected", "kind": "automatic", "action": "notify", "on": {"done": "rejected"}},
    ],
}


def scenario_8():
    """Orders on two servers sharing one PostgreSQL database; one is killed (kill -9) while
    200 orders are in flight and restarted. Every order ends once, none is placed twice."""
    n, customers, placers = 200, 20, 8
    state = {}

    def place_through_a_crash():
        assert PG_ORDERS_URL, "STRATUM_WH_PG_ORDERS_URL is not set (run through tests/webhooks/run.sh)"
        rx = Receiver("orders")
        a = Server("orders-a", PG_ORDERS_URL).start()
        b = Server("orders-b", PG_ORDERS_URL).start()
        api_a = a.api()
        api_b = b.api(token=api_a.token)
        api_a.endpoint(rx, event_types=("order.*", "subscription.created"))
        disk = api_a.call("POST", "/api/v1/resource-types", {"name": "Disk", "unit": "GB", "gateway": "simulated"},
                          expect=(201,))["id"]
        tpl = api_a.call("POST", "/api/v1/service-templates",
                         {"name": "Hosting", "resources": [{"resource_type_id": disk, "included": "10", "maximum": "50"}]},
                         expect=(201,))["id"]
        plan = api_a.call("POST", "/api/v1/plans",
                          {"service_template_id": tpl, "name": "Web", "currency": "USD",
                           "periods": [{"months": 1, "setup_fee": "0", "recurring_fee": "5.00"}]},
                          expect=(201,))["id"]
        api_a.call("POST", "/api/v1/fraud-rules",
                   {"name": "blocked domain", "kind": "email_domain", "domains": ["fraud.example"], "score": 100},
                   expect=(201,))
        api_a.call("POST", "/api/v1/workflows", AUTO_REJECT, expect=(201,))
        # Every fourth customer's e-mail is at the blocked domain: its orders are rejected.
        flagged = {i for i in range(customers) if i % 4 == 0}
        accounts = []
        for i in range(customers):
            domain = "fraud.example" if i in flagged else "example.com"
            body = {"kind": "customer", "name": f"Orders {i}", "email": f"c{i}@{domain}"}
            accounts.append(api_a.call("POST", "/api/v1/accounts", body, expect=(201,))["id"])
        state.update(rx=rx, a=a, b=b, api_b=api_b, accounts=accounts,
                     rejected_accounts={accounts[i] for i in flagged})

        placed, retried, lock = {}, [], threading.Lock()
        acked = threading.Event()

        def place(i):
            """Order i through server a (even) or b (odd); when a is gone, again through b
            with the same Idempotency-Key."""
            body = {"account_id": accounts[i % customers], "type": "sales", "lines": [{"plan_id": plan, "months": 1}]}
            headers = {"Idempotency-Key": f"crash-order-{i}"}
            for attempt, srv in enumerate([a, b, b, b] if i % 2 == 0 else [b, b, b]):
                try:
                    r = requests.post(f"{srv.base}/api/v1/orders", json=body, headers=headers | {
                        "Authorization": f"Bearer {api_a.token}"}, timeout=HTTP_TIMEOUT)
                except requests.ConnectionError:
                    with lock:
                        retried.append(i)
                    continue
                assert r.status_code == 201, f"order {i} through {srv.name} -> {r.status_code}: {r.text[:300]}"
                with lock:
                    placed[i] = r.json()["id"]
                    if len(placed) >= n // 3:
                        acked.set()
                return
            raise AssertionError(f"order {i} could not be placed on either server")

        errors = []

        def placer(k):
            for i in range(k, n, placers):
                try:
                    place(i)
                except Exception as e:  # noqa: BLE001 - reported below
                    errors.append(f"{type(e).__name__}: {e}")

        threads = [threading.Thread(target=placer, args=(k,), daemon=True) for k in range(placers)]
        for t in threads:
            t.start()
        # A third of the orders answered: the others are being placed, their steps run on
        # both servers, deliveries are in flight.
        assert acked.wait(60), f"only {len(placed)} orders placed within 60 s"

        def running():
            """Orders placed whose workflow has not ended (read a moment before the kill)."""
            state["open_at_kill"] = sum(1 for o in api_b.all_pages("/api/v1/orders")
                                        if o["status"] not in ("completed", "rejected"))
            return state["open_at_kill"] > 0

        wait_for("orders running their workflow", running, 10, interval=0.001)
        a.kill9()
        with lock:
            at_kill = state["at_kill"] = len(placed)
        state["t_kill"] = time.monotonic()
        for t in threads:
            t.join(120)
        assert not errors, f"{len(errors)} orders failed: {errors[:3]}"
        a.start()
        say(f"8: kill -9 of server a after {at_kill} of {n} orders answered; {len(set(retried))} retried on b; "
            f"a restarted {time.monotonic() - state['t_kill']:.1f} s after the kill")
        state["placed"] = placed

        def ended():
            open_ = [o for o in api_b.all_pages("/api/v1/orders") if o["status"] not in ("completed", "rejected")]
            state["open"] = open_
            return not open_

        try:
            wait_for("every order completed or rejected", ended, 60, interval=0.2)
        except AssertionError:
            pass

    def each_once():
        place_through_a_crash()
        api_b, placed = state["api_b"], state["placed"]
        assert state["a"].alive() and state["b"].alive(), "a server exited"
        assert not state["open"], (f"{len(state['open'])} orders still open 60 s after the restart: "
                                   f"{[(o['id'], o['status'], o['current_step'], o['steps'][-1]) for o in state['open'][:3]]}")
        orders = {o["id"]: o for o in api_b.all_pages("/api/v1/orders")}
        assert len(placed) == n and len(set(placed.values())) == n, f"{len(set(placed.values()))} distinct orders for {n} keys"
        assert set(orders) == set(placed.values()), f"{len(orders)} orders listed for {n} placed: {describe(set(orders) ^ set(placed.values()))}"
        by_type = {t: [e["object"]["id"] for e in api_b.all_pages(f"/api/v1/events?type={t}")]
                   for t in ("order.placed", "order.completed", "order.rejected")}
        problems = []
        for t in ("order.placed",):
            if sorted(by_type.get(t, [])) != sorted(orders):
                problems.append(f"{len(by_type.get(t, []))} {t} events for {n} orders")
        ends = by_type.get("order.completed", []) + by_type.get("order.rejected", [])
        if sorted(ends) != sorted(orders):
            twice = {i for i in ends if ends.count(i) > 1}
            problems.append(f"{len(ends)} order.completed/rejected events for {n} orders, {len(twice)} orders ended twice")
        should_reject = {i for i, o in orders.items() if o["account_id"] in state["rejected_accounts"]}
        got_rejected = {i for i, o in orders.items() if o["status"] == "rejected"}
        if got_rejected != should_reject:
            problems.append(f"{len(got_rejected)} rejected, {len(should_reject)} expected (the flagged customers' orders)")
        subs = api_b.all_pages("/api/v1/subscriptions")
        per_order = {}
        for sub in subs:
            per_order[sub["order_id"]] = per_order.get(sub["order_id"], 0) + 1
        completed = {i for i, o in orders.items() if o["status"] == "completed"}
        if set(per_order) != completed or any(v != 1 for v in per_order.values()):
            doubled = {k: v for k, v in per_order.items() if v != 1}
            problems.append(f"{len(subs)} subscriptions for {len(completed)} completed orders; doubled: {dict(list(doubled.items())[:3])}")
        for o in orders.values():
            names = [s["name"] for s in o["steps"]]
            if len(names) != len(set(names)) or any(s["outcome"] is None for s in o["steps"]):
                problems.append(f"order {o['id']} steps: {[(s['name'], s['outcome']) for s in o['steps']]}")
                break
        assert not problems, "; ".join(problems)
        return (f"{n} orders placed through two servers, server a killed after {state['at_kill']} were answered "
                f"({state['open_at_kill']} orders running their workflow a moment before): "
                f"{len(completed)} completed, {len(got_rejected)} rejected, each once; {len(subs)} subscriptions, one per "
                f"completed order; every step of every order ran once")

    def ends_delivered():
        assert "placed" in state, "the orders were not placed"
        rx, api_b = state["rx"], state["api_b"]
        wanted = {e["id"] for t in ("order.completed", "order.rejected")
                  for e in api_b.all_pages(f"/api/v1/events?type={t}")}
        # Deliveries in flight at the kill are sent again once their lease (60 s) runs out.
        wait_for("every order.completed/rejected at the receiver", lambda: rx.has_all(wanted), 90, interval=0.2)
        return (f"all {len(wanted)} order.completed/rejected events arrived, "
                f"{time.monotonic() - state['t_kill']:.1f} s after the kill; {len(rx.ids())} deliveries received")

    run_check("8a orders: kill -9 of one of two servers on PostgreSQL, every order ends once", each_once)
    run_check("8b orders: every order's end delivered after the crash", ends_delivered)


def scenario_6():
    """Every delivery of the whole run verified with standardwebhooks."""

    def check():
        total, bad = 0, []
        for rx in Receiver.ALL:
            for d in rx.snapshot():
                total += 1
                if d.verified is None and rx.secret:
                    verify(d, rx.secret)
                if not d.verified:
                    bad.append(f"{rx.name}/{d.event_id}: {d.error or 'no secret to verify with'}")
        assert total > 0, "no deliveries received"
        assert not bad, f"{len(bad)} of {total} failed: " + "; ".join(bad[:5])
        return f"all {total} deliveries to {len(Receiver.ALL)} receivers verified on arrival"

    run_check("6 every delivery received in this run verified with standardwebhooks", check)


def scenario_7():
    """Every delivery of the whole run is what the contract's `webhooks` entry of its type says."""
    contract = json.loads((REPO / "openapi" / "openapi.json").read_text())

    def validator(event_type):
        # The whole document is the root resource, so the entry's $refs to components resolve.
        pointer = event_type.replace("~", "~0").replace("/", "~1")
        root = {**contract, "$ref": f"#/webhooks/{pointer}/post/requestBody/content/application~1json/schema"}
        return Draft202012Validator(root)

    def check():
        total, types, bad = 0, set(), []
        for rx in Receiver.ALL:
            for d in rx.snapshot():
                t = d.event.get("type", "")
                if t not in contract["webhooks"]:
                    bad.append(f"{rx.name}/{d.event_id}: no webhooks entry for type {t!r}")
                    continue
                total += 1
                types.add(t)
                errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(t).iter_errors(d.event)]
                if errors:
                    bad.append(f"{rx.name}/{d.event_id} ({t}): {'; '.join(errors[:3])}")
        assert total > 0, "no deliveries received"
        assert not bad, f"{len(bad)} of {total} did not validate: " + "; ".join(bad[:5])
        broken = {**d.event, "data": {"unexpected": True}}
        assert list(validator(t).iter_errors(broken)), "control: a body with a foreign data validated"
        return f"all {total} deliveries ({', '.join(sorted(types))}) validate against their webhooks entry; control refused"

    run_check("7 every delivery received in this run validates against its webhooks entry", check)


def version(pkg):
    from importlib.metadata import version as v

    return v(pkg)


def main():
    if OWN_WORK:
        atexit.register(shutil.rmtree, WORK, True)
    atexit.register(kill_all_servers)  # runs first (atexit is last in, first out)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(130))
    say(
        f"server {BIN}; standardwebhooks {version('standardwebhooks')}, requests {version('requests')}, "
        f"jsonschema {version('jsonschema')}; work {WORK}"
    )

    def wanted(n):
        return not ONLY or n in ONLY

    crash = None
    if wanted("3"):
        crash = threading.Thread(target=scenario_3, daemon=True)
        crash.start()
    for n, fn in [("1", scenario_1), ("2", scenario_2), ("5", scenario_5), ("4", scenario_4)]:
        if wanted(n):
            try:
                fn()
            except Exception as e:  # noqa: BLE001 - setup failures count as failed checks
                report(f"{n} (setup)", False, f"{type(e).__name__}: {e}")
    orders = None
    if wanted("8"):
        orders = threading.Thread(target=scenario_8, daemon=True)
        orders.start()
    for t in (crash, orders):
        if t:
            t.join()
    if wanted("6"):
        scenario_6()
    if wanted("7"):
        scenario_7()
    for s in dict.fromkeys(SERVERS):
        if not s.alive() and s.proc.returncode != -signal.SIGKILL:
            report(f"server {s.name} stayed up", False, f"exited {s.proc.returncode}: {s.err_path.read_text()[-1000:]}")
    kill_all_servers()
    for rx in Receiver.ALL:
        rx.close()
    print(f"RESULT {RESULTS['passed']} {RESULTS['failed']}", flush=True)
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
