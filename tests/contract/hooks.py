"""The expectations tests/contract/run.sh configures beyond schemathesis's defaults.

Each drops exactly one kind of refusal from the positive-data check (ST202, "schema-valid request
rejected"), where a rule the fuzzer does not apply makes the refusal right (two HTTP standards, and
the opacity of cursors). The
fuzzer draws every case on its own, so these happen between cases, not within one; no
schema can say "a key you used before" or "the version the object has now". Every other
failure, of every check, stands.

- A reused `Idempotency-Key`. A key names one request; the fuzzer draws keys from the
  schema (1 to 255 printable characters), so independent cases share short keys such as
  "0" with other bodies or paths. The IETF idempotency-key header draft
  (draft-ietf-httpapi-idempotency-key-header, "Error Scenarios") answers a key reused with
  another payload 422 Unprocessable Content, and so does Stratum (`idempotency_key_reused`).
- A stale `If-Match`. A well-formed ETag of a version the object no longer has (or never
  had) fails the precondition: 412 Precondition Failed by RFC 9110 §13.1.1
  (`version_mismatch`).
- A `cursor` the API did not issue. Cursors are opaque tokens that only a list answer hands
  out (`next_cursor`); the schema can say they are strings, not which strings were issued,
  so a drawn one (other than empty, the first page) is 400 `invalid_query`, like Stripe's
  unknown `starting_after`. Only that refusal is dropped: the problem must name the cursor.
"""

import json

import schemathesis
from schemathesis.core.failures import Failure

# (status, problem code, the request header that makes it right)
EXPECTED = {
    (422, "idempotency_key_reused", "idempotency-key"),
    (412, "version_mismatch", "if-match"),
}


def _problem(response) -> dict:
    try:
        body = json.loads(response.content)
    except (ValueError, TypeError):
        return {}
    return body if isinstance(body, dict) else {}


def _problem_code(response) -> str | None:
    return _problem(response).get("code")


def _problem_detail(response) -> str:
    return str(_problem(response).get("detail", ""))


@schemathesis.hook
def filter_failure(context, failure: Failure, case, response) -> bool:
    if failure.code != "ST202":
        return True
    sent = {name.lower() for name in (case.headers or {})}
    code = _problem_code(response)
    if response.status_code == 400 and code == "invalid_query" and (case.query or {}).get("cursor"):
        return "cursor is not one this API issued" not in _problem_detail(response)
    return not any(
        response.status_code == status and code == problem and header in sent for status, problem, header in EXPECTED
    )
