"""The expectations tests/contract/run.sh configures beyond schemathesis's defaults.

Each drops exactly one kind of refusal from the positive-data check (ST202, "schema-valid request
rejected"), where a rule the fuzzer cannot apply makes the refusal right. The fuzzer draws every
case on its own, from the schema alone; no schema can say "a key you used before", "the version
the object has now", "an object that exists" or "a time after now", and JSON Schema cannot
compare two values of one document. Every rule that a schema *can* say is in openapi.json
(patterns, lengths, ranges, enums, and the conditionals between fields), so a refusal of any
other kind fails the run, as does every failure of every other check.

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
- A field rule that depends on something outside the request (`FIELD_RULES` below): a 422
  `validation_failed` whose every field error is one of those codes. The stored data (the
  role, plan, template, resource type or coupon a body names must exist in the caller's
  catalog and fit: a brand's account is not a customer, a plan's currency matches the
  brand's, the endpoint takes the test's event type, an order's plans are sold to its
  customer and published on its brand, its parameters are the ones its plan's template asks for), the server's policy (no private
  addresses for outgoing calls unless the operator allows them), the clock (an expiry in
  the future), relations between two values (`valid_until` after `valid_from`, tier bounds
  ascending, each period length or name once, included at most the maximum), the
  MiniJinja grammar of notification texts, and a workflow's graph (each transition names
  a step of the workflow or an end, every step is reached, only a notify step ends it,
  and every cycle passes a step that waits).
- A case the fuzzer labels positive although one of its parts was generated to violate the
  schema (schemathesis 4.32's coverage phase sends the header variants of an operation with
  a body drawn in negative mode, such as `0` for an object): its metadata says which part,
  and such a request is not schema-valid.
"""

import json

import schemathesis
from schemathesis.core.failures import Failure
from schemathesis.generation import GenerationMode

# (status, problem code, the request header that makes it right)
EXPECTED = {
    (422, "idempotency_key_reused", "idempotency-key"),
    (412, "version_mismatch", "if-match"),
}

# Field error codes whose rule lies outside the request, each with what it depends on.
FIELD_RULES = {
    # the stored data a body names
    "unknown_role": "stored roles",
    "unknown_plan": "stored plans",
    "unknown_template": "stored service templates",
    "unknown_resource_type": "stored resource types",
    "unknown_resource": "the resource types of the stored plan or template",
    "unknown_period": "the billing periods of the stored plan",
    "unknown_coupon": "stored coupons",
    "unknown_event": "stored events",
    "unknown_script_action": "the stored script actions of the rule's account",
    "coupon_not_yet_valid": "the stored coupon's validity",
    "coupon_expired": "the stored coupon's validity",
    "coupon_used_up": "the stored coupon's redemptions",
    "coupon_not_for_plan": "the stored coupon's plans",
    "currency_mismatch": "the stored plan's or brand's currency",
    "not_available": "the stored plan's sale window",
    "above_maximum": "the stored plan's maxima",
    "beyond_tiers": "the stored plan's price tiers",
    "not_subscribed": "the stored endpoint's event types",
    "archived": "the stored object's status",
    "unknown_brand": "stored brands (of the account that sells to the customer)",
    "not_published": "the stored brands' publications",
    "mixed_sellers": "the owners of the stored plans an order names",
    "invalid_parameter": "the order parameters of the stored plan's template",
    "not_customer": "the kind of the stored account (orders are placed for customers)",
    "account_not_active": "the status of the stored account",
    # the clock
    "not_in_future": "the time of the request",
    # relations between two values of one body
    "invalid_range": "two values of the body (an end after its start, min at most max)",
    "duplicate": "the other items of a list (names once)",
    "duplicate_resource": "the other items of a list (resource types once)",
    "duplicate_period": "the other items of a list (period lengths once)",
    "included_above_maximum": "two values of the body (included at most the maximum)",
    "tiers_not_ascending": "the other tiers of a price",
    "tiers_incomplete": "the other tiers of a price and the rate's maximum",
    # a grammar
    "template_syntax": "the MiniJinja grammar",
    # a workflow's graph: which steps its transitions name, reach and leave
    "missing_transition": "the outcomes of a workflow's step and the steps they lead to",
    "unknown_step": "the names of the other steps of a workflow",
    "unknown_outcome": "the kind of a workflow's step (the outcomes it has)",
    "invalid_transition": "the action of a workflow's step (only a notify step ends the order)",
    "unreachable": "the transitions of the other steps of a workflow",
    "cycle": "the transitions of the other steps of a workflow",
    "no_end": "the transitions of the other steps of a workflow",
}

# Codes that depend on stored data or the server's policy on these fields only; elsewhere
# they are rules of the body itself, declared in the schema.
BY_FIELD = {
    ("account_id", "not_allowed"): "the kind of the stored account (brands and plans belong to providers and resellers)",
    ("account_id", "not_reseller"): "the kind of the stored account (plans are given to resellers)",
    ("account_id", "reseller_tier"): "the tier of the stored reseller (only advanced resellers make plans)",
    ("base_plan_id", "not_allowed"): "the kind of the stored account (the provider prices templates)",
    ("base_plan_id", "required"): "the kind of the stored account (a reseller prices its parent's plans)",
    ("service_template_id", "not_allowed"): "the stored base plan's template",
    ("service_template_id", "required"): "the kind of the stored account (the provider prices templates)",
    ("url", "not_allowed"): "the operator's private-address policy",
    ("account_id", "customer_account"): "the kind of the stored account (fraud rules belong to providers and resellers)",
}
# ... and in a change, where the stored object's kind decides (only a reseller has a tier).
BY_FIELD_IN_PATCH = {("reseller_tier", "not_allowed")}


def _problem(response) -> dict:
    try:
        body = json.loads(response.content)
    except (ValueError, TypeError):
        return {}
    return body if isinstance(body, dict) else {}


def _outside_the_request(case, error: dict) -> bool:
    rule = (str(error.get("field", "")), error.get("code"))
    return (
        rule[1] in FIELD_RULES
        or rule in BY_FIELD
        or (case.method.upper() == "PATCH" and rule in BY_FIELD_IN_PATCH)
    )


def _partly_negative(case) -> bool:
    meta = getattr(case, "meta", None)
    components = getattr(meta, "components", None) or {}
    return any(info.mode == GenerationMode.NEGATIVE for info in components.values())


@schemathesis.hook
def filter_failure(context, failure: Failure, case, response) -> bool:
    if failure.code != "ST202":
        return True
    if _partly_negative(case):
        return False
    problem = _problem(response)
    code = problem.get("code")
    sent = {name.lower() for name in (case.headers or {})}
    if response.status_code == 400 and code == "invalid_query" and (case.query or {}).get("cursor"):
        return "cursor is not one this API issued" not in str(problem.get("detail", ""))
    if response.status_code == 422 and code == "validation_failed":
        errors = problem.get("errors") or []
        return not (errors and all(_outside_the_request(case, e) for e in errors if isinstance(e, dict)))
    return not any(
        response.status_code == status and code == problem_code and header in sent
        for status, problem_code, header in EXPECTED
    )
