#!/usr/bin/env python3
"""Notifications and script actions, end to end, against a real `stratum serve --test-clock`.

An in-process SMTP sink (aiosmtpd's Controller) takes the e-mails, which are parsed with
the stdlib `email` package; live receivers (stdlib http.server) take the script-action
calls and verify each with the independent `standardwebhooks` library as it arrives.
Every check works in accounts of its own (unique e-mail addresses, a reseller of its own
where templates are involved), so one check's messages never count for another's.

   1  a provider template for account.created: one e-mail to the new customer, From the
      server default, subject/body rendered; the notification log; the notification.send task;
      the template context (event.object.id, account.language …)
   2  html_body: multipart/alternative (text/plain + text/html), the HTML autoescaped
   3  a reseller's template overrides its parent's; enabled=false silences its subtree only;
      exact event_type beats a wildcard at the same owner
   4  languages: a de template, an inherited de, fr falling back to en
   5  schedules: api_key.created 14 and 3 days before expires_at, moved by the test clock;
      days_until, schedule.date, schedule.offset_days
   6  SMTP down: retried with an error recorded; delivered once the sink is back
   7  a template with a syntax error: 422 problem+json, nothing written
   8  a script action: the signed event at the receiver; task script.call succeeded, result 200
   9  a script action answering 500: retried, dead after max_attempts=2, result 500
  10  tenancy: a reseller's script action never gets another reseller's events
  11  a later event of the same object cancels scheduled notifications; explicit cancel
  12  templates and script actions: get, list, patch, delete, field rules

Environment:
  STRATUM_BIN        the server binary (default target/debug/stratum)
  STRATUM_NT_WORK    a scratch directory (database, logs, server.pids)
  STRATUM_NT_CHECKS  comma-separated subset to run, e.g. "1,5" (default: all)

Prints one PASS/FAIL line per check and, last, `RESULT <passed> <failed>`; exits 1 when
a check failed.
"""

import atexit
import email
import email.policy
import email.utils
import json
import logging
import os
import pathlib
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from aiosmtpd.controller import Controller
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("STRATUM_BIN") or str(REPO / "target/debug/stratum")
WORK = pathlib.Path(os.environ.get("STRATUM_NT_WORK") or tempfile.mkdtemp(prefix="stratum-notifications."))
OWN_WORK = not os.environ.get("STRATUM_NT_WORK")  # a directory of our own: removed at exit
ONLY = {s.strip() for s in os.environ.get("STRATUM_NT_CHECKS", "").split(",") if s.strip()}

ALNUM = string.ascii_letters + string.digits
API_KEY = "stk_" + "".join(secrets.choice(ALNUM) for _ in range(40))
JWT_SECRET = "".join(secrets.choice(ALNUM) for _ in range(48))
RUN = "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(6))
MAIL_FROM = "Stratum <billing@provider.test>"
HTTP_TIMEOUT = 15
WAIT = 15  # how long to wait for something the server does by itself
SETTLE = 2.0  # how long to give a stray message to show up before counting

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
        return False
    except Exception as e:  # noqa: BLE001 - any error is a failed check
        tb = traceback.format_exc(limit=4).strip().splitlines()
        report(name, False, f"{type(e).__name__}: {e} ({time.monotonic() - started:.1f} s)\n" + "\n".join(tb[-6:]))
        return False
    report(name, True, f"{detail} ({time.monotonic() - started:.1f} s)")
    return True


def wait_for(what, pred, timeout=WAIT, interval=0.1):
    """Polls `pred` until it returns something truthy (returned); raises AssertionError
    naming `what` (a string, or a callable giving one) after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        got = pred()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what() if callable(what) else what}")
        time.sleep(interval)


def addr(label):
    """A unique e-mail address of this run."""
    return f"{label}.{RUN}@customer.test"


def ts(value):
    """An RFC 3339 timestamp of the API as an aware datetime."""
    assert isinstance(value, str), f"expected an RFC 3339 timestamp, got {value!r}"
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def rfc3339(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def short(obj, n=600):
    s = json.dumps(obj, default=str) if not isinstance(obj, str) else obj
    return s if len(s) <= n else s[:n] + "…"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------
# The SMTP sink


class Mail:
    """One message the sink accepted: the envelope and the parsed message."""

    def __init__(self, envelope):
        self.at = time.monotonic()
        self.mail_from = envelope.mail_from
        self.rcpts = [r.lower() for r in envelope.rcpt_tos]
        self.raw = envelope.original_content or envelope.content
        if isinstance(self.raw, str):
            self.raw = self.raw.encode()
        self.msg = email.message_from_bytes(self.raw, policy=email.policy.default)

    @property
    def subject(self):
        return str(self.msg.get("Subject", ""))

    @property
    def from_(self):
        return email.utils.parseaddr(str(self.msg.get("From", "")))

    @property
    def to(self):
        return [a.lower() for _, a in email.utils.getaddresses([str(v) for v in self.msg.get_all("To", [])])]

    def parts(self):
        """content type -> decoded text of every non-multipart part (first of each type)."""
        out = {}
        for part in self.msg.walk():
            if part.is_multipart():
                continue
            ctype = part.get_content_type()
            if ctype.startswith("text/") and ctype not in out:
                out[ctype] = part.get_content().replace("\r\n", "\n")
        return out

    @property
    def text(self):
        return self.parts().get("text/plain", "")

    def describe(self):
        return (f"[To={self.to} envelope={self.rcpts} From={str(self.msg.get('From'))!r} "
                f"Subject={self.subject!r} Content-Type={self.msg.get_content_type()} text={self.text[:200]!r}]")


class _SinkHandler:
    def __init__(self, sink):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's naming
        self.sink.record(envelope)
        return "250 Message accepted for delivery"


class Sink:
    """An SMTP sink on 127.0.0.1:<port> (aiosmtpd), stoppable and restartable on the same port."""

    def __init__(self):
        self.port = free_port()
        self.lock = threading.Lock()
        self.mails = []
        self.handler = _SinkHandler(self)
        self.controller = None

    def record(self, envelope):
        m = Mail(envelope)
        with self.lock:
            self.mails.append(m)

    def start(self):
        assert self.controller is None, "sink already running"
        # A new Controller each time: a stopped one has closed its event loop.
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port,
                                     server_hostname="sink.test", ready_timeout=10)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def to(self, address, match=None):
        with self.lock:
            mails = list(self.mails)
        return [m for m in mails if address.lower() in m.rcpts and (match is None or match(m))]

    def collect(self, address, n, match=None, timeout=WAIT, settle=SETTLE):
        """Waits until `n` messages for `address` (and `match`) are in, then `settle` s more
        for extra ones; returns what is there (possibly fewer after the timeout)."""
        deadline = time.monotonic() + timeout
        while len(self.to(address, match)) < n and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(settle)
        return self.to(address, match)


def describe_mails(mails):
    return "; ".join(m.describe() for m in mails) or "none"


# ---------------------------------------------------------------------------------------
# Script-action receivers


class Call:
    __slots__ = ("at", "headers", "body", "event", "verified", "error")

    def __init__(self, headers, body):
        self.at = time.monotonic()
        self.headers = headers
        self.body = body
        try:
            self.event = json.loads(body)
        except ValueError:
            self.event = {}
        self.verified = None
        self.error = ""

    @property
    def event_id(self):
        return self.event.get("id") if isinstance(self.event, dict) else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802 - http.server's naming
        rx = self.server.receiver
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        rx.arrive({k.lower(): v for k, v in self.headers.items()}, body)
        answer = rx.answer.encode()
        try:
            self.send_response(rx.status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
        except OSError:
            pass

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


class Receiver:
    """A script-action receiver on 127.0.0.1: records every call, verifies it with
    standardwebhooks (Webhook(secret).verify) as it arrives, answers `status` + `answer`."""

    ALL = []

    def __init__(self, name, status=200, answer="ok"):
        self.name, self.status, self.answer = name, status, answer
        self.secret = None
        self.lock = threading.Lock()
        self.calls = []
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.receiver = self
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/scripts/{name}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        Receiver.ALL.append(self)

    def arrive(self, headers, body):
        c = Call(headers, body)
        if self.secret:
            verify(c, self.secret)
        with self.lock:
            self.calls.append(c)

    def snapshot(self):
        with self.lock:
            return list(self.calls)

    def ids(self):
        return [c.event_id for c in self.snapshot()]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def verify(c, secret):
    try:
        Webhook(secret).verify(c.body, c.headers)
    except WebhookVerificationError as e:
        c.verified, c.error = False, f"{type(e).__name__}: {e}"
    else:
        c.verified, c.error = True, ""


# ---------------------------------------------------------------------------------------
# The server and the API

SERVERS = []


class Server:
    """One `stratum serve --test-clock` process; killed (SIGKILL) at exit whatever happens."""

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
            STRATUM_MAIL_FROM=MAIL_FROM,
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
            self.proc = subprocess.Popen([BIN, "serve", "--test-clock"], env=self.env, stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL)
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

    def alive(self):
        return self.proc is not None and self.proc.poll() is None


def kill_all_servers():
    for s in SERVERS:
        try:
            s.kill9()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


class Api:
    """A provider-admin session (token from the bootstrap key). The test clock moves the
    server's time, so an access token can expire after a move: a 401 fetches a new one."""

    def __init__(self, base):
        self.base = base
        self.http = requests.Session()
        self.refresh()

    def refresh(self):
        r = requests.post(f"{self.base}/api/v1/auth/token", json={"api_key": API_KEY}, timeout=HTTP_TIMEOUT)
        assert r.status_code == 200, f"POST /api/v1/auth/token -> {r.status_code} {r.text[:500]}"
        self.http.headers["Authorization"] = f"Bearer {r.json()['access_token']}"

    def request(self, method, path, body=None):
        r = self.http.request(method, f"{self.base}{path}", json=body, timeout=HTTP_TIMEOUT)
        if r.status_code == 401:
            self.refresh()
            r = self.http.request(method, f"{self.base}{path}", json=body, timeout=HTTP_TIMEOUT)
        return r

    def call(self, method, path, body=None, expect=(200,)):
        r = self.request(method, path, body)
        if r.status_code not in expect:
            raise AssertionError(
                f"{method} {path} {json.dumps(body) if body is not None else ''} -> {r.status_code}, "
                f"expected {'/'.join(map(str, expect))}: {r.text[:600]}"
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

    # -- accounts, events, clock

    def account(self, kind, name, parent_id=None, email_=None, language=None):
        body = {"kind": kind, "name": name}
        if parent_id:
            body["parent_id"] = parent_id
        if email_:
            body["email"] = email_
        if language:
            body["language"] = language
        return self.call("POST", "/api/v1/accounts", body, expect=(201,))

    def reseller(self, label, parent_id=None, language=None):
        return self.account("reseller", f"{label} {RUN}", parent_id, addr(label.lower().replace(" ", "-")), language)

    def rename(self, account_id, name):
        return self.call("PATCH", f"/api/v1/accounts/{account_id}", {"name": name})

    def event_of(self, object_id, type_):
        events = self.all_pages(f"/api/v1/events?object_id={object_id}&type={type_}")
        assert len(events) == 1, f"GET /api/v1/events?object_id={object_id}&type={type_} -> {len(events)} events: {short(events)}"
        return events[0]

    def now(self):
        return ts(self.get("/api/v1/test-clock")["now"])

    def advance(self, seconds):
        out = self.call("POST", "/api/v1/test-clock/advance", {"seconds": int(seconds)})
        say(f"test clock advanced {seconds} s -> now {out.get('now')}, offset {out.get('offset_seconds')} s")
        return out

    # -- notifications

    def template(self, **fields):
        return self.call("POST", "/api/v1/notification-templates", fields, expect=(201,))

    def templates(self):
        return self.all_pages("/api/v1/notification-templates")

    def notifications(self, **filters):
        q = "&".join(f"{k}={v}" for k, v in filters.items())
        return self.all_pages("/api/v1/notifications" + (f"?{q}" if q else ""))

    def delete_quietly(self, path):
        try:
            self.request("DELETE", path)
        except Exception:  # noqa: BLE001 - tidying up only
            pass

    # -- script actions and tasks

    def script_action(self, receiver, account_id=None, event_types=("account.updated",), **extra):
        body = {"url": receiver.url, "event_types": list(event_types), "description": f"e2e {receiver.name}", **extra}
        if account_id:
            body["account_id"] = account_id
        created = self.call("POST", "/api/v1/script-actions", body, expect=(201,))
        assert isinstance(created, dict) and "script_action" in created and "secret" in created, \
            f"POST /api/v1/script-actions answered {short(created)}, expected {{script_action, secret}}"
        receiver.secret = created["secret"]
        return created["script_action"], created["secret"]

    def script_task(self, script_action_id, event_id):
        tasks = self.all_pages("/api/v1/tasks?kind=script.call")
        mine = [t for t in tasks if (t.get("payload") or {}).get("script_action_id") == script_action_id
                and (t.get("payload") or {}).get("event_id") == event_id]
        return mine


def problem_of(r):
    """(is problem+json, parsed body) of a response."""
    ctype = r.headers.get("content-type", "").split(";")[0].strip()
    try:
        body = r.json()
    except ValueError:
        body = r.text[:300]
    return ctype == "application/problem+json", body


# ---------------------------------------------------------------------------------------
# The checks


class Ctx:
    server = None
    api = None
    sink = None


def scenario_1():
    """A provider template for account.created, sent at once."""
    api, sink = Ctx.api, Ctx.sink
    tpl = api.template(
        event_type="account.created", language="en",
        subject="[t1] Welcome, {{ account.name }}",
        body=("Hello {{ account.name }},\n"
              "account {{ account.id }} <{{ data.email }}> is ready.\n"
              "event={{ event.type }} seq={{ event.sequence }} kind={{ account.kind }}\n"
              "ctx: event.id={{ event.id }} event.account_id={{ event.account_id }} event.object.id={{ event.object.id }} "
              "event.occurred_at={{ event.occurred_at }} account.parent_id={{ account.parent_id }} "
              "account.language={{ account.language }} account.email={{ account.email }}"),
    )
    try:
        email_ = addr("one")
        name = f"Alpha Ltd {RUN}"
        acc = api.account("customer", name, email_=email_)
        subject = f"[t1] Welcome, {name}"
        body = (f"Hello {name},\naccount {acc['id']} <{email_}> is ready.\n"
                f"event=account.created seq=1 kind=customer")
        state = {}

        def head(text):
            """The body without its last line (the context line, checked by 1d)."""
            return "\n".join(text.strip().replace("\r\n", "\n").split("\n")[:3])

        def mail():
            mails = sink.collect(email_, 1, lambda m: "[t1]" in m.subject)
            assert len(mails) == 1, f"expected exactly 1 message to {email_}, the sink got {len(mails)}: {describe_mails(mails)}"
            m = mails[0]
            problems = []
            if m.rcpts != [email_.lower()] or m.to != [email_.lower()]:
                problems.append(f"To {m.to} / envelope recipients {m.rcpts}, expected [{email_}]")
            if m.from_ != email.utils.parseaddr(MAIL_FROM):
                problems.append(f"From {str(m.msg.get('From'))!r}, expected STRATUM_MAIL_FROM {MAIL_FROM!r} (the template has no `from`)")
            if m.subject != subject:
                problems.append(f"Subject {m.subject!r}, expected {subject!r}")
            if head(m.text) != body:
                problems.append(f"body {m.text.strip()!r}, expected it to start {body!r}")
            assert not problems, "; ".join(problems)
            state["mail"] = m
            return f"1 message to {email_}, From {m.from_[1]}, subject {m.subject!r}, body rendered from account/event/data"

        def log():
            evt = api.event_of(acc["id"], "account.created")
            state["event"] = evt
            notes = wait_for(lambda: f"a sent notification of event {evt['id']}: {short(api.notifications(template_id=tpl['id']))}",
                             lambda: [n for n in api.notifications(template_id=tpl["id"])
                                      if n.get("event_id") == evt["id"] and n.get("status") == "sent"])
            allmine = [n for n in api.notifications(template_id=tpl["id"]) if n.get("event_id") == evt["id"]]
            assert len(allmine) == 1, f"expected 1 notification for event {evt['id']}, GET /api/v1/notifications?template_id= lists {short(allmine)}"
            n = notes[0]
            state["note"] = n
            want = {"template_id": tpl["id"], "event_id": evt["id"], "event_type": "account.created",
                    "object_id": acc["id"], "recipients": [email_], "language": "en", "subject": subject,
                    "status": "sent", "error": None}
            diffs = [f"{k}={n.get(k)!r} (expected {v!r})" for k, v in want.items() if n.get(k) != v]
            if head(n.get("body") or "") != body:
                diffs.append(f"body={n.get('body')!r} (expected it to start {body!r})")
            if m := state.get("mail"):
                if (n.get("body") or "").strip() != m.text.strip():
                    diffs.append(f"body={n.get('body')!r} differs from the e-mail's {m.text.strip()!r}")
            for k in ("sent_at", "send_at", "task_id", "created_at"):
                if not n.get(k):
                    diffs.append(f"{k} is {n.get(k)!r}")
            if not isinstance(n.get("attempts"), int) or n.get("attempts") < 1:
                diffs.append(f"attempts={n.get('attempts')!r} (expected >= 1)")
            assert not diffs, f"notification {n.get('id')}: " + "; ".join(diffs) + f"\nseen: {short(n, 1200)}"
            one = api.get(f"/api/v1/notifications/{n['id']}")
            assert one == n, f"GET /api/v1/notifications/{n['id']} -> {short(one)} differs from the list's {short(n)}"
            by_event = api.notifications(event_id=evt["id"])
            assert [x["id"] for x in by_event] == [n["id"]], f"GET /api/v1/notifications?event_id={evt['id']} -> {short(by_event)}"
            by_status = [x["id"] for x in api.notifications(status="sent")]
            assert n["id"] in by_status, f"GET /api/v1/notifications?status=sent does not list {n['id']}"
            return (f"notification {n['id']}: sent, subject rendered, sent_at {n['sent_at']}, recipients {n['recipients']}, "
                    f"attempts {n['attempts']}, account_id {n.get('account_id')}; GET by id and the event_id/status filters agree")

        def task():
            n = state.get("note")
            assert n, "no notification to look at (1b failed)"
            t = api.get(f"/api/v1/tasks/{n['task_id']}")
            assert t.get("kind") == "notification.send" and t.get("status") == "succeeded", \
                f"GET /api/v1/tasks/{n['task_id']} -> kind {t.get('kind')!r}, status {t.get('status')!r}: {short(t)}"
            listed = [x["id"] for x in api.all_pages("/api/v1/tasks?kind=notification.send")]
            assert n["task_id"] in listed, f"GET /api/v1/tasks?kind=notification.send does not list {n['task_id']} ({len(listed)} listed)"
            return f"task {t['id']}: kind notification.send, succeeded, listed under ?kind=notification.send; payload {short(t.get('payload'), 200)}"

        def context():
            m = state.get("mail")
            assert m, "no e-mail to look at (1a failed)"
            evt = state.get("event") or api.event_of(acc["id"], "account.created")
            provider = acc.get("parent_id")
            line = m.text.strip().replace("\r\n", "\n").split("\n")[-1]
            want = {"event.id": evt["id"], "event.account_id": acc["id"], "event.object.id": acc["id"],
                    "account.parent_id": provider, "account.language": "en", "account.email": email_}
            got = dict(kv.split("=", 1) for kv in line.removeprefix("ctx: ").split(" ") if "=" in kv)
            diffs = [f"{{{{ {k} }}}} rendered {got.get(k)!r}, expected {v!r}" for k, v in want.items() if got.get(k) != v]
            occ = got.get("event.occurred_at") or ""
            try:
                if abs((ts(occ) - ts(evt["occurred_at"])).total_seconds()) > 1:
                    diffs.append(f"{{{{ event.occurred_at }}}} rendered {occ!r}, the event has {evt['occurred_at']!r}")
            except (ValueError, AssertionError):
                diffs.append(f"{{{{ event.occurred_at }}}} rendered {occ!r}, not a timestamp")
            assert not diffs, "; ".join(diffs) + f"\nrendered line: {line!r}"
            return f"event.id/account_id/object.id/occurred_at, account.parent_id/language/email as the contract says: {line[:160]!r}"

        run_check("1a account.created template: one e-mail, To/From/Subject/body rendered", mail)
        run_check("1b the notification log: sent, rendered subject/body, sent_at, recipients", log)
        run_check("1c each notification is a task of kind notification.send", task)
        run_check("1d the template context: event.{id,account_id,object.id,occurred_at}, account.{parent_id,language,email}", context)
    finally:
        api.delete_quietly(f"/api/v1/notification-templates/{tpl['id']}")


def scenario_2():
    """html_body: multipart/alternative, HTML autoescaped; the template's own From."""
    api, sink = Ctx.api, Ctx.sink
    r = api.reseller("Html Reseller")
    sender = "Html Reseller Support <support@html-reseller.test>"
    api.template(account_id=r["id"], event_type="account.created", language="en", **{"from": sender},
                 subject="[t2] Hi {{ account.name }}",
                 body="Hello {{ account.name }}!",
                 html_body="<html><body><p class=\"greeting\">Hello {{ account.name }}!</p></body></html>")
    email_ = addr("html")
    name = f"Bold <b>Co</b> & Sons {RUN}"
    api.account("customer", name, parent_id=r["id"], email_=email_)

    def check():
        mails = sink.collect(email_, 1, lambda m: "[t2]" in m.subject)
        assert len(mails) == 1, f"expected exactly 1 message to {email_}, got {len(mails)}: {describe_mails(mails)}"
        m = mails[0]
        problems = []
        ctype = m.msg.get_content_type()
        leaves = [p.get_content_type() for p in m.msg.walk() if not p.is_multipart()]
        if ctype != "multipart/alternative":
            problems.append(f"Content-Type {ctype}, expected multipart/alternative (parts {leaves})")
        if sorted(leaves) != ["text/html", "text/plain"]:
            problems.append(f"leaf parts {leaves}, expected text/plain and text/html")
        parts = m.parts()
        plain, html = parts.get("text/plain", ""), parts.get("text/html", "")
        if f"Hello {name}!" not in plain:
            problems.append(f"text/plain part {plain!r} lacks the raw name {name!r}")
        if "<b>Co" in html:
            problems.append(f"the HTML part has the name unescaped: {html!r}")
        if "&lt;b&gt;Co" not in html or "&amp; Sons" not in html:
            problems.append(f"the HTML part lacks the escaped name (&lt;b&gt;Co … &amp; Sons): {html!r}")
        if '<p class="greeting">Hello ' not in html:
            problems.append(f"the template's own markup is not in the HTML part as written: {html!r}")
        if m.from_ != email.utils.parseaddr(sender):
            problems.append(f"From {str(m.msg.get('From'))!r}, expected the template's `from` {sender!r}")
        assert not problems, "; ".join(problems)
        return f"multipart/alternative {leaves}; HTML part {html.strip()[:120]!r}; From {str(m.msg.get('From'))!r}"

    run_check("2 html_body: multipart/alternative, HTML autoescaped, the template's From", check)


def scenario_3():
    """A reseller overrides its parent's template; enabled=false silences its own subtree."""
    api, sink = Ctx.api, Ctx.sink
    r_over = api.reseller("Override Reseller")
    r_mute = api.reseller("Mute Reseller")
    r_mute_sub = api.reseller("Mute Sub Reseller", parent_id=r_mute["id"])
    r_plain = api.reseller("Plain Reseller")
    # account.updated, so that the checks of account.created elsewhere do not interfere.
    p_tpl = api.template(event_type="account.updated", language="en",
                         subject="[t3] provider: {{ account.name }}", body="provider text for {{ account.name }}")
    try:
        api.template(account_id=r_over["id"], event_type="account.updated", language="en",
                     subject="[t3] reseller: {{ account.name }}", body="reseller text for {{ account.name }}")
        api.template(account_id=r_mute["id"], event_type="account.updated", language="en", enabled=False,
                     subject="[t3] muted: {{ account.name }}", body="must not be sent")
        cust = {}
        # the silenced ones first, so that the controls (after them) bound the wait
        for key, parent in [("mute", r_mute), ("mute_sub", r_mute_sub), ("over", r_over), ("plain", r_plain), ("direct", None)]:
            a = api.account("customer", f"C3 {key} {RUN}", parent_id=parent["id"] if parent else None, email_=addr(f"c3-{key}"))
            api.rename(a["id"], f"C3 {key} {RUN} (renamed)")
            cust[key] = a

        def mails_of(key, n):
            return sink.collect(addr(f"c3-{key}"), n, lambda m: "[t3]" in m.subject, settle=0)

        def override():
            got = {k: mails_of(k, 1) for k in ("over", "plain", "direct")}
            want = {"over": f"[t3] reseller: C3 over {RUN} (renamed)",
                    "plain": f"[t3] provider: C3 plain {RUN} (renamed)",
                    "direct": f"[t3] provider: C3 direct {RUN} (renamed)"}
            problems = [f"{k}: expected one message {want[k]!r}, got {describe_mails(got[k])}"
                        for k in want if [m.subject for m in got[k]] != [want[k]]]
            assert not problems, "; ".join(problems)
            return ("a customer of the overriding reseller got the reseller's text; customers directly under the "
                    "provider and of another reseller got the provider's")

        def silenced():
            time.sleep(SETTLE)
            problems = []
            for k in ("mute", "mute_sub"):
                m = sink.to(addr(f"c3-{k}"), lambda m: "[t3]" in m.subject)
                if m:
                    problems.append(f"customer {k} (under the muting reseller) got {describe_mails(m)}")
                evt = api.event_of(cust[k]["id"], "account.updated")
                notes = api.notifications(event_id=evt["id"])
                if notes:
                    problems.append(f"GET /api/v1/notifications?event_id={evt['id']} ({k}) lists {short(notes)}")
            assert not problems, "; ".join(problems)
            return ("no e-mail and no notification for customers of the reseller whose template is disabled "
                    "(also one level down); the provider's template still reached the others (3a)")

        run_check("3a reseller override: the deepest owner's template wins", override)
        run_check("3b a reseller's disabled template silences its subtree only", silenced)
    finally:
        api.delete_quietly(f"/api/v1/notification-templates/{p_tpl['id']}")

    r_wild = api.reseller("Wildcard Reseller")
    api.template(account_id=r_wild["id"], event_type="account.*", language="en",
                 subject="[t3w] wildcard {{ event.type }}", body="wildcard")
    api.template(account_id=r_wild["id"], event_type="account.updated", language="en",
                 subject="[t3w] exact {{ event.type }}", body="exact")
    w = api.account("customer", f"C3 wild {RUN}", parent_id=r_wild["id"], email_=addr("c3-wild"))
    api.rename(w["id"], f"C3 wild {RUN} (renamed)")

    def exact_beats_wildcard():
        mails = sink.collect(addr("c3-wild"), 2, lambda m: "[t3w]" in m.subject)
        subjects = sorted(m.subject for m in mails)
        want = ["[t3w] exact account.updated", "[t3w] wildcard account.created"]
        assert subjects == want, f"expected {want}, got {describe_mails(mails)}"
        return "at one owner: account.updated used the exact template, account.created the wildcard one"

    run_check("3c at the same owner an exact event_type beats a wildcard", exact_beats_wildcard)


def scenario_4():
    """Languages: de, inherited de, fr falling back to en."""
    api, sink = Ctx.api, Ctx.sink
    r = api.reseller("Language Reseller")
    api.template(account_id=r["id"], event_type="account.created", language="en",
                 subject="[t4] Welcome {{ account.name }}", body="Hello {{ account.name }}, welcome.")
    api.template(account_id=r["id"], event_type="account.created", language="de",
                 subject="[t4] Willkommen, {{ account.name }} – schön, dass Sie da sind",
                 body="Grüß Gott {{ account.name }}, herzlich willkommen.")
    r_de = api.reseller("German Reseller", parent_id=r["id"], language="de")
    cases = {
        "de": api.account("customer", f"Müller GmbH {RUN}", parent_id=r["id"], email_=addr("c4-de"), language="de"),
        "inherited": api.account("customer", f"Inherited {RUN}", parent_id=r_de["id"], email_=addr("c4-inh")),
        "fr": api.account("customer", f"Dupont SARL {RUN}", parent_id=r["id"], email_=addr("c4-fr"), language="fr"),
    }
    to = {"de": addr("c4-de"), "inherited": addr("c4-inh"), "fr": addr("c4-fr")}

    def expect(case, subject, body, lang):
        a = cases[case]
        mails = sink.collect(to[case], 1, lambda m: "[t4]" in m.subject)
        assert len(mails) == 1, f"{case}: expected 1 message to {to[case]}, got {len(mails)}: {describe_mails(mails)}"
        m = mails[0]
        assert m.subject == subject and m.text.strip() == body, \
            f"{case}: expected subject {subject!r} body {body!r}, got {m.describe()}"
        notes = api.notifications(event_id=api.event_of(a["id"], "account.created")["id"])
        langs = [n.get("language") for n in notes]
        assert langs == [lang], f"{case}: notification language(s) {langs}, expected [{lang!r}]: {short(notes)}"
        return m

    def german():
        a = cases["de"]
        assert a.get("language") == "de", f"POST /api/v1/accounts with language de answered language {a.get('language')!r}"
        n = a["name"]
        expect("de", f"[t4] Willkommen, {n} – schön, dass Sie da sind", f"Grüß Gott {n}, herzlich willkommen.", "de")
        return "a customer with language de got the German subject and body (non-ASCII decoded intact)"

    def inherited():
        n = cases["inherited"]["name"]
        expect("inherited", f"[t4] Willkommen, {n} – schön, dass Sie da sind", f"Grüß Gott {n}, herzlich willkommen.", "de")
        return f"a customer without a language under a reseller with language de got German (own language {cases['inherited'].get('language')!r})"

    def fallback():
        n = cases["fr"]["name"]
        expect("fr", f"[t4] Welcome {n}", f"Hello {n}, welcome.", "en")
        return "a customer with language fr (no fr template) got the en one"

    run_check("4a language de: the German template", german)
    run_check("4b language inherited from the reseller: German", inherited)
    run_check("4c language fr without a template falls back to en", fallback)


def scenario_5():
    """A schedule: 14 and 3 days before an API key expires, moved by the test clock."""
    api, sink = Ctx.api, Ctx.sink
    r = api.reseller("Schedule Reseller")
    tpl = api.template(account_id=r["id"], event_type="api_key.created", language="en",
                       schedule={"date_field": "expires_at", "offsets_days": [-14, -3]},
                       subject="[t5] Your API key {{ data.name }} expires in {{ days_until }} days",
                       body="Key {{ data.name }} expires on {{ schedule.date }} (offset {{ schedule.offset_days }}).")
    email_ = addr("c5")
    c = api.account("customer", f"Keyholder {RUN}", parent_id=r["id"], email_=email_)
    expires = (api.now() + timedelta(days=20)).replace(microsecond=0)
    key_name = f"expiring-{RUN}"
    key = api.call("POST", "/api/v1/api-keys", {"account_id": c["id"], "role": "read_only", "name": key_name,
                                                 "expires_at": rfc3339(expires)}, expect=(201,))
    is_t5 = lambda m: "[t5]" in m.subject  # noqa: E731
    state = {}

    def expires_at():
        problems = []
        if key.get("expires_at") is None or ts(key["expires_at"]) != expires:
            problems.append(f"POST /api/v1/api-keys answered expires_at {key.get('expires_at')!r}, expected {rfc3339(expires)}")
        got = api.get(f"/api/v1/api-keys/{key['id']}").get("expires_at")
        if got is None or ts(got) != expires:
            problems.append(f"GET /api/v1/api-keys/{key['id']} expires_at {got!r}")
        evt = api.event_of(key["id"], "api_key.created")
        state["event"] = evt
        ev = (evt.get("data") or {}).get("expires_at")
        if ev is None or ts(ev) != expires:
            problems.append(f"the api_key.created event has data.expires_at {ev!r}: {short(evt.get('data'))}")
        assert not problems, "; ".join(problems)
        return f"expires_at {rfc3339(expires)} in the answer, GET and the event's data"

    def scheduled():
        def two():
            notes = api.notifications(template_id=tpl["id"])
            return notes if len(notes) >= 2 else None
        notes = wait_for(lambda: f"2 notifications of template {tpl['id']}: {short(api.notifications(template_id=tpl['id']))}", two)
        time.sleep(SETTLE)
        notes = sorted(api.notifications(template_id=tpl["id"]), key=lambda n: n.get("send_at") or "")
        state["notes"] = notes
        problems = []
        if len(notes) != 2:
            problems.append(f"{len(notes)} notifications, expected 2")
        for n, off in zip(notes, (-14, -3)):
            want = expires + timedelta(days=off)
            if n.get("status") != "scheduled":
                problems.append(f"{n['id']}: status {n.get('status')!r}, expected scheduled")
            if not n.get("send_at") or abs((ts(n["send_at"]) - want).total_seconds()) > 1:
                problems.append(f"{n['id']}: send_at {n.get('send_at')!r}, expected {rfc3339(want)} (expires_at {off:+d} days)")
            if n.get("sent_at"):
                problems.append(f"{n['id']}: sent_at {n['sent_at']!r} before sending")
        mails = sink.to(email_, is_t5)
        if mails:
            problems.append(f"e-mails sent at once: {describe_mails(mails)}")
        assert not problems, "; ".join(problems) + f"\nseen: {short(notes, 1500)}"
        return f"nothing sent at once; 2 scheduled, send_at {[n['send_at'] for n in notes]}"

    def first():
        api.advance(6 * 86400 + 120)
        mails = sink.collect(email_, 1, is_t5)
        want = f"[t5] Your API key {key_name} expires in 14 days"
        assert [m.subject for m in mails] == [want], f"after 6 days: expected one e-mail {want!r}, got {describe_mails(mails)}"
        body = mails[0].text
        state["first_body"] = body
        notes = {n["id"]: n for n in api.notifications(template_id=tpl["id"])}
        ids = [n["id"] for n in state.get("notes", [])]
        if len(ids) == 2:
            sts = [notes[i].get("status") for i in ids]
            assert sts == ["sent", "scheduled"], f"statuses {sts} after the first send, expected ['sent', 'scheduled']: {short(list(notes.values()), 1200)}"
        return f"one e-mail {want!r}, body {body.strip()!r}"

    def second():
        api.advance(11 * 86400)
        mails = sink.collect(email_, 2, is_t5)
        want = [f"[t5] Your API key {key_name} expires in 14 days", f"[t5] Your API key {key_name} expires in 3 days"]
        assert [m.subject for m in mails] == want, f"after 17 days: expected {want}, got {describe_mails(mails)}"
        state["second_body"] = mails[1].text
        api.advance(4 * 86400)  # past the expiry: nothing more
        time.sleep(SETTLE)
        mails = sink.to(email_, is_t5)
        assert len(mails) == 2, f"a third e-mail after the expiry: {describe_mails(mails)}"
        notes = api.notifications(template_id=tpl["id"])
        sts = sorted(n.get("status") for n in notes)
        assert sts == ["sent", "sent"], f"statuses {sts}, expected both sent: {short(notes, 1200)}"
        return f"the second e-mail {want[1]!r}; no third after the expiry; both notifications sent"

    def context():
        bodies = [state.get("first_body"), state.get("second_body")]
        assert all(bodies), "the e-mails are missing (5c/5d failed)"
        day = expires.strftime("%Y-%m-%d")
        problems = []
        for b, off in zip(bodies, (-14, -3)):
            if f"(offset {off})" not in b:
                problems.append(f"body {b.strip()!r}: {{{{ schedule.offset_days }}}} did not render {off}")
            if day not in b:
                problems.append(f"body {b.strip()!r}: {{{{ schedule.date }}}} lacks the date {day}")
        assert not problems, "; ".join(problems)
        return f"schedule.date and schedule.offset_days rendered: {[b.strip() for b in bodies]}"

    run_check("5a api keys: expires_at in the answer and in the api_key.created event", expires_at)
    run_check("5b schedule: nothing at once, two scheduled notifications with the right send_at", scheduled)
    run_check("5c schedule: 6 days later one e-mail saying 14", first)
    run_check("5d schedule: 11 days more the second saying 3, no third", second)
    run_check("5e schedule context: schedule.date and schedule.offset_days", context)


def scenario_6():
    """SMTP down: the notification keeps an error and is retried; delivered once it is back."""
    api, sink = Ctx.api, Ctx.sink
    r = api.reseller("Outage Reseller")
    tpl = api.template(account_id=r["id"], event_type="account.created", language="en",
                       subject="[t6] Welcome {{ account.name }}", body="Hello {{ account.name }}")
    email_ = addr("c6")
    sink.stop()
    say(f"6: SMTP sink on port {sink.port} stopped")
    try:
        api.account("customer", f"Outage {RUN}", parent_id=r["id"], email_=email_)

        def failing():
            def tried():
                notes = api.notifications(template_id=tpl["id"])
                return notes if notes and (notes[0].get("attempts") or 0) >= 1 and notes[0].get("error") else None
            notes = wait_for(lambda: f"a failed attempt recorded: {short(api.notifications(template_id=tpl['id']), 1200)}", tried, timeout=WAIT + 10)
            assert len(notes) == 1, f"{len(notes)} notifications, expected 1: {short(notes)}"
            n = notes[0]
            assert n.get("status") == "scheduled", f"status {n.get('status')!r} while SMTP is down, expected scheduled (retrying): {short(n, 1200)}"
            assert not n.get("sent_at"), f"sent_at {n.get('sent_at')!r} though nothing was sent"
            return f"status scheduled, attempts {n['attempts']}, error {n['error'][:160]!r}, next send_at {n.get('send_at')}"

        run_check("6a SMTP down: the notification stays scheduled with an error, attempts >= 1", failing)
    finally:
        sink.start()
        say(f"6: SMTP sink restarted on port {sink.port}")

    def recovered():
        api.advance(600)
        mails = sink.collect(email_, 1, lambda m: "[t6]" in m.subject)
        assert len(mails) == 1, f"expected 1 message after the sink came back and the clock moved 10 min, got {describe_mails(mails)}"
        n = wait_for(lambda: f"status sent: {short(api.notifications(template_id=tpl['id']), 1200)}",
                     lambda: next((x for x in api.notifications(template_id=tpl["id"]) if x.get("status") == "sent"), None))
        return f"delivered after {n.get('attempts')} attempts, status sent, sent_at {n.get('sent_at')}, error now {n.get('error')!r}"

    run_check("6b sink back + clock 10 min: delivered, status sent", recovered)


def scenario_7():
    """A template with a syntax error is refused and nothing is written."""
    api = Ctx.api
    r = api.reseller("Syntax Reseller")
    before = [t["id"] for t in api.templates()]
    variants = [
        ("subject", {"subject": "Hello {{ account.name", "body": "fine"}),
        ("body", {"subject": "fine", "body": "{% if account.name %}no endif"}),
        ("html_body", {"subject": "fine", "body": "fine", "html_body": "<p>{{ account.name | }}</p>"}),
    ]

    def check():
        seen, problems = [], []
        for field, fields in variants:
            body = {"account_id": r["id"], "event_type": "account.created", "language": "en", **fields}
            resp = api.request("POST", "/api/v1/notification-templates", body)
            is_problem, doc = problem_of(resp)
            codes = [e.get("code") for e in doc.get("errors") or []] if isinstance(doc, dict) else []
            seen.append(f"{field}: {resp.status_code} {doc.get('code') if isinstance(doc, dict) else doc!r} {codes}")
            if resp.status_code != 422 or not is_problem:
                problems.append(f"a syntax error in {field} ({fields}) -> {resp.status_code} "
                                f"{resp.headers.get('content-type')}: {short(doc)}; expected 422 application/problem+json")
        after = [t["id"] for t in api.templates()]
        if after != before:
            problems.append(f"GET /api/v1/notification-templates changed: {len(before)} before, {len(after)} after "
                            f"(new: {sorted(set(after) - set(before))})")
        assert not problems, "; ".join(problems)
        return f"422 problem+json each ({'; '.join(seen)}); the list unchanged ({len(after)} templates)"

    run_check("7 a template with a Jinja syntax error: 422 problem+json, nothing written", check)


def scenario_8():
    """A script action gets the signed event; its task succeeds with the result."""
    api = Ctx.api
    r = api.reseller("Script Reseller")
    c = api.account("customer", f"Scripted {RUN}", parent_id=r["id"], email_=addr("c8"))
    rx = Receiver("ok", status=200, answer='{"ok": true}')
    sa, secret = api.script_action(rx, account_id=r["id"], event_types=["account.updated"])
    api.rename(c["id"], f"Scripted {RUN} (renamed)")
    evt = api.event_of(c["id"], "account.updated")
    state = {}

    def received():
        calls = wait_for(f"a call for event {evt['id']} at the receiver",
                         lambda: [x for x in rx.snapshot() if x.event_id == evt["id"]])
        time.sleep(SETTLE)
        calls = rx.snapshot()
        assert secret.startswith("whsec_"), f"secret {secret[:10]}… does not start with whsec_"
        assert len(calls) == 1, f"{len(calls)} calls, expected 1 (the account.updated): {[x.event_id for x in calls]}"
        x = calls[0]
        assert x.verified, f"standardwebhooks refused the call: {x.error}; headers {x.headers}"
        state["call"] = x
        return (f"1 call, verified by standardwebhooks (webhook-id {x.headers.get('webhook-id')}, "
                f"signature {x.headers.get('webhook-signature', '')[:12]}…)")

    def body():
        x = state.get("call")
        assert x, "no call to look at (8a failed)"
        logged = api.get(f"/api/v1/events/{evt['id']}")
        assert x.event == logged, f"the body {x.body[:500]!r} differs from GET /api/v1/events/{evt['id']} -> {short(logged)}"
        ctype = x.headers.get("content-type", "").split(";")[0]
        assert ctype == "application/json", f"content-type {x.headers.get('content-type')!r}"
        return "the body is the event as GET /api/v1/events/{id} shows it (as a webhook's), application/json"

    def task():
        def done():
            ts_ = api.script_task(sa["id"], evt["id"])
            return ts_ if ts_ and ts_[0].get("status") == "succeeded" else None
        tasks = wait_for(lambda: f"a succeeded script.call task for ({sa['id']}, {evt['id']}): {short(api.script_task(sa['id'], evt['id']), 1000)}", done)
        assert len(tasks) == 1, f"{len(tasks)} script.call tasks for the event: {short(tasks)}"
        t = tasks[0]
        res = t.get("result")
        assert isinstance(res, dict) and res.get("status_code") == 200, f"result {res!r}, expected status_code 200: {short(t, 1000)}"
        assert res.get("response") == '{"ok": true}', f"result.response {res.get('response')!r}, expected the receiver's answer"
        assert isinstance(res.get("latency_ms"), int) and res["latency_ms"] >= 0, f"result.latency_ms {res.get('latency_ms')!r}"
        one = api.get(f"/api/v1/tasks/{t['id']}")
        assert one.get("result") == res, f"GET /api/v1/tasks/{t['id']} result {one.get('result')!r} != the list's {res!r}"
        return f"task {t['id']} script.call succeeded, attempts {t.get('attempts')}, result {res}"

    run_check("8a script action: the receiver gets account.updated with a valid signature", received)
    run_check("8b script action: the body is the event, as for a webhook", body)
    run_check("8c script action: task script.call succeeded, result.status_code 200", task)


def scenario_9():
    """A receiver answering 500: retried on the clock, dead after max_attempts=2."""
    api = Ctx.api
    r = api.reseller("Failing Script Reseller")
    c = api.account("customer", f"Failing {RUN}", parent_id=r["id"], email_=addr("c9"))
    answer = "boom-" + "x" * 1495  # 1500 characters: the result keeps the first 1000
    rx = Receiver("fails", status=500, answer=answer)
    sa, _ = api.script_action(rx, account_id=r["id"], event_types=["account.updated"], max_attempts=2)
    api.rename(c["id"], f"Failing {RUN} (renamed)")
    evt = api.event_of(c["id"], "account.updated")
    state = {}

    def first_try():
        wait_for("the first call", lambda: len(rx.snapshot()) >= 1)
        t = wait_for(lambda: f"the task after its first attempt: {short(api.script_task(sa['id'], evt['id']), 1000)}",
                     lambda: next((x for x in api.script_task(sa["id"], evt["id"]) if (x.get("attempts") or 0) >= 1), None))
        state["task"] = t
        calls_before = len(rx.snapshot())
        if t.get("status") != "dead":
            assert t.get("status") == "queued", f"after one failed attempt status {t.get('status')!r}, expected queued: {short(t, 1000)}"
        api.advance(6)
        wait_for(lambda: f"a second call after the clock passed 5 s (calls so far {len(rx.snapshot())})",
                 lambda: len(rx.snapshot()) >= 2)
        return (f"first attempt answered 500, task {t['id']} {t.get('status')} (attempts {t.get('attempts')}, "
                f"run_at {t.get('run_at')}); {len(rx.snapshot())} calls after the clock moved 6 s (were {calls_before})")

    def dead():
        t = wait_for(lambda: f"the task dead: {short(api.script_task(sa['id'], evt['id']), 1200)}",
                     lambda: next((x for x in api.script_task(sa["id"], evt["id"]) if x.get("status") == "dead"), None))
        res = t.get("result") or {}
        problems = []
        if t.get("attempts") != 2:
            problems.append(f"attempts {t.get('attempts')!r}, expected 2")
        if not t.get("last_error"):
            problems.append(f"last_error {t.get('last_error')!r}")
        if res.get("status_code") != 500:
            problems.append(f"result.status_code {res.get('status_code')!r}, expected 500")
        if res.get("response") != answer[:1000]:
            problems.append(f"result.response is {len(res.get('response') or '')} characters "
                            f"({(res.get('response') or '')[:20]!r}…), expected the first 1000 of the answer")
        assert not problems, "; ".join(problems) + f"\nseen: {short(t, 1500)}"
        return f"dead after 2 attempts, last_error {t['last_error'][:120]!r}, result.status_code 500, response cut at 1000"

    def no_more():
        api.advance(301)
        time.sleep(SETTLE + 1)
        calls = rx.snapshot()
        assert len(calls) == 2, f"{len(calls)} calls after the clock moved 5 min more, expected 2 (max_attempts=2)"
        bad = [x.error for x in calls if not x.verified]
        assert not bad, (f"calls after a clock move do not verify with standardwebhooks (the timestamp must be real "
                         f"time, as for webhooks): {bad}")
        return "no third call after 5 min more; both calls verified (real-time webhook-timestamp)"

    run_check("9a script action answering 500: retried once the clock passes 5 s", first_try)
    run_check("9b dead after max_attempts=2 with last_error and result.status_code 500", dead)
    run_check("9c no call beyond max_attempts; signatures still verify after clock moves", no_more)


def scenario_10():
    """Tenancy: reseller A's script action never gets reseller B's events."""
    api = Ctx.api
    ra, rb = api.reseller("Tenant A"), api.reseller("Tenant B")
    rxa, rxb = Receiver("tenant-a"), Receiver("tenant-b")
    api.script_action(rxa, account_id=ra["id"], event_types=["account.*"])
    api.script_action(rxb, account_id=rb["id"], event_types=["account.*"])
    mine = {"A": [], "B": []}
    for i in range(2):
        mine["A"].append(api.account("customer", f"A customer {i} {RUN}", parent_id=ra["id"], email_=addr(f"c10-a{i}"))["id"])
        mine["B"].append(api.account("customer", f"B customer {i} {RUN}", parent_id=rb["id"], email_=addr(f"c10-b{i}"))["id"])
    sub = api.reseller("Tenant A Sub", parent_id=ra["id"])
    mine["A"].append(sub["id"])
    mine["A"].append(api.account("customer", f"A sub customer {RUN}", parent_id=sub["id"], email_=addr("c10-asub"))["id"])
    api.rename(mine["A"][0], f"A customer 0 {RUN} (renamed)")
    api.rename(mine["B"][0], f"B customer 0 {RUN} (renamed)")

    def expected(accounts):
        return {e["id"] for a in accounts for e in api.all_pages(f"/api/v1/events?object_id={a}")}

    def check():
        want = {"A": expected(mine["A"]), "B": expected(mine["B"])}
        wait_for("each reseller's events at its receiver",
                 lambda: want["A"] <= set(rxa.ids()) and want["B"] <= set(rxb.ids()))
        time.sleep(SETTLE)
        problems = []
        for name, rx, other in [("A", rxa, "B"), ("B", rxb, "A")]:
            got = rx.ids()
            leaked = set(got) & want[other]
            extra = set(got) - want[name]
            if leaked or extra:
                problems.append(f"{name}'s script action got {len(extra)} events not of its subtree "
                                f"(of which {len(leaked)} of reseller {other}'s: {sorted(leaked)[:4]})")
            if len(got) != len(set(got)):
                problems.append(f"{name}'s script action got duplicates")
            bad = [x.error for x in rx.snapshot() if not x.verified]
            if bad:
                problems.append(f"{name}: calls not verified: {bad[:2]}")
        assert not problems, "; ".join(problems)
        return (f"A's script action got exactly its {len(want['A'])} events (incl. a sub-reseller's customer), "
                f"B's exactly its {len(want['B'])}; all verified")

    run_check("10 tenancy: a reseller's script action gets only its subtree's events", check)


def scenario_11():
    """A later event of the same object cancels still-scheduled notifications; explicit cancel."""
    api = Ctx.api
    r = api.reseller("Cancel Reseller")
    tpl = api.template(account_id=r["id"], event_type="account.*", language="en",
                       schedule={"date_field": "created_at", "offsets_days": [30]},
                       subject="[t11] a month with us, {{ account.name }}", body="{{ days_until }}")
    c = api.account("customer", f"Monthly {RUN}", parent_id=r["id"], email_=addr("c11"))
    created = api.event_of(c["id"], "account.created")
    state = {}

    def superseded():
        wait_for(lambda: f"a scheduled notification of {created['id']}: {short(api.notifications(event_id=created['id']))}",
                 lambda: [n for n in api.notifications(event_id=created["id"]) if n.get("status") == "scheduled"])
        api.rename(c["id"], f"Monthly {RUN} (renamed)")
        updated = api.event_of(c["id"], "account.updated")
        new = wait_for(lambda: f"a scheduled notification of {updated['id']}: {short(api.notifications(event_id=updated['id']))}",
                       lambda: [n for n in api.notifications(event_id=updated["id"]) if n.get("status") == "scheduled"])
        old = api.notifications(event_id=created["id"])
        sts = [n.get("status") for n in old]
        assert sts == ["cancelled"], f"the account.created notification is {sts} after account.updated of the same object, expected ['cancelled']: {short(old, 1000)}"
        state["new"] = new[0]
        return f"account.updated cancelled the account.created notification {old[0]['id']}; the new one {new[0]['id']} is scheduled"

    def cancel():
        n = state.get("new") or next((x for x in api.notifications(template_id=tpl["id"]) if x.get("status") == "scheduled"), None)
        assert n, f"no scheduled notification of template {tpl['id']}"
        out = api.call("POST", f"/api/v1/notifications/{n['id']}/cancel", {}, expect=(200,))
        assert out.get("status") == "cancelled", f"POST …/cancel answered status {out.get('status')!r}: {short(out)}"
        again = api.request("POST", f"/api/v1/notifications/{n['id']}/cancel", {})
        is_problem, doc = problem_of(again)
        assert again.status_code == 409 and is_problem, (f"a second cancel -> {again.status_code} "
                                                          f"{again.headers.get('content-type')}: {short(doc)}, expected 409 problem+json")
        left = [x for x in api.notifications(template_id=tpl["id"]) if x.get("status") == "scheduled"]
        assert not left, f"still scheduled: {short(left)}"
        return f"cancel -> cancelled; again -> 409 {doc.get('code')}"

    run_check("11a a later event of the same object cancels its scheduled notifications", superseded)
    run_check("11b POST /notifications/{id}/cancel; a second cancel is a 409 problem", cancel)


def scenario_12():
    """Templates and script actions: get, list, patch, delete, field rules."""
    api = Ctx.api
    r = api.reseller("Crud Reseller")

    def templates():
        t = api.template(account_id=r["id"], event_type="account.suspended", language="en",
                         subject="S {{ account.name }}", body="B", recipients=["ops@crud.test"])
        problems = []
        for k, v in {"account_id": r["id"], "event_type": "account.suspended", "language": "en", "recipients": ["ops@crud.test"],
                     "enabled": True, "version": 1, "html_body": None, "schedule": None}.items():
            if t.get(k) != v:
                problems.append(f"{k}={t.get(k)!r} (expected {v!r})")
        assert not problems, "POST answered " + "; ".join(problems) + f": {short(t)}"
        got = api.get(f"/api/v1/notification-templates/{t['id']}")
        assert got == t, f"GET differs from the POST answer: {short(got)} vs {short(t)}"
        assert t["id"] in [x["id"] for x in api.templates()], "the list lacks the new template"
        p = api.call("PATCH", f"/api/v1/notification-templates/{t['id']}", {"subject": "New {{ account.name }}", "enabled": False})
        assert p.get("subject") == "New {{ account.name }}" and p.get("enabled") is False and p.get("version") == 2, \
            f"PATCH answered {short(p)}"
        bad = api.request("PATCH", f"/api/v1/notification-templates/{t['id']}", {"body": "{% for %}"})
        assert bad.status_code == 422, f"PATCH with a syntax error -> {bad.status_code} {bad.text[:300]}"
        assert api.get(f"/api/v1/notification-templates/{t['id']}").get("version") == 2, "a refused PATCH changed the template"
        api.call("DELETE", f"/api/v1/notification-templates/{t['id']}", expect=(200, 204))
        gone = api.request("GET", f"/api/v1/notification-templates/{t['id']}")
        assert gone.status_code == 404, f"GET after DELETE -> {gone.status_code}"
        return "POST/GET/list/PATCH (version 2)/PATCH with a syntax error 422/DELETE/404"

    def script_actions():
        rx = Receiver("crud")
        sa, secret = api.script_action(rx, account_id=r["id"], event_types=["account.suspended"])
        problems = []
        for k, v in {"account_id": r["id"], "url": rx.url, "event_types": ["account.suspended"], "enabled": True,
                     "max_attempts": 5, "timeout_seconds": 10}.items():
            if sa.get(k) != v:
                problems.append(f"{k}={sa.get(k)!r} (expected {v!r})")
        if not secret.startswith("whsec_"):
            problems.append(f"secret {secret[:8]}…")
        if "secret" in sa:
            problems.append("ScriptActionOut shows the secret")
        assert not problems, "POST answered " + "; ".join(problems) + f": {short(sa)}"
        got = api.get(f"/api/v1/script-actions/{sa['id']}")
        assert got == sa, f"GET differs from the POST answer: {short(got)} vs {short(sa)}"
        assert sa["id"] in [x["id"] for x in api.all_pages("/api/v1/script-actions")], "the list lacks the new script action"
        p = api.call("PATCH", f"/api/v1/script-actions/{sa['id']}", {"description": "changed", "enabled": False})
        assert p.get("description") == "changed" and p.get("enabled") is False, f"PATCH answered {short(p)}"
        for field, value in [("max_attempts", 11), ("max_attempts", 0), ("timeout_seconds", 31), ("timeout_seconds", 0)]:
            resp = api.request("POST", "/api/v1/script-actions",
                               {"account_id": r["id"], "url": rx.url, "event_types": ["account.suspended"], field: value})
            if resp.status_code != 422:
                problems.append(f"{field}={value} -> {resp.status_code} (expected 422)")
        assert not problems, "; ".join(problems)
        api.call("DELETE", f"/api/v1/script-actions/{sa['id']}", expect=(200, 204))
        gone = api.request("GET", f"/api/v1/script-actions/{sa['id']}")
        assert gone.status_code == 404, f"GET after DELETE -> {gone.status_code}"
        return "POST (defaults 5 attempts, 10 s)/GET/list/PATCH/DELETE/404; max_attempts 0, 11 and timeout_seconds 0, 31 refused (422)"

    run_check("12a notification templates: get, list, patch, delete", templates)
    run_check("12b script actions: get, list, patch, delete, ranges", script_actions)


# The order matters: 5, 6, 9 move the test clock forward (days), so the checks that only
# need things sent at once come first, and 11 (30 days ahead) last.
SCENARIOS = [("1", scenario_1), ("2", scenario_2), ("3", scenario_3), ("4", scenario_4), ("7", scenario_7),
             ("12", scenario_12), ("8", scenario_8), ("10", scenario_10), ("5", scenario_5), ("6", scenario_6),
             ("9", scenario_9), ("11", scenario_11)]


def version(pkg):
    from importlib.metadata import version as v

    return v(pkg)


def main():
    if OWN_WORK:
        atexit.register(shutil.rmtree, WORK, True)
    atexit.register(kill_all_servers)  # runs first (atexit is last in, first out)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(130))
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    say(f"server {BIN}; aiosmtpd {version('aiosmtpd')}, standardwebhooks {version('standardwebhooks')}, "
        f"requests {version('requests')}; work {WORK}; run {RUN}")
    try:
        Ctx.sink = Sink().start()
        atexit.register(Ctx.sink.stop)
        Ctx.server = Server("notifications", str(WORK / "notifications.db"), STRATUM_SMTP_URL=Ctx.sink.url).start()
        Ctx.api = Api(Ctx.server.base)
        say(f"server at {Ctx.server.base}, SMTP sink at {Ctx.sink.url}")
    except Exception as e:  # noqa: BLE001 - nothing can run without them
        report("setup: SMTP sink, server, token", False, f"{type(e).__name__}: {e}")
        print(f"RESULT {RESULTS['passed']} {RESULTS['failed']}", flush=True)
        return 1

    for n, fn in SCENARIOS:
        if ONLY and n not in ONLY:
            continue
        say(f"-- {n}: {fn.__doc__.strip().splitlines()[0]}")
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - setup failures count as failed checks
            tb = traceback.format_exc(limit=3).strip().splitlines()
            report(f"{n} (setup)", False, f"{type(e).__name__}: {e}\n" + "\n".join(tb[-4:]))
    s = Ctx.server
    if not s.alive():
        report("server stayed up", False, f"exited {s.proc.returncode}: {s.err_path.read_text()[-1000:]}")
    kill_all_servers()
    for rx in Receiver.ALL:
        rx.close()
    Ctx.sink.stop()
    print(f"RESULT {RESULTS['passed']} {RESULTS['failed']}", flush=True)
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
