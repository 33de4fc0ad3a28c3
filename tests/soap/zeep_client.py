#!/usr/bin/env python3
"""SOAP conformance checks with zeep (Python), the strictest of the three clients.

Loads the WSDL from $STRATUM_SOAP_BASE/soap?wsdl, authenticates with a WS-Security
UsernameToken (the API key in $STRATUM_API_KEY as PasswordText) and checks the contract
of docs/soap.md: the WSDL's shape against the OpenAPI document, accounts created, read
and listed, faults, SOAP 1.2, idempotency, If-Match, Bearer tokens and PasswordDigest,
and every Catalog operation (resource types, service templates, plans with periods and
tiered rates, grants, brands and publications, coupons, quotes), compared with REST.
Every raw response is recorded, and the first child of every response Body (for a fault,
the StratumFault in its detail) is validated against the XSD of the WSDL with xmlschema.

Prints one PASS/FAIL line per check and, last, `RESULT zeep <passed> <failed>`.
Exits 1 when a check failed.
"""

import copy
import datetime
import decimal
import hashlib
import os
import pathlib
import sys
import time
import traceback
import uuid

import requests
import xmlschema
from lxml import etree
from zeep import Client, Settings
from zeep.exceptions import Fault
from zeep.helpers import serialize_object
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken
from zeep.xsd import Nil

BASE = os.environ["STRATUM_SOAP_BASE"].rstrip("/")
API_KEY = os.environ["STRATUM_API_KEY"]
WSDL_URL = f"{BASE}/soap?wsdl"
SOAP_URL = f"{BASE}/soap"
REPO = pathlib.Path(__file__).resolve().parents[2]

TNS = "urn:stratum:api:v1"
SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope"
WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
WSDL_SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
WSDL_SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"

RUN = uuid.uuid4().hex[:8]

# ---------------------------------------------------------------------------------------
# Checks and reporting

PASSED = 0
FAILED = 0
CURRENT = "setup"


def check(name):
    """Runs the decorated function at once as one check."""

    def run(fn):
        global PASSED, FAILED, CURRENT
        CURRENT = name
        try:
            fn()
        except Fault as e:
            FAILED += 1
            print(f"FAIL {name}: unexpected SOAP fault {e.code}: {e.message}\n     {fault_detail_text(e)}")
        except AssertionError as e:
            FAILED += 1
            print(f"FAIL {name}: {e}")
        except Exception as e:  # noqa: BLE001 - any error is a failed check
            FAILED += 1
            tb = traceback.format_exc(limit=3).strip().splitlines()
            print(f"FAIL {name}: {type(e).__name__}: {e}\n     " + "\n     ".join(tb[-4:]))
        else:
            PASSED += 1
            print(f"PASS {name}")
        sys.stdout.flush()
        return fn

    return run


def dec_text(v):
    """xsd:decimal values (zeep reads them as Decimal) in the text the server wrote, so that
    they compare with the REST JSON strings exactly (5.00 stays 5.00)."""
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, (list, tuple)):
        return type(v)(dec_text(x) for x in v)
    if isinstance(v, dict):
        return {k: dec_text(x) for k, x in v.items()}
    return v


def eq(actual, expected, what):
    actual, expected = dec_text(actual), dec_text(expected)
    assert actual == expected, f"{what}: expected {expected!r}, got {actual!r}"


def fault_detail_text(e):
    d = getattr(e, "detail", None)
    if d is None:
        return "(no detail)"
    if isinstance(d, etree._Element):
        return etree.tostring(d, encoding="unicode")[:600]
    return str(d)[:600]


# ---------------------------------------------------------------------------------------
# A transport that records every exchange


class Exchange:
    def __init__(self, check, address, request, req_headers, status, resp_headers, content):
        self.check = check
        self.address = address
        self.request = request
        self.req_headers = dict(req_headers)
        self.status = status
        self.resp_headers = dict(resp_headers)
        self.content = content

    @property
    def content_type(self):
        return self.resp_headers.get("Content-Type") or self.resp_headers.get("content-type") or ""


EXCHANGES = []


class RecordingTransport(Transport):
    def __init__(self, extra_headers=None, **kw):
        super().__init__(timeout=30, operation_timeout=30, **kw)
        self.extra_headers = dict(extra_headers or {})

    def post(self, address, message, headers):
        headers = dict(headers)
        headers.update(self.extra_headers)
        response = super().post(address, message, headers)
        EXCHANGES.append(
            Exchange(CURRENT, address, message, headers, response.status_code, response.headers, response.content)
        )
        return response


def last_exchange():
    assert EXCHANGES, "no exchange recorded"
    return EXCHANGES[-1]


# ---------------------------------------------------------------------------------------
# Clients


def make_service(wsse="text", port="StratumSoap11", extra_headers=None):
    """A zeep service bound to `port`; wsse: "text" (the API key), None, or a UsernameToken."""
    if wsse == "text":
        wsse = UsernameToken("api", API_KEY)
    transport = RecordingTransport(extra_headers=extra_headers)
    client = Client(WSDL_URL, transport=transport, wsse=wsse, settings=Settings(strict=True))
    return client, client.bind("Stratum", port)


def idempotency_header(key):
    el = etree.Element(f"{{{TNS}}}IdempotencyKey", nsmap={None: TNS})
    el.text = key
    return el


def if_match_header(value):
    el = etree.Element(f"{{{TNS}}}IfMatch", nsmap={None: TNS})
    el.text = value
    return el


def envelope_parts(content):
    """(soap version, Body's first element child) of a raw response."""
    env = etree.fromstring(content)
    for version, ns in (("1.1", SOAP11_ENV), ("1.2", SOAP12_ENV)):
        if env.tag == f"{{{ns}}}Envelope":
            body = env.find(f"{{{ns}}}Body")
            assert body is not None, "Envelope without Body"
            children = [c for c in body if isinstance(c.tag, str)]
            assert children, "empty Body"
            return version, ns, children[0]
    raise AssertionError(f"not a SOAP envelope: root {env.tag}")


def qname_of(el, text):
    text = (text or "").strip()
    if ":" in text:
        prefix, local = text.split(":", 1)
        return el.nsmap.get(prefix), local
    return el.nsmap.get(None), text


def stratum_fault_of(fault_el, version, ns):
    if version == "1.1":
        detail = fault_el.find("detail")
    else:
        detail = fault_el.find(f"{{{ns}}}Detail")
    assert detail is not None, "the Fault has no detail/Detail: " + etree.tostring(fault_el, encoding="unicode")[:400]
    sf = detail.find(f"{{{TNS}}}StratumFault")
    assert sf is not None, "no tns:StratumFault in the detail: " + etree.tostring(detail, encoding="unicode")[:400]
    return sf


def fault_fields(sf):
    def text(name):
        c = sf.find(f"{{{TNS}}}{name}")
        return None if c is None else (c.text or "")

    errors = []
    for e in sf.findall(f"{{{TNS}}}errors"):
        errors.append({k: (e.findtext(f"{{{TNS}}}{k}") or "") for k in ("field", "code", "message")})
    return {
        "code": text("code"),
        "title": text("title"),
        "status": text("status"),
        "detail": text("detail"),
        "request_id": text("request_id"),
        "errors": errors,
    }


def expect_fault(call, code, http_status_of_problem, soap="1.1"):
    """Runs `call`, which must fail with a fault whose StratumFault code is `code`. Checks the
    raw response: SOAP version, faultcode (Client/Sender), HTTP status, and the detail."""
    before = len(EXCHANGES)
    try:
        result = call()
    except Fault:
        pass
    else:
        raise AssertionError(f"expected a fault `{code}`, got a response: {str(result)[:300]}")
    assert len(EXCHANGES) > before, "the fault was not recorded"
    ex = EXCHANGES[-1]
    version, ns, fault = envelope_parts(ex.content)
    eq(version, soap, "SOAP version of the fault envelope")
    eq(fault.tag, f"{{{ns}}}Fault", "Body child")
    client_side = http_status_of_problem < 500
    if soap == "1.1":
        fc = fault.find("faultcode")
        assert fc is not None, "no faultcode"
        eq(qname_of(fc, fc.text), (SOAP11_ENV, "Client" if client_side else "Server"), "faultcode")
        assert (fault.findtext("faultstring") or "").strip(), "empty faultstring"
        eq(ex.status, 500, "HTTP status of a SOAP 1.1 fault")
        assert ex.content_type.startswith("text/xml"), f"Content-Type of a SOAP 1.1 fault: {ex.content_type!r}"
    else:
        v = fault.find(f"{{{ns}}}Code/{{{ns}}}Value")
        assert v is not None, "no Code/Value"
        eq(qname_of(v, v.text), (SOAP12_ENV, "Sender" if client_side else "Receiver"), "Code/Value")
        assert (fault.findtext(f"{{{ns}}}Reason/{{{ns}}}Text") or "").strip(), "empty Reason/Text"
        eq(ex.status, 400 if client_side else 500, "HTTP status of a SOAP 1.2 fault")
        assert ex.content_type.startswith("application/soap+xml"), f"Content-Type of a SOAP 1.2 fault: {ex.content_type!r}"
    f = fault_fields(stratum_fault_of(fault, version, ns))
    eq(f["code"], code, "StratumFault code")
    eq(f["status"], str(http_status_of_problem), "StratumFault status")
    assert f["title"], "StratumFault title is empty"
    assert f["detail"], "StratumFault detail is empty"
    assert f["request_id"], "StratumFault request_id is empty"
    return f, ex


def entries(metadata):
    if metadata is None:
        return []
    return [(e.key, e.value) for e in (metadata.entry or [])]


# ---------------------------------------------------------------------------------------
# The WSDL and its schema

class _State(dict):
    """Results of earlier checks; a missing one fails the later check in one line."""

    def __getitem__(self, key):
        if key not in self:
            raise AssertionError(f"depends on an earlier check that failed (no {key!r})")
        return dict.__getitem__(self, key)


STATE = _State()


@check("WSDL: GET /soap?wsdl answers a WSDL 1.1 document")
def _():
    r = requests.get(WSDL_URL, timeout=30)
    eq(r.status_code, 200, "HTTP status")
    ct = r.headers.get("Content-Type", "")
    assert "xml" in ct, f"Content-Type {ct!r} is not XML"
    root = etree.fromstring(r.content)
    eq(root.tag, f"{{{WSDL_NS}}}definitions", "root element")
    eq(root.get("targetNamespace"), TNS, "targetNamespace")
    STATE["wsdl_bytes"] = r.content
    STATE["wsdl"] = root


@check("WSDL: service Stratum has ports StratumSoap11 (SOAP 1.1) and StratumSoap12 (SOAP 1.2) at http://<host>/soap")
def _():
    root = STATE["wsdl"]
    services = root.findall(f"{{{WSDL_NS}}}service")
    eq([s.get("name") for s in services], ["Stratum"], "services")
    ports = {p.get("name"): p for p in services[0].findall(f"{{{WSDL_NS}}}port")}
    eq(sorted(ports), ["StratumSoap11", "StratumSoap12"], "ports")
    problems = []
    for name, ns in (("StratumSoap11", WSDL_SOAP11), ("StratumSoap12", WSDL_SOAP12)):
        binding_local = ports[name].get("binding").split(":")[-1]
        binding = root.find(f"{{{WSDL_NS}}}binding[@name='{binding_local}']")
        assert binding is not None, f"binding {binding_local} not found"
        sb = binding.find(f"{{{ns}}}binding")
        assert sb is not None, f"binding {binding_local} is not a {ns} binding"
        STATE.setdefault("bindings", {})[name] = (binding, ns)
        if sb.get("style") != "document":
            problems.append(f"{binding_local} style {sb.get('style')!r}")
        if sb.get("transport") != "http://schemas.xmlsoap.org/soap/http":
            problems.append(f"{binding_local} transport {sb.get('transport')!r}")
        addr = ports[name].find(f"{{{ns}}}address")
        if addr is None:
            problems.append(f"{name} has no {ns} address")
        elif addr.get("location") != SOAP_URL:
            problems.append(f"{name} soap:address is {addr.get('location')!r}, expected {SOAP_URL!r} (the serving host)")
    assert not problems, "; ".join(problems)


@check("WSDL: every OpenAPI operationId is an operation of both ports, with SOAPAction urn:stratum:api:v1/<Op>, literal, tns:<Op> / tns:<Op>Response")
def _():
    spec = requests.get(f"{BASE}/openapi.json", timeout=30).json()
    STATE["openapi"] = spec
    op_ids = sorted(
        o["operationId"]
        for p in spec["paths"].values()
        for m, o in p.items()
        if m in ("get", "post", "put", "patch", "delete")
    )
    root = STATE["wsdl"]
    problems = []
    port_types = root.findall(f"{{{WSDL_NS}}}portType")
    eq(len(port_types), 1, "number of portTypes")
    pt_ops = {o.get("name"): o for o in port_types[0].findall(f"{{{WSDL_NS}}}operation")}
    if sorted(pt_ops) != op_ids:
        problems.append(
            f"portType operations differ: missing {sorted(set(op_ids) - set(pt_ops))}, extra {sorted(set(pt_ops) - set(op_ids))}"
        )
    messages = {m.get("name"): m for m in root.findall(f"{{{WSDL_NS}}}message")}

    def part_element(msg_ref):
        msg = messages.get(msg_ref.split(":")[-1])
        if msg is None:
            return None
        parts = msg.findall(f"{{{WSDL_NS}}}part")
        if len(parts) != 1:
            return f"<{len(parts)} parts>"
        return qname_of(parts[0], parts[0].get("element"))

    for op in op_ids:
        pto = pt_ops.get(op)
        if pto is None:
            continue
        i = pto.find(f"{{{WSDL_NS}}}input")
        o = pto.find(f"{{{WSDL_NS}}}output")
        if i is None or part_element(i.get("message")) != (TNS, op):
            problems.append(f"{op}: input part is not tns:{op}")
        if o is None or part_element(o.get("message")) != (TNS, op + "Response"):
            problems.append(f"{op}: output part is not tns:{op}Response")
    for port, (binding, ns) in STATE["bindings"].items():
        b_ops = {o.get("name"): o for o in binding.findall(f"{{{WSDL_NS}}}operation")}
        if sorted(b_ops) != op_ids:
            problems.append(f"{port}: binding operations differ from the operationIds")
        for op, bo in b_ops.items():
            so = bo.find(f"{{{ns}}}operation")
            if so is None or so.get("soapAction") != f"{TNS}/{op}":
                problems.append(f"{port} {op}: soapAction {None if so is None else so.get('soapAction')!r}")
            for io in ("input", "output"):
                body = bo.find(f"{{{WSDL_NS}}}{io}/{{{ns}}}body")
                if body is None or body.get("use") != "literal":
                    problems.append(f"{port} {op}: {io} body is not use=literal")
    assert not problems, "; ".join(problems[:12]) + (f" … ({len(problems)} problems)" if len(problems) > 12 else "")
    STATE["op_ids"] = op_ids


def wsdl_schema_sources(root):
    """The xsd:schema elements of wsdl:types, each standalone with the namespaces in scope."""
    out = []
    for s in root.findall(f"{{{WSDL_NS}}}types/{{{XSD_NS}}}schema"):
        new = etree.Element(s.tag, nsmap=s.nsmap)
        for k, v in s.attrib.items():
            new.set(k, v)
        new.text = s.text
        for c in s:
            new.append(copy.deepcopy(c))
        out.append(etree.tostring(new, encoding="unicode"))
    return out


@check("WSDL: the embedded XSD compiles (xmlschema), targetNamespace urn:stratum:api:v1, elementFormDefault qualified")
def _():
    root = STATE["wsdl"]
    schemas = root.findall(f"{{{WSDL_NS}}}types/{{{XSD_NS}}}schema")
    assert schemas, "no xsd:schema in wsdl:types"
    tns_schemas = [s for s in schemas if s.get("targetNamespace") == TNS]
    assert tns_schemas, "no schema for urn:stratum:api:v1"
    for s in tns_schemas:
        eq(s.get("elementFormDefault"), "qualified", "elementFormDefault")
    sources = wsdl_schema_sources(root)
    schema = xmlschema.XMLSchema10(sources if len(sources) > 1 else sources[0])
    STATE["xsd"] = schema


@check("WSDL: the committed wsdl/stratum.wsdl is the served WSDL (soap:address aside)")
def _():
    path = REPO / "wsdl" / "stratum.wsdl"
    assert path.exists(), f"{path} does not exist"

    def normalized(data):
        root = etree.fromstring(data)
        for ns in (WSDL_SOAP11, WSDL_SOAP12):
            for a in root.iter(f"{{{ns}}}address"):
                a.set("location", "-")
        return etree.tostring(root, method="c14n")

    assert normalized(path.read_bytes()) == normalized(STATE["wsdl_bytes"]), "they differ"


# -- the element shapes, against the OpenAPI document -------------------------------------

XS = f"{{{XSD_NS}}}"


def resolve(spec, schema):
    while isinstance(schema, dict) and "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return schema


def non_null(spec, schema):
    """The schema without its `null` alternative."""
    if "oneOf" in schema:
        alts = [a for a in schema["oneOf"] if a.get("type") != "null"]
        if len(alts) == 1:
            return alts[0]
    if isinstance(schema.get("type"), list):
        s = dict(schema)
        s["type"] = [t for t in schema["type"] if t != "null"][0]
        return s
    return schema


def type_problem(spec, name, schema, xel):
    """Why the XSD element `xel` does not carry the OpenAPI property `schema`, or None."""
    schema = non_null(spec, schema)
    ref = schema.get("$ref")
    target = resolve(spec, schema)
    t = xel.type
    if target.get("type") == "array" or schema.get("type") == "array":
        if xel.max_occurs is not None:
            return f"{name}: array but maxOccurs={xel.max_occurs}"
        return type_problem(spec, name, target.get("items") or schema.get("items"), _Single(xel))
    if "enum" in target:
        if not t.is_simple() or not t.is_restriction():
            return f"{name}: enum but {t}"
        values = sorted(str(v) for v in (t.enumeration or []))
        if values != sorted(target["enum"]):
            return f"{name}: enumeration {values} != {sorted(target['enum'])}"
        return None
    kind = target.get("type")
    fmt = target.get("format")
    if name.split(".")[-1] == "metadata":
        # The contract: every `metadata` is the entry/key/value map.
        target = {"type": "object", "additionalProperties": {"type": "string"}}
        kind = "object"
    if kind == "object":
        if "properties" not in target:
            ap = target.get("additionalProperties")
            if isinstance(ap, dict) and ap.get("type") == "string":
                kids = [e.local_name for e in t.content.iter_elements()] if t.is_complex() and t.content else []
                if kids != ["entry"]:
                    return f"{name}: string map but children {kids}"
                entry = t.content.iter_elements().__next__()
                ek = [e.local_name for e in entry.type.content.iter_elements()]
                if ek != ["key", "value"] or entry.max_occurs is not None:
                    return f"{name}: map entry has children {ek}, maxOccurs {entry.max_occurs}"
                return None
            return None  # free-form JSON: any carrier is fine
        if not t.is_complex():
            return f"{name}: object but simple type {t}"
        kids = sorted(e.local_name for e in t.content.iter_elements())
        if kids != sorted(target["properties"]):
            return f"{name} ({ref}): children {kids} != properties {sorted(target['properties'])}"
        return None
    base = t.primitive_type.local_name if t.is_simple() and hasattr(t, "primitive_type") else None
    xsd_name = t.local_name if t.is_simple() and t.is_global() else None
    if kind == "string" and fmt == "decimal":
        return None if base == "decimal" else f"{name}: decimal but {t}"
    if kind == "string" and fmt == "date-time":
        return None if xsd_name == "dateTime" or base == "dateTime" else f"{name}: date-time but {t}"
    if kind == "integer":
        # The first built-in type up the derivation chain (user restrictions skipped).
        b = t
        while b is not None and b.target_namespace != XSD_NS:
            b = getattr(b, "base_type", None)
        got = None if b is None else b.local_name
        want = {"long"} if fmt == "int64" else {"long", "int", "integer"}
        return None if got in want else f"{name}: integer ({fmt}) but {t}"
    if kind == "boolean":
        return None if base == "boolean" else f"{name}: boolean but {t}"
    if kind == "string":
        return None if base == "string" else f"{name}: string but {t}"
    return None


class _Single:
    """An element seen as one item of a repeated element."""

    def __init__(self, xel):
        self.type = xel.type
        self.max_occurs = 1
        self.min_occurs = xel.min_occurs


def element_problems(spec, op_name, expected, xel_parent, ordered_groups):
    """Compares the children of a global element with the expected OpenAPI fields."""
    problems = []
    t = xel_parent.type
    kids = list(t.content.iter_elements()) if t.is_complex() and t.content is not None else []
    names = [k.local_name for k in kids]
    # Order: path parameters, then query parameters, then body fields (each group as a set).
    pos = 0
    for group in ordered_groups:
        got = names[pos : pos + len(group)]
        if sorted(got) != sorted(group):
            problems.append(f"{op_name}: children {names}, expected the groups {ordered_groups} in that order")
            break
        pos += len(group)
    if not problems and pos != len(names):
        problems.append(f"{op_name}: extra children {names[pos:]}")
    by_name = {k.local_name: k for k in kids}
    for fname, (schema, required) in expected.items():
        k = by_name.get(fname)
        if k is None:
            continue
        p = type_problem(spec, f"{op_name}.{fname}", schema, k)
        if p:
            problems.append(p)
        is_array = resolve(spec, non_null(spec, schema)).get("type") == "array" or non_null(spec, schema).get("type") == "array"
        if not required and k.min_occurs != 0:
            problems.append(f"{op_name}.{fname}: optional but minOccurs={k.min_occurs}")
        if required and not is_array and k.min_occurs != 1:
            problems.append(f"{op_name}.{fname}: required but minOccurs={k.min_occurs}")
        if not k.qualified:
            problems.append(f"{op_name}.{fname}: unqualified")
    return problems


def op_shape_check(op_name):
    spec = STATE["openapi"]
    xsd = STATE["xsd"]
    path, method, op = next(
        (p, m, o)
        for p, item in spec["paths"].items()
        for m, o in item.items()
        if isinstance(o, dict) and o.get("operationId") == op_name
    )
    problems = []
    # request
    params = op.get("parameters", [])
    path_p = [p for p in params if p["in"] == "path"]
    query_p = [p for p in params if p["in"] == "query"]
    expected = {}
    for p in path_p + query_p:
        expected[p["name"]] = (p["schema"], p.get("required", False))
    body_fields = []
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if body:
        b = resolve(spec, body)
        req = set(b.get("required", []))
        for fname, fs in b.get("properties", {}).items():
            expected[fname] = (fs, fname in req)
            body_fields.append(fname)
    el = xsd.elements.get(op_name)
    if el is None:
        problems.append(f"no global element tns:{op_name}")
    else:
        problems += element_problems(
            spec, op_name, expected, el, [[p["name"] for p in path_p], [p["name"] for p in query_p], body_fields]
        )
    # response: one child named after the success schema and of its type (none without content)
    success = next((r for c, r in op["responses"].items() if c.startswith("2")), {})
    rs = success.get("content", {}).get("application/json", {}).get("schema")
    el = xsd.elements.get(op_name + "Response")
    if el is None:
        problems.append(f"no global element tns:{op_name}Response")
    else:
        t = el.type
        kids = list(t.content.iter_elements()) if t.is_complex() and t.content is not None else []
        if not rs:
            if kids:
                problems.append(f"{op_name}Response: no content, but children {[k.local_name for k in kids]}")
        else:
            type_name = rs["$ref"].split("/")[-1]
            if [k.local_name for k in kids] != [type_name]:
                problems.append(f"{op_name}Response: children {[k.local_name for k in kids]}, expected [{type_name}]")
            else:
                k = kids[0]
                if k.type.local_name != type_name or (k.min_occurs, k.max_occurs) != (1, 1) or not k.qualified:
                    problems.append(f"{op_name}Response/{type_name}: type {k.type.local_name}, occurs {k.min_occurs}..{k.max_occurs}")
                p = type_problem(spec, f"{op_name}Response.{type_name}", rs, k)
                if p:
                    problems.append(p)
                r = resolve(spec, rs)
                req = set(r.get("required", []))
                expected = {fname: (fs, fname in req) for fname, fs in r.get("properties", {}).items()}
                problems += element_problems(spec, f"{op_name}Response/{type_name}", expected, k, [list(expected)])
    assert not problems, "; ".join(problems)


def _operation_ids():
    spec = STATE.get("openapi") or requests.get(f"{BASE}/openapi.json", timeout=30).json()
    STATE["openapi"] = spec
    return sorted(
        o["operationId"]
        for p in spec["paths"].values()
        for m, o in p.items()
        if m in ("get", "post", "put", "patch", "delete")
    )


try:
    _OPS = _operation_ids()
except Exception as _e:  # noqa: BLE001
    _OPS = []
    check("OpenAPI document fetched for the shape checks")(lambda: (_ for _ in ()).throw(_e))
for _op in _OPS:
    check(f"XSD shape of {_op} / {_op}Response (fields, types, occurrence; the response object in one child)")(
        (lambda n: lambda: op_shape_check(n))(_op)
    )


@check("XSD: tns:StratumFault has code, title, status, detail, request_id and repeated errors (field, code, message)")
def _():
    xsd = STATE["xsd"]
    el = xsd.elements.get("StratumFault")
    assert el is not None, "no global element tns:StratumFault"
    kids = {k.local_name: k for k in el.type.content.iter_elements()}
    for n in ("code", "title", "status", "detail", "request_id", "errors"):
        assert n in kids, f"StratumFault has no {n} (children {sorted(kids)})"
    assert kids["errors"].max_occurs is None, "errors is not repeated"
    ek = sorted(k.local_name for k in kids["errors"].type.content.iter_elements())
    eq(ek, ["code", "field", "message"], "errors children")


# ---------------------------------------------------------------------------------------
# Accounts over SOAP 1.1 with a PasswordText UsernameToken


@check("zeep loads the WSDL and binds Stratum/StratumSoap11 and Stratum/StratumSoap12")
def _():
    STATE["client11"], STATE["svc11"] = make_service()
    STATE["client12"], STATE["svc12"] = make_service(port="StratumSoap12")


@check("AccountCreate reseller (tier advanced, one metadata entry)")
def _():
    svc = STATE["svc11"]
    name = f"SOAP zeep reseller {RUN}"
    r = svc.AccountCreate(
        kind="reseller",
        name=name,
        reseller_tier="advanced",
        metadata={"entry": [{"key": "crm_id", "value": f"zeep-{RUN}"}]},
    )
    ex = last_exchange()
    eq(ex.status, 200, "HTTP status")
    assert ex.content_type.startswith("text/xml"), f"Content-Type {ex.content_type!r}"
    assert r.id.startswith("acc_"), f"id {r.id!r}"
    eq(r.kind, "reseller", "kind")
    eq(r.name, name, "name")
    eq(r.reseller_tier, "advanced", "reseller_tier")
    eq(r.status, "active", "status")
    eq(r.version, 1, "version")
    assert r.parent_id and r.parent_id.startswith("acc_"), f"parent_id {r.parent_id!r}"
    eq(entries(r.metadata), [("crm_id", f"zeep-{RUN}")], "metadata")
    assert isinstance(r.created_at, datetime.datetime), f"created_at {r.created_at!r}"
    assert isinstance(r.updated_at, datetime.datetime), f"updated_at {r.updated_at!r}"
    eq(r.email, None, "email (null is omitted)")
    eq(r.hold_type, None, "hold_type (null is omitted)")
    STATE["reseller"] = r


@check("AccountCreate customer under the reseller (parent_id)")
def _():
    svc = STATE["svc11"]
    res = STATE["reseller"]
    name = f"SOAP zeep customer {RUN}"
    r = svc.AccountCreate(kind="customer", name=name, parent_id=res.id, email=f"ops-{RUN}@example.com")
    assert r.id.startswith("acc_"), f"id {r.id!r}"
    eq(r.kind, "customer", "kind")
    eq(r.parent_id, res.id, "parent_id")
    eq(r.name, name, "name")
    eq(r.email, f"ops-{RUN}@example.com", "email")
    eq(r.reseller_tier, None, "reseller_tier of a customer (omitted)")
    eq(entries(r.metadata), [], "metadata")
    STATE["customer"] = r


@check("AccountGet reads the customer back with the same fields")
def _():
    c = STATE["customer"]
    g = STATE["svc11"].AccountGet(id=c.id)
    for f in ("id", "kind", "parent_id", "name", "status", "email", "version", "created_at", "updated_at", "reseller_tier"):
        eq(getattr(g, f), getattr(c, f), f)
    eq(g.status, "active", "status")


@check("AccountGet reads the reseller's metadata entry back")
def _():
    r = STATE["reseller"]
    g = STATE["svc11"].AccountGet(id=r.id)
    eq(entries(g.metadata), [("crm_id", f"zeep-{RUN}")], "metadata")
    eq(g.reseller_tier, "advanced", "reseller_tier")


@check("AccountList limit=2 followed through next_cursor: pages of at most 2, no repeats, both new accounts")
def _():
    svc = STATE["svc11"]
    seen = []
    cursor = None
    pages = 0
    while True:
        page = svc.AccountList(limit=2, cursor=cursor)
        pages += 1
        data = page.data or []
        assert len(data) <= 2, f"page {pages} has {len(data)} accounts"
        for a in data:
            assert a.id not in seen, f"{a.id} repeated on page {pages}"
            seen.append(a.id)
        cursor = page.next_cursor
        if not cursor:
            break
        assert data, f"empty page {pages} with a next_cursor"
        assert pages < 500, "more than 500 pages"
    assert STATE["reseller"].id in seen, "the reseller is missing"
    assert STATE["customer"].id in seen, "the customer is missing"
    assert pages >= 2, f"only {pages} page(s) for {len(seen)} accounts"
    assert seen.index(STATE["reseller"].id) < seen.index(STATE["customer"].id), "not in creation order"
    STATE["all_ids"] = seen


@check("AccountList parent_id=<reseller> lists exactly the customer")
def _():
    page = STATE["svc11"].AccountList(parent_id=STATE["reseller"].id)
    eq([a.id for a in (page.data or [])], [STATE["customer"].id], "data ids")
    eq(page.next_cursor, None, "next_cursor")


# -- faults ---------------------------------------------------------------------------------


@check("Fault: AccountGet of a nonexistent id → soap:Client, HTTP 500, StratumFault code not_found (404)")
def _():
    expect_fault(lambda: STATE["svc11"].AccountGet(id="acc_00000000000000000000000000"), "not_found", 404)


@check("Fault: AccountCreate with an empty name → validation_failed (422) with errors[field=name]")
def _():
    f, _ = expect_fault(lambda: STATE["svc11"].AccountCreate(kind="customer", name=""), "validation_failed", 422)
    fields = [e["field"] for e in f["errors"]]
    assert "name" in fields, f"errors {f['errors']}"
    e = next(e for e in f["errors"] if e["field"] == "name")
    assert e["code"] and e["message"], f"error without code/message: {e}"


@check("Fault: a call without credentials → unauthenticated (401)")
def _():
    _, svc = make_service(wsse=None)
    expect_fault(lambda: svc.AccountGet(id=STATE["customer"].id), "unauthenticated", 401)


@check("Fault: a UsernameToken with a wrong API key is refused (Client fault, 401)")
def _():
    _, svc = make_service(wsse=UsernameToken("api", "stk_" + "x" * 40))
    try:
        svc.AccountGet(id=STATE["customer"].id)
    except Fault:
        pass
    else:
        raise AssertionError("the call succeeded")
    version, ns, fault = envelope_parts(last_exchange().content)
    f = fault_fields(stratum_fault_of(fault, version, ns))
    assert f["code"] in ("invalid_api_key", "unauthenticated"), f"code {f['code']}"
    eq(f["status"], "401", "status")


# -- SOAP 1.2 -------------------------------------------------------------------------------


@check("SOAP 1.2 port: AccountGet over application/soap+xml (action=…/AccountGet) answers a 1.2 envelope")
def _():
    c = STATE["customer"]
    g = STATE["svc12"].AccountGet(id=c.id)
    ex = last_exchange()
    ct_req = ex.req_headers.get("Content-Type", "")
    assert ct_req.startswith("application/soap+xml"), f"request Content-Type {ct_req!r}"
    assert f'action="{TNS}/AccountGet"' in ct_req, f"request Content-Type {ct_req!r} has no action"
    eq(ex.status, 200, "HTTP status")
    assert ex.content_type.startswith("application/soap+xml"), f"response Content-Type {ex.content_type!r}"
    version, _, body = envelope_parts(ex.content)
    eq(version, "1.2", "response envelope version")
    eq(body.tag, f"{{{TNS}}}AccountGetResponse", "Body child")
    eq(g.id, c.id, "id")
    eq(g.parent_id, c.parent_id, "parent_id")


@check("SOAP 1.2 port: AccountCreate customer works")
def _():
    r = STATE["svc12"].AccountCreate(kind="customer", name=f"SOAP zeep 1.2 customer {RUN}", parent_id=STATE["reseller"].id)
    eq(r.kind, "customer", "kind")
    eq(r.parent_id, STATE["reseller"].id, "parent_id")


@check("SOAP 1.2 fault: AccountGet nonexistent → env:Sender, HTTP 400, not_found")
def _():
    expect_fault(lambda: STATE["svc12"].AccountGet(id="acc_00000000000000000000000000"), "not_found", 404, soap="1.2")


@check("SOAP 1.2 fault: AccountCreate empty name → env:Sender, HTTP 400, validation_failed")
def _():
    f, _ = expect_fault(
        lambda: STATE["svc12"].AccountCreate(kind="customer", name=""), "validation_failed", 422, soap="1.2"
    )
    assert "name" in [e["field"] for e in f["errors"]], f"errors {f['errors']}"


@check("SOAP 1.2 fault: no credentials → unauthenticated")
def _():
    _, svc = make_service(wsse=None, port="StratumSoap12")
    expect_fault(lambda: svc.AccountGet(id=STATE["customer"].id), "unauthenticated", 401, soap="1.2")


# -- idempotency and If-Match ---------------------------------------------------------------


@check("Idempotency: AccountCreate twice with the same IdempotencyKey SOAP header → the same account")
def _():
    svc = STATE["svc11"]
    key = f"zeep-{uuid.uuid4()}"
    args = dict(kind="customer", name=f"SOAP zeep idempotent {RUN}", parent_id=STATE["reseller"].id)
    a = svc.AccountCreate(**args, _soapheaders=[idempotency_header(key)])
    b = svc.AccountCreate(**args, _soapheaders=[idempotency_header(key)])
    eq(b.id, a.id, "id of the replay")
    eq(b.created_at, a.created_at, "created_at of the replay")
    page = svc.AccountList(parent_id=STATE["reseller"].id, limit=500)
    n = sum(1 for x in (page.data or []) if x.name == args["name"])
    eq(n, 1, "accounts with that name")
    STATE["idem"] = (key, args, a.id)


@check("Idempotency: the same IdempotencyKey with another body → idempotency_key_reused (422)")
def _():
    key, args, _ = STATE["idem"]
    other = dict(args, name=args["name"] + " (other)")
    expect_fault(
        lambda: STATE["svc11"].AccountCreate(**other, _soapheaders=[idempotency_header(key)]),
        "idempotency_key_reused",
        422,
    )


@check("Idempotency: the HTTP header Idempotency-Key works as well")
def _():
    key = f"zeep-http-{uuid.uuid4()}"
    _, svc = make_service(extra_headers={"Idempotency-Key": key})
    args = dict(kind="customer", name=f"SOAP zeep idempotent http {RUN}", parent_id=STATE["reseller"].id)
    a = svc.AccountCreate(**args)
    b = svc.AccountCreate(**args)
    eq(b.id, a.id, "id of the replay")


@check('If-Match: AccountUpdate with IfMatch "1" applies (version 2); again with "1" → version_mismatch (412)')
def _():
    svc = STATE["svc11"]
    c = STATE["customer"]
    cur = svc.AccountGet(id=c.id)
    eq(cur.version, 1, "version before")
    u = svc.AccountUpdate(id=c.id, email=f"billing-{RUN}@example.com", _soapheaders=[if_match_header('"1"')])
    eq(u.version, 2, "version after")
    eq(u.email, f"billing-{RUN}@example.com", "email after")
    expect_fault(
        lambda: svc.AccountUpdate(id=c.id, phone="+1 555 0100", _soapheaders=[if_match_header('"1"')]),
        "version_mismatch",
        412,
    )
    eq(svc.AccountGet(id=c.id).version, 2, "version after the refused change")


@check("AccountSuspend then AccountReactivate (a state change with a body field) over SOAP")
def _():
    svc = STATE["svc11"]
    c = STATE["customer"]
    s = svc.AccountSuspend(id=c.id, reason="soap conformance")
    eq(s.status, "suspended", "status after suspend")
    r = svc.AccountReactivate(id=c.id)
    eq(r.status, "active", "status after reactivate")


# -- Bearer tokens and PasswordDigest --------------------------------------------------------


@check("AuthTokenCreate over SOAP (no credentials needed) → access_token, Bearer, expires_in")
def _():
    _, svc = make_service(wsse=None)
    t = svc.AuthTokenCreate(api_key=API_KEY)
    assert t.access_token and t.access_token.count(".") == 2, f"access_token {t.access_token!r}"
    eq(t.token_type, "Bearer", "token_type")
    assert isinstance(t.expires_in, int) and t.expires_in > 0, f"expires_in {t.expires_in!r}"
    STATE["soap_token"] = t.access_token


@check("Bearer: a SOAP token in Authorization: Bearer authenticates AccountGet without WS-Security")
def _():
    _, svc = make_service(wsse=None, extra_headers={"Authorization": f"Bearer {STATE['soap_token']}"})
    eq(svc.AccountGet(id=STATE["customer"].id).id, STATE["customer"].id, "id")


@check("Bearer: a REST token (POST /api/v1/auth/token) authenticates AccountList on the SOAP 1.2 port")
def _():
    r = requests.post(f"{BASE}/api/v1/auth/token", json={"api_key": API_KEY}, timeout=30)
    eq(r.status_code, 200, "REST token status")
    token = r.json()["access_token"]
    _, svc = make_service(wsse=None, port="StratumSoap12", extra_headers={"Authorization": f"Bearer {token}"})
    page = svc.AccountList(parent_id=STATE["reseller"].id)
    assert STATE["customer"].id in [a.id for a in page.data or []], "customer missing"


@check("Fault: a tampered Bearer token → invalid_token or unauthenticated (401)")
def _():
    bad = STATE["soap_token"][:-4] + ("AAAA" if not STATE["soap_token"].endswith("AAAA") else "BBBB")
    _, svc = make_service(wsse=None, extra_headers={"Authorization": f"Bearer {bad}"})
    try:
        svc.AccountGet(id=STATE["customer"].id)
    except Fault:
        pass
    else:
        raise AssertionError("the call succeeded")
    version, ns, fault = envelope_parts(last_exchange().content)
    f = fault_fields(stratum_fault_of(fault, version, ns))
    assert f["code"] in ("invalid_token", "unauthenticated"), f"code {f['code']}"
    eq(f["status"], "401", "status")


@check("ApiKeyCreate over SOAP issues a key (id key_…, secret stk_…)")
def _():
    k = STATE["svc11"].ApiKeyCreate(role="admin", name=f"soap-digest-{RUN}")
    assert k.id.startswith("key_"), f"id {k.id!r}"
    assert k.key.startswith("stk_"), f"key {k.key[:6]!r}…"
    eq(k.role, "admin", "role")
    STATE["digest_key"] = (k.id, k.key)


@check("PasswordDigest: Username = key id, password = hex SHA-256 of the key → AccountGet works")
def _():
    key_id, secret = STATE["digest_key"]
    token = UsernameToken(key_id, hashlib.sha256(secret.encode()).hexdigest(), use_digest=True)
    _, svc = make_service(wsse=token)
    eq(svc.AccountGet(id=STATE["customer"].id).id, STATE["customer"].id, "id")
    ex = last_exchange()
    assert b"#PasswordDigest" in ex.request, "the request did not carry a PasswordDigest"
    STATE["digest_exchange"] = ex


@check("PasswordDigest: replaying the same envelope (same nonce) is refused with a Client fault")
def _():
    ex = STATE["digest_exchange"]
    r = requests.post(ex.address, data=ex.request, headers=ex.req_headers, timeout=30)
    EXCHANGES.append(Exchange(CURRENT, ex.address, ex.request, ex.req_headers, r.status_code, r.headers, r.content))
    version, ns, body = envelope_parts(r.content)
    eq(body.tag, f"{{{ns}}}Fault", "Body child of the replay")
    eq(r.status_code, 500, "HTTP status")
    fc = body.find("faultcode")
    eq(qname_of(fc, fc.text), (SOAP11_ENV, "Client"), "faultcode")
    f = fault_fields(stratum_fault_of(body, version, ns))
    eq(f["status"], "401", "StratumFault status")
    print(f"     (replay refused with code {f['code']})")


@check("PasswordDigest: a digest of the wrong password is refused (401)")
def _():
    key_id, _ = STATE["digest_key"]
    token = UsernameToken(key_id, hashlib.sha256(b"not the key").hexdigest(), use_digest=True)
    _, svc = make_service(wsse=token)
    try:
        svc.AccountGet(id=STATE["customer"].id)
    except Fault:
        pass
    else:
        raise AssertionError("the call succeeded")
    version, ns, fault = envelope_parts(last_exchange().content)
    eq(fault_fields(stratum_fault_of(fault, version, ns))["status"], "401", "status")


@check("PasswordDigest: a Created time 10 minutes old is refused (401)")
def _():
    key_id, secret = STATE["digest_key"]
    old = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
    token = UsernameToken(
        key_id, hashlib.sha256(secret.encode()).hexdigest(), use_digest=True, created=old, zulu_timestamp=True
    )
    _, svc = make_service(wsse=token)
    try:
        svc.AccountGet(id=STATE["customer"].id)
    except Fault:
        pass
    else:
        raise AssertionError("the call succeeded")
    version, ns, fault = envelope_parts(last_exchange().content)
    eq(fault_fields(stratum_fault_of(fault, version, ns))["status"], "401", "status")


@check("EventTypeList and EventList (repeated elements, free-form data) answer over SOAP")
def _():
    svc = STATE["svc11"]
    types = svc.EventTypeList()
    names = [t.type for t in (types.data or [])]
    assert "account.created" in names, f"event types {names[:5]}"
    ev = svc.EventList(object_id=STATE["reseller"].id)
    kinds = [e.type for e in (ev.data or [])]
    assert "account.created" in kinds, f"events of the reseller: {kinds}"


# ---------------------------------------------------------------------------------------
# The catalog over SOAP: resource types, service templates, plans (two periods, a graduated
# tier rate), grants to a reseller, brands and publications, coupons and quotes. Each object
# read over SOAP is compared with what REST answers for it.


def rest(method, path, **kw):
    """A REST call (/api/v1…) with a Bearer token from the API key."""
    token = STATE.get("rest_token")
    if token is None:
        r = requests.post(f"{BASE}/api/v1/auth/token", json={"api_key": API_KEY}, timeout=30)
        assert r.status_code == 200, f"REST token: HTTP {r.status_code} {r.text[:200]}"
        token = r.json()["access_token"]
        STATE["rest_token"] = token
    return requests.request(
        method, f"{BASE}/api/v1{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30, **kw
    )


def rest_json(method, path, status=200, **kw):
    r = rest(method, path, **kw)
    assert r.status_code == status, f"REST {method} {path}: HTTP {r.status_code}, expected {status}: {r.text[:300]}"
    return r.json() if r.content else None


def plain(obj):
    """A zeep answer as plain dicts and lists."""
    return serialize_object(obj, dict)


def _rest_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def rest_diff(soap, rest_value, path="", out=None):
    """Where a SOAP answer (plain) differs from the REST JSON for the same object. A REST
    null (or a missing field) is an omitted element; a nullable array's null reads back as []."""
    out = [] if out is None else out
    if isinstance(rest_value, dict):
        if not isinstance(soap, dict):
            out.append(f"{path or '.'}: SOAP {soap!r}, REST an object")
            return out
        for k in list(rest_value) + [k for k in soap if k not in rest_value]:
            rest_diff(soap.get(k), rest_value.get(k), f"{path}.{k}", out)
    elif isinstance(rest_value, list):
        s = [] if soap is None else soap
        if not isinstance(s, list) or len(s) != len(rest_value):
            out.append(f"{path}: SOAP {soap!r}, REST {rest_value!r}")
            return out
        for i, (a, b) in enumerate(zip(s, rest_value)):
            rest_diff(a, b, f"{path}[{i}]", out)
    elif rest_value is None:
        if soap not in (None, []):
            out.append(f"{path}: SOAP {soap!r}, REST null/absent")
    elif isinstance(soap, decimal.Decimal) and isinstance(rest_value, str):
        if str(soap) != rest_value:
            out.append(f"{path}: SOAP {soap}, REST {rest_value}")
    elif isinstance(soap, datetime.datetime) and isinstance(rest_value, str):
        if soap != _rest_time(rest_value):
            out.append(f"{path}: SOAP {soap.isoformat()}, REST {rest_value}")
    elif soap != rest_value or type(soap) is not type(rest_value):
        out.append(f"{path}: SOAP {soap!r}, REST {rest_value!r}")
    return out


def page_items(page):
    """The `data` of a page. zeep gives None for a nested element without children, so an
    empty page (no `data`, no `next_cursor`) comes back as None rather than an empty page."""
    return [] if page is None else (page.data or [])


def same_as_rest(soap_obj, rest_value, what):
    d = rest_diff(plain(soap_obj), rest_value)
    assert not d, f"{what} differs between SOAP and REST: " + "; ".join(d[:8]) + (f" … ({len(d)})" if len(d) > 8 else "")


def all_pages(list_call, limit=2, **kw):
    """Follows next_cursor through a SOAP list operation: every object, no repeats."""
    seen, cursor, pages = [], None, 0
    while True:
        page = list_call(limit=limit, cursor=cursor, **kw)
        pages += 1
        data = page.data or []
        assert len(data) <= limit, f"page {pages} has {len(data)} objects (limit {limit})"
        for o in data:
            key = getattr(o, "id", None) or (getattr(o, "plan_id", None), getattr(o, "account_id", None))
            assert key not in [k for k, _ in seen], f"{key} repeated on page {pages}"
            seen.append((key, o))
        cursor = page.next_cursor
        if not cursor:
            return [o for _, o in seen]
        assert data, f"empty page {pages} with a next_cursor"
        assert pages < 200, "more than 200 pages"


def by_id(objs, id_):
    found = [o for o in objs if o.id == id_]
    assert len(found) == 1, f"{id_} listed {len(found)} times"
    return found[0]


def field_errors(f):
    return [(e["field"], e["code"]) for e in f["errors"]]


CAT = {}  # the catalog objects created over SOAP, by role

DECIMAL_FIELDS = {
    "PlanPeriod": ["setup_fee", "recurring_fee", "renewal_fee"],
    "PriceTier": ["up_to", "unit_price", "flat_fee"],
    "UnitPrice": ["unit_price"],
    "TemplateResource": ["included", "maximum"],
    "PlanRate": ["included", "maximum"],
    "QuoteResource": ["quantity"],
    "QuoteLineOut": ["quantity", "unit_price", "amount"],
    "QuoteOut": ["subtotal", "discount_total", "total", "wholesale_total"],
    "CouponIn": ["percent", "amount"],
    "CouponOut": ["percent", "amount"],
}


@check("WSDL: catalog amounts and quantities (fees, tier bounds and prices, included/maximum, quote totals, coupon percent/amount) are xsd:decimal")
def _():
    xsd = STATE["xsd"]
    wrong = []
    for type_name, fields in DECIMAL_FIELDS.items():
        t = xsd.types.get(type_name)
        assert t is not None, f"no complex type tns:{type_name}"
        kids = {e.local_name: e for e in t.content.iter_elements()}
        for f in fields:
            el = kids.get(f)
            assert el is not None, f"tns:{type_name} has no {f}"
            base = el.type.primitive_type.local_name if el.type.is_simple() else str(el.type)
            if base != "decimal":
                wrong.append(f"{type_name}.{f}: xsd:{base}")
    assert not wrong, f"{len(wrong)} decimal fields are not xsd:decimal: " + ", ".join(wrong)



@check("Catalog setup: AccountCreate an advanced reseller to grant plans to")
def _():
    r = STATE["svc11"].AccountCreate(kind="reseller", name=f"SOAP zeep catalog reseller {RUN}", reseller_tier="advanced")
    eq(r.kind, "reseller", "kind")
    CAT["reseller"] = r


# -- resource types ---------------------------------------------------------------------------


@check("ResourceTypeCreate: a disk type (GB, not metered) and a traffic type (metered)")
def _():
    svc = STATE["svc11"]
    disk = svc.ResourceTypeCreate(
        name=f"Disk {RUN}", description="Disk space", unit="GB", metered=False, gateway="simulated"
    )
    ex = last_exchange()
    eq(ex.status, 200, "HTTP status")
    assert disk.id.startswith("rst_"), f"id {disk.id!r}"
    eq((disk.name, disk.description, disk.unit, disk.metered, disk.gateway, disk.version),
       (f"Disk {RUN}", "Disk space", "GB", False, "simulated", 1), "name, description, unit, metered, gateway, version")
    assert disk.account_id and disk.account_id.startswith("acc_"), f"account_id {disk.account_id!r}"
    assert isinstance(disk.created_at, datetime.datetime), f"created_at {disk.created_at!r}"
    traffic = svc.ResourceTypeCreate(name=f"Traffic {RUN}", unit="GB", metered=True, gateway="simulated")
    eq(traffic.metered, True, "metered")
    eq(traffic.description, None, "description (null is omitted)")
    CAT["disk"], CAT["traffic"] = disk, traffic


@check("ResourceTypeGet reads the disk type back, the same as REST GET /resource-types/{id}")
def _():
    d = CAT["disk"]
    g = STATE["svc11"].ResourceTypeGet(id=d.id)
    eq(plain(g), plain(d), "ResourceTypeGet vs ResourceTypeCreate")
    same_as_rest(g, rest_json("GET", f"/resource-types/{d.id}"), "resource type")


@check("ResourceTypeList limit=1 through next_cursor lists both types, as REST does")
def _():
    listed = all_pages(STATE["svc11"].ResourceTypeList, limit=1)
    ids = [o.id for o in listed]
    for k in ("disk", "traffic"):
        assert CAT[k].id in ids, f"{k} missing from {ids}"
    assert ids.index(CAT["disk"].id) < ids.index(CAT["traffic"].id), "not in creation order"
    rest_page = rest_json("GET", "/resource-types", params={"limit": 500})
    same_as_rest(by_id(listed, CAT["traffic"].id), next(o for o in rest_page["data"] if o["id"] == CAT["traffic"].id),
                 "listed traffic type")


@check('ResourceTypeUpdate with IfMatch "1": description and gateway change, version 2; a stale IfMatch → version_mismatch')
def _():
    svc = STATE["svc11"]
    d = CAT["disk"]
    u = svc.ResourceTypeUpdate(id=d.id, description="SSD disk space", gateway="kvm", _soapheaders=[if_match_header('"1"')])
    eq((u.description, u.gateway, u.version, u.name), ("SSD disk space", "kvm", 2, d.name), "description, gateway, version, name")
    expect_fault(lambda: svc.ResourceTypeUpdate(id=d.id, name="stale", _soapheaders=[if_match_header('"1"')]),
                 "version_mismatch", 412)
    same_as_rest(svc.ResourceTypeGet(id=d.id), rest_json("GET", f"/resource-types/{d.id}"), "updated resource type")


# -- service templates --------------------------------------------------------------------------

OS_PARAM = {"name": "os", "label": "Operating system", "kind": "enum", "required": True, "values": ["debian", "ubuntu"]}
CPU_PARAM = {"name": "cpus", "label": "CPUs", "kind": "integer", "required": False, "min": 1, "max": 8}


@check("ServiceTemplateCreate: two resources (included/maximum decimals) and an enum and an integer parameter")
def _():
    t = STATE["svc11"].ServiceTemplateCreate(
        name=f"VPS {RUN}",
        description="A virtual server",
        resources=[
            {"resource_type_id": CAT["disk"].id, "included": "10", "maximum": "100"},
            {"resource_type_id": CAT["traffic"].id, "included": "500.5"},
        ],
        parameters=[OS_PARAM, CPU_PARAM],
    )
    assert t.id.startswith("stp_"), f"id {t.id!r}"
    eq((t.status, t.version), ("active", 1), "status, version")
    eq([(r.resource_type_id, r.included, r.maximum) for r in t.resources],
       [(CAT["disk"].id, "10", "100"), (CAT["traffic"].id, "500.5", None)], "resources")
    eq(len(t.parameters), 2, "number of parameters")
    os_p, cpu_p = t.parameters
    eq((os_p.name, os_p.label, os_p.kind, os_p.required, list(os_p.values or [])),
       ("os", "Operating system", "enum", True, ["debian", "ubuntu"]), "the enum parameter")
    eq((cpu_p.name, cpu_p.kind, cpu_p.required, cpu_p.min, cpu_p.max, list(cpu_p.values or [])),
       ("cpus", "integer", False, 1, 8, []), "the integer parameter")
    CAT["template"] = t


@check("ServiceTemplateGet reads the template back, the same as REST")
def _():
    t = CAT["template"]
    g = STATE["svc11"].ServiceTemplateGet(id=t.id)
    eq(plain(g), plain(t), "ServiceTemplateGet vs ServiceTemplateCreate")
    same_as_rest(g, rest_json("GET", f"/service-templates/{t.id}"), "service template")


@check("ServiceTemplateUpdate with IfMatch: a third enum value and a new description → version 2")
def _():
    t = CAT["template"]
    os2 = dict(OS_PARAM, values=["debian", "ubuntu", "alma"])
    u = STATE["svc11"].ServiceTemplateUpdate(
        id=t.id, description="A virtual server (KVM)", parameters=[os2, CPU_PARAM], _soapheaders=[if_match_header('"1"')]
    )
    eq((u.version, u.description), (2, "A virtual server (KVM)"), "version, description")
    eq(list(u.parameters[0].values), ["debian", "ubuntu", "alma"], "enum values")
    eq([r.resource_type_id for r in u.resources], [CAT["disk"].id, CAT["traffic"].id], "resources unchanged")
    same_as_rest(u, rest_json("GET", f"/service-templates/{t.id}"), "updated service template")
    CAT["template"] = u


@check("ServiceTemplateArchive archives a second template; ServiceTemplateList shows both with their status")
def _():
    svc = STATE["svc11"]
    t2 = svc.ServiceTemplateCreate(
        name=f"Throwaway {RUN}", resources=[{"resource_type_id": CAT["disk"].id, "included": "0"}]
    )
    eq(list(t2.parameters or []), [], "parameters of a template without any")
    a = svc.ServiceTemplateArchive(id=t2.id)
    eq((a.id, a.status), (t2.id, "archived"), "id, status")
    listed = all_pages(svc.ServiceTemplateList, limit=1)
    eq(by_id(listed, t2.id).status, "archived", "listed status of the archived one")
    eq(by_id(listed, CAT["template"].id).status, "active", "listed status of the main one")
    same_as_rest(by_id(listed, t2.id), rest_json("GET", f"/service-templates/{t2.id}"), "archived template")


# -- plans ------------------------------------------------------------------------------------


def plan_args(**over):
    args = dict(
        name=f"VPS S {RUN}",
        description="Small VPS",
        currency="USD",
        service_template_id=CAT["template"].id,
        categories=["vps", "linux"],
        periods=[
            {"months": 1, "setup_fee": "5.00", "recurring_fee": "10.00"},
            {"months": 12, "setup_fee": "0.00", "recurring_fee": "100.00", "renewal_fee": "110.00",
             "trial_days": 7, "trial_waives_setup": True},
        ],
        rates=[
            {
                "resource_type_id": CAT["disk"].id,
                "recurring_fee": {
                    "model": "graduated",
                    "tiers": [{"up_to": "10", "unit_price": "0.50"}, {"unit_price": "0.25"}],
                },
            },
            {"resource_type_id": CAT["traffic"].id, "overage": {"model": "flat", "unit_price": "0.05"}},
        ],
    )
    args.update(over)
    return args


@check("PlanCreate: USD, periods of 1 and 12 months (fees as decimals), a graduated tier rate and a flat overage")
def _():
    p = STATE["svc11"].PlanCreate(**plan_args())
    assert p.id.startswith("pln_"), f"id {p.id!r}"
    eq((p.currency, p.status, p.version, p.service_template_id, p.base_plan_id),
       ("USD", "active", 1, CAT["template"].id, None), "currency, status, version, template, base plan")
    eq(list(p.categories), ["vps", "linux"], "categories")
    eq([(x.months, x.days, x.setup_fee, x.recurring_fee, x.renewal_fee, x.trial_days, x.trial_waives_setup)
        for x in p.periods],
       [(1, None, "5.00", "10.00", None, None, None), (12, None, "0.00", "100.00", "110.00", 7, True)], "periods")
    rates = {r.resource_type_id: r for r in p.rates}
    eq(sorted(rates), sorted([CAT["disk"].id, CAT["traffic"].id]), "rates (every template resource)")
    disk = rates[CAT["disk"].id]
    eq((disk.included, disk.maximum), ("10", "100"), "disk included/maximum (from the template)")
    eq(disk.recurring_fee.model, "graduated", "disk recurring_fee.model")
    eq(disk.recurring_fee.unit_price, None, "disk recurring_fee.unit_price")
    eq([(t.up_to, t.unit_price, t.flat_fee) for t in disk.recurring_fee.tiers],
       [("10", "0.50", None), (None, "0.25", None)], "disk tiers")
    eq(disk.setup_fee, None, "disk setup_fee")
    traffic = rates[CAT["traffic"].id]
    eq((traffic.overage.model, traffic.overage.unit_price, list(traffic.overage.tiers or [])),
       ("flat", "0.05", []), "traffic overage")
    CAT["plan"] = p


@check("PlanGet reads the plan back (nested periods, rates, tiers), the same as REST")
def _():
    p = CAT["plan"]
    g = STATE["svc11"].PlanGet(id=p.id)
    eq(plain(g), plain(p), "PlanGet vs PlanCreate")
    same_as_rest(g, rest_json("GET", f"/plans/{p.id}"), "plan")


@check("PlanList limit=1 through next_cursor includes the plan, as REST lists it")
def _():
    listed = all_pages(STATE["svc11"].PlanList, limit=1)
    rest_page = rest_json("GET", "/plans", params={"limit": 500})
    same_as_rest(by_id(listed, CAT["plan"].id), next(o for o in rest_page["data"] if o["id"] == CAT["plan"].id),
                 "listed plan")


@check('PlanUpdate with IfMatch "1": name, categories and a volume tier rate change → version 2, as REST reads it')
def _():
    p = CAT["plan"]
    rates = plan_args()["rates"]
    rates[0] = {
        "resource_type_id": CAT["disk"].id,
        "maximum": "50",
        "recurring_fee": {"model": "graduated",
                          "tiers": [{"up_to": "10", "unit_price": "0.50"}, {"unit_price": "0.25", "flat_fee": "1.00"}]},
    }
    u = STATE["svc11"].PlanUpdate(id=p.id, name=f"VPS Small {RUN}", categories=["vps"], rates=rates,
                                  _soapheaders=[if_match_header('"1"')])
    eq((u.name, list(u.categories), u.version), (f"VPS Small {RUN}", ["vps"], 2), "name, categories, version")
    disk = next(r for r in u.rates if r.resource_type_id == CAT["disk"].id)
    eq(disk.maximum, "50", "disk maximum")
    eq([(t.up_to, t.unit_price, t.flat_fee) for t in disk.recurring_fee.tiers],
       [("10", "0.50", None), (None, "0.25", "1.00")], "disk tiers")
    eq(len(u.periods), 2, "periods unchanged")
    same_as_rest(u, rest_json("GET", f"/plans/{p.id}"), "updated plan")
    CAT["plan"] = u


@check("Fault: PlanCreate with a negative setup fee → validation_failed (422), errors[periods[0]] negative_fee")
def _():
    args = plan_args(name=f"Negative {RUN}")
    args["periods"] = [{"months": 1, "setup_fee": "-1.00", "recurring_fee": "10.00"}]
    f, _ = expect_fault(lambda: STATE["svc11"].PlanCreate(**args), "validation_failed", 422)
    assert ("periods[0]", "negative_fee") in field_errors(f), f"errors {f['errors']}"
    r = rest("POST", "/plans", json=args)
    eq(r.status_code, 422, "REST status of the same body")
    eq(sorted((e["field"], e["code"]) for e in r.json().get("errors", [])), sorted(field_errors(f)),
       "REST errors vs SOAP errors")


@check("SOAP 1.2 fault: PlanCreate with a negative recurring fee → env:Sender, validation_failed, negative_fee")
def _():
    args = plan_args(name=f"Negative 1.2 {RUN}")
    args["periods"] = [{"months": 1, "setup_fee": "0", "recurring_fee": "-10"}]
    f, _ = expect_fault(lambda: STATE["svc12"].PlanCreate(**args), "validation_failed", 422, soap="1.2")
    assert "negative_fee" in [c for _, c in field_errors(f)], f"errors {f['errors']}"


@check("Fault: PlanGet of a nonexistent plan → not_found (404)")
def _():
    expect_fault(lambda: STATE["svc11"].PlanGet(id="pln_00000000000000000000000000"), "not_found", 404)


# -- grants --------------------------------------------------------------------------------------


@check("PlanGrantCreate gives the plan to the reseller (granted_by = the plan's owner)")
def _():
    p, r = CAT["plan"], CAT["reseller"]
    g = STATE["svc11"].PlanGrantCreate(id=p.id, account_id=r.id)
    eq((g.plan_id, g.account_id, g.granted_by), (p.id, r.id, p.account_id), "plan_id, account_id, granted_by")
    assert isinstance(g.created_at, datetime.datetime), f"created_at {g.created_at!r}"
    CAT["grant"] = g


@check("PlanGrantList lists the grant, the same as REST")
def _():
    p = CAT["plan"]
    page = STATE["svc11"].PlanGrantList(id=p.id)
    eq([(g.plan_id, g.account_id) for g in page.data or []], [(p.id, CAT["reseller"].id)], "grants")
    eq(page.next_cursor, None, "next_cursor")
    same_as_rest(page, rest_json("GET", f"/plans/{p.id}/grants"), "grant page")


@check("Fault: PlanGrantCreate of the same plan to the same reseller again → conflict")
def _():
    p = CAT["plan"]
    before = len(EXCHANGES)
    try:
        STATE["svc11"].PlanGrantCreate(id=p.id, account_id=CAT["reseller"].id)
    except Fault:
        pass
    else:
        raise AssertionError("the second grant succeeded")
    assert len(EXCHANGES) > before
    version, ns, fault = envelope_parts(last_exchange().content)
    f = fault_fields(stratum_fault_of(fault, version, ns))
    eq(f["status"], "409", "StratumFault status")
    print(f"     (refused with code {f['code']})")


# -- brands and publications ----------------------------------------------------------------------


@check("BrandCreate: a USD brand with two languages (a repeated string element)")
def _():
    b = STATE["svc11"].BrandCreate(
        name=f"Shop {RUN}", host_name=f"shop-{RUN}.example.com", default_language="en", languages=["en", "de"],
        currency="USD",
    )
    assert b.id.startswith("brd_"), f"id {b.id!r}"
    eq((b.name, b.host_name, b.default_language, b.currency, b.version),
       (f"Shop {RUN}", f"shop-{RUN}.example.com", "en", "USD", 1), "name, host_name, default_language, currency, version")
    eq(sorted(b.languages), ["de", "en"], "languages")
    CAT["brand"] = b


@check("BrandGet reads the brand back, the same as REST; BrandList includes it")
def _():
    b = CAT["brand"]
    g = STATE["svc11"].BrandGet(id=b.id)
    eq(plain(g), plain(b), "BrandGet vs BrandCreate")
    same_as_rest(g, rest_json("GET", f"/brands/{b.id}"), "brand")
    listed = all_pages(STATE["svc11"].BrandList, limit=1)
    eq(plain(by_id(listed, b.id)), plain(g), "listed brand")


@check('BrandUpdate with IfMatch "1": name and languages → version 2, as REST reads it')
def _():
    b = CAT["brand"]
    u = STATE["svc11"].BrandUpdate(id=b.id, name=f"Shop {RUN} (new)", languages=["en", "fr"],
                                   _soapheaders=[if_match_header('"1"')])
    eq((u.name, u.version, u.currency), (f"Shop {RUN} (new)", 2, "USD"), "name, version, currency")
    eq(sorted(u.languages), ["en", "fr"], "languages")
    same_as_rest(u, rest_json("GET", f"/brands/{b.id}"), "updated brand")
    CAT["brand"] = u


@check("BrandPlanPublish publishes the plan with a display name; BrandPlanList lists it, the same as REST")
def _():
    b, p = CAT["brand"], CAT["plan"]
    pub = STATE["svc11"].BrandPlanPublish(id=b.id, plan_id=p.id, display_name="VPS S", description="Our small VPS")
    eq((pub.brand_id, pub.plan_id, pub.display_name, pub.description), (b.id, p.id, "VPS S", "Our small VPS"),
       "brand_id, plan_id, display_name, description")
    page = STATE["svc11"].BrandPlanList(id=b.id)
    eq([(x.brand_id, x.plan_id) for x in page.data or []], [(b.id, p.id)], "publications")
    same_as_rest(page, rest_json("GET", f"/brands/{b.id}/plans"), "publication page")


@check("Fault: BrandPlanPublish of the USD plan to a EUR brand → validation_failed (422), errors[plan_id] currency_mismatch")
def _():
    svc = STATE["svc11"]
    eur = svc.BrandCreate(name=f"Shop EU {RUN}", host_name=f"eu-{RUN}.example.com", default_language="de",
                          currency="EUR")
    eq(eur.currency, "EUR", "currency")
    CAT["brand_eur"] = eur
    f, _ = expect_fault(lambda: svc.BrandPlanPublish(id=eur.id, plan_id=CAT["plan"].id), "validation_failed", 422)
    eq(field_errors(f), [("plan_id", "currency_mismatch")], "errors")
    page = svc.BrandPlanList(id=eur.id)
    eq(list(page_items(page)), [], "publications of the EUR brand")


# -- coupons ---------------------------------------------------------------------------------------


@check("CouponCreate (IdempotencyKey replayed): 10% on setup and recurring, for the plan, max 100, valid until a date")
def _():
    svc = STATE["svc11"]
    until = datetime.datetime(2099, 1, 1, tzinfo=datetime.timezone.utc)
    args = dict(code=f"WELCOME-{RUN}", name=f"Welcome {RUN}", percent="10", applies_to="setup_and_recurring",
                plan_ids=[CAT["plan"].id], max_redemptions=100, valid_until=until)
    key = f"zeep-coupon-{uuid.uuid4()}"
    c = svc.CouponCreate(**args, _soapheaders=[idempotency_header(key)])
    again = svc.CouponCreate(**args, _soapheaders=[idempotency_header(key)])
    eq(again.id, c.id, "id of the replay")
    assert c.id.startswith("cpn_"), f"id {c.id!r}"
    eq((c.code, c.percent, c.amount, c.currency, c.applies_to, c.max_redemptions, c.times_redeemed, c.status,
        c.duration_periods),
       (f"WELCOME-{RUN}", "10", None, None, "setup_and_recurring", 100, 0, "active", None),
       "code, percent, amount, currency, applies_to, max_redemptions, times_redeemed, status, duration_periods")
    eq(list(c.plan_ids), [CAT["plan"].id], "plan_ids")
    eq(c.valid_until, until, "valid_until")
    CAT["coupon"] = c


@check("CouponGet reads the coupon back, the same as REST; CouponList includes it")
def _():
    c = CAT["coupon"]
    g = STATE["svc11"].CouponGet(id=c.id)
    eq(plain(g), plain(c), "CouponGet vs CouponCreate")
    same_as_rest(g, rest_json("GET", f"/coupons/{c.id}"), "coupon")
    listed = all_pages(STATE["svc11"].CouponList, limit=1)
    eq(plain(by_id(listed, c.id)), plain(g), "listed coupon")


@check('CouponUpdate with IfMatch "1": max_redemptions 50 → version 2, as REST reads it')
def _():
    c = CAT["coupon"]
    u = STATE["svc11"].CouponUpdate(id=c.id, max_redemptions=50, _soapheaders=[if_match_header('"1"')])
    eq((u.max_redemptions, u.version, u.percent, list(u.plan_ids)), (50, 2, "10", [CAT["plan"].id]),
       "max_redemptions, version, percent, plan_ids")
    same_as_rest(u, rest_json("GET", f"/coupons/{c.id}"), "updated coupon")
    CAT["coupon"] = u


@check('CouponUpdate with xsi:nil for valid_until and max_redemptions (IfMatch "2") clears both, as REST reads it')
def _():
    c = CAT["coupon"]
    u = STATE["svc11"].CouponUpdate(id=c.id, valid_until=Nil, max_redemptions=Nil, _soapheaders=[if_match_header('"2"')])
    req = last_exchange().request
    assert b"nil=" in req, "zeep did not send xsi:nil: " + req.decode()[-400:]
    eq((u.valid_until, u.max_redemptions, u.version), (None, None, 3), "valid_until, max_redemptions, version")
    same_as_rest(u, rest_json("GET", f"/coupons/{c.id}"), "cleared coupon")
    CAT["coupon"] = u


@check("PlanUpdate with description xsi:nil clears the description; the periods and rates stay")
def _():
    p = CAT["plan"]
    u = STATE["svc11"].PlanUpdate(id=p.id, description=Nil)
    eq((u.description, u.version), (None, p.version + 1), "description, version")
    eq(plain(u.periods), plain(p.periods), "periods")
    eq(plain(u.rates), plain(p.rates), "rates")
    same_as_rest(u, rest_json("GET", f"/plans/{p.id}"), "plan without a description")
    CAT["plan"] = u


# -- quotes ----------------------------------------------------------------------------------------


def quote_summary(q):
    return [(l.kind, l.resource_type_id, l.quantity, l.unit_price, l.amount, l.discounted_line) for l in q.lines or []]


@check("QuoteCreate: 1 month, 25 GB disk (15 beyond the included 10, graduated) → 5.00 + 10.00 + 7.25 = 22.25, as REST")
def _():
    p, disk = CAT["plan"], CAT["disk"]
    args = dict(plan_id=p.id, months=1, resources=[{"resource_type_id": disk.id, "quantity": "25"}])
    q = STATE["svc11"].QuoteCreate(**args)
    eq((q.plan_id, q.currency, q.months, q.days, q.period_kind), (p.id, "USD", 1, None, "first"),
       "plan_id, currency, months, days, period_kind")
    kinds = [(l.kind, l.amount) for l in q.lines]
    eq(kinds[:2], [("setup", "5.00"), ("recurring", "10.00")], "plan lines")
    res = [l for l in q.lines if l.kind == "resource_recurring"]
    eq([(l.resource_type_id, l.amount) for l in res], [(disk.id, "7.25")], "resource line (10×0.50 + 5×0.25 + 1.00 flat)")
    eq((q.subtotal, q.discount_total, q.total), ("22.25", "0.00", "22.25"), "subtotal, discount_total, total")
    same_as_rest(q, rest_json("POST", "/quotes", json=args), "quote")


@check("QuoteCreate: 12 months with the coupon code → discount lines, coupon_id, the same as REST")
def _():
    p, disk, c = CAT["plan"], CAT["disk"], CAT["coupon"]
    args = dict(plan_id=p.id, months=12, resources=[{"resource_type_id": disk.id, "quantity": "25"}],
                coupon_code=c.code, period_kind="after_trial")
    q = STATE["svc11"].QuoteCreate(**args)
    eq(q.coupon_id, c.id, "coupon_id")
    discounts = [l for l in q.lines if l.kind == "discount"]
    assert discounts, f"no discount line: {quote_summary(q)}"
    assert all(l.discounted_line is not None and str(l.amount).startswith("-") for l in discounts), quote_summary(q)
    total = sum(decimal.Decimal(l.amount) for l in q.lines)
    eq(decimal.Decimal(q.total), total, "total = sum of the lines")
    same_as_rest(q, rest_json("POST", "/quotes", json=args), "quote with a coupon")


@check("QuoteCreate over SOAP 1.2 answers the same quote as over SOAP 1.1")
def _():
    args = dict(plan_id=CAT["plan"].id, months=12, period_kind="renewal")
    a = STATE["svc11"].QuoteCreate(**args)
    b = STATE["svc12"].QuoteCreate(**args)
    eq(plain(b), plain(a), "SOAP 1.2 quote vs SOAP 1.1 quote")
    eq([(l.kind, l.amount) for l in a.lines], [("recurring", "110.00")], "renewal line (the renewal fee)")


@check("Fault: QuoteCreate for a period the plan does not have (3 months) → validation_failed, errors[months] unknown_period")
def _():
    f, _ = expect_fault(lambda: STATE["svc11"].QuoteCreate(plan_id=CAT["plan"].id, months=3), "validation_failed", 422)
    eq(field_errors(f), [("months", "unknown_period")], "errors")


# -- orders ----------------------------------------------------------------------------------------


def without_parameters(order):
    """An order with its lines' parameter maps left out: SOAP spells a map as `entry`
    elements, compared by `entries`; everything else must equal REST field by field."""
    d = dict(order)
    d["lines"] = [{k: v for k, v in dict(l).items() if k != "parameters"} for l in (d.get("lines") or [])]
    return d


def as_placed(order):
    """An order without its parameter maps and the fields its workflow changes."""
    moving = ("status", "current_step", "steps", "fraud_score", "fraud_reasons", "version", "updated_at")
    return {k: v for k, v in without_parameters(order).items() if k not in moving}


def order_args(**over):
    args = dict(
        account_id=CAT["customer"].id,
        type="sales",
        brand_id=CAT["brand"].id,
        lines=[{"plan_id": CAT["plan"].id, "months": 1, "parameters": {"entry": [{"key": "os", "value": "debian"}]}}],
    )
    args.update(over)
    return args


@check("Orders setup: AccountCreate a customer of the provider")
def _():
    c = STATE["svc11"].AccountCreate(kind="customer", name=f"SOAP zeep order customer {RUN}")
    eq(c.kind, "customer", "kind")
    CAT["customer"] = c


@check("FraudRuleCreate total_above 0.00 USD scoring 100 (every order waits for approval), as REST reads it; "
       "FraudRuleGet, FraudRuleList and FraudRuleUpdate (score 90) agree")
def _():
    svc = STATE["svc11"]
    r = svc.FraudRuleCreate(name="hold everything", kind="total_above", amount=decimal.Decimal("0"), currency="USD", score=100)
    assert r.id.startswith("frr_"), f"id {r.id!r}"
    eq((r.kind, r.score, r.enabled, r.currency), ("total_above", 100, True, "USD"), "kind, score, enabled, currency")
    same_as_rest(plain(r), rest_json("GET", f"/fraud-rules/{r.id}"), "fraud rule")
    eq(plain(svc.FraudRuleGet(id=r.id)), plain(r), "FraudRuleGet vs FraudRuleCreate")
    eq([x.id for x in page_items(svc.FraudRuleList())], [r.id], "listed ids")
    u = svc.FraudRuleUpdate(id=r.id, score=90)
    eq((u.score, u.version), (90, 2), "score, version")
    CAT["fraud_rule"] = u


@check("Fault: FraudRuleCreate total_above without amount → validation_failed (422), errors[amount] required")
def _():
    f, _ = expect_fault(lambda: STATE["svc11"].FraudRuleCreate(name="x", kind="total_above", currency="USD", score=5),
                        "validation_failed", 422)
    eq(field_errors(f), [("amount", "required")], "errors")


def workflow_steps(threshold):
    """Worked example 1 of docs/orders.md: a decision on the total, a manual approval."""
    def on(**kw):
        return {"entry": [{"key": k, "value": v} for k, v in kw.items()]}
    return [
        {"name": "big_order", "kind": "decision",
         "condition": {"fact": "total", "op": "gt", "value": decimal.Decimal(threshold)},
         "on": on(yes="approval", no="activate")},
        {"name": "approval", "kind": "manual", "on": on(approved="activate", rejected="notify_rejected")},
        {"name": "activate", "kind": "automatic", "action": "activate",
         "on": on(done="notify_completed", refused="notify_rejected")},
        {"name": "notify_completed", "kind": "automatic", "action": "notify", "on": on(done="completed")},
        {"name": "notify_rejected", "kind": "automatic", "action": "notify", "on": on(done="rejected")},
    ]


def workflow_plain(w):
    """A workflow as plain data, each step's `on` map as REST writes it (key → value)."""
    out = plain(w)
    for st in out["steps"]:
        st["on"] = {e["key"]: e["value"] for e in (st["on"] or {}).get("entry") or []}
    return out


@check("WorkflowCreate (approve above 100.00 by hand), as REST reads it; WorkflowGet, WorkflowList, "
       "WorkflowUpdate (If-Match, 500.00) agree; WorkflowArchive leaves the default for the orders below")
def _():
    svc = STATE["svc11"]
    w = svc.WorkflowCreate(order_type="sales", name="approve above 100.00", start="big_order",
                           steps=workflow_steps("100.00"))
    try:
        assert w.id.startswith("wfl_"), f"id {w.id!r}"
        eq((w.status, w.order_type, w.version, len(w.steps)), ("active", "sales", 1, 5),
           "status, type, version, steps")
        same_as_rest(workflow_plain(w), rest_json("GET", f"/workflows/{w.id}"), "workflow")
        eq(workflow_plain(svc.WorkflowGet(id=w.id)), workflow_plain(w), "WorkflowGet vs WorkflowCreate")
        eq([x.id for x in page_items(svc.WorkflowList(status="active"))], [w.id], "listed ids")
        u = svc.WorkflowUpdate(id=w.id, steps=workflow_steps("500.00"), _soapheaders=[if_match_header('"1"')])
        eq((u.version, str(u.steps[0].condition.value)), (2, "500.00"), "version, threshold")
    finally:
        a = svc.WorkflowArchive(id=w.id)
    eq((a.status, a.version), ("archived", 3), "archived")
    eq(rest_json("GET", f"/workflows/{w.id}")["status"], "archived", "REST status")


@check("Fault: WorkflowCreate whose decision lacks its `no` transition → validation_failed (422), "
       "errors[steps[0].on.no] missing_transition")
def _():
    steps = workflow_steps("100.00")
    steps[0]["on"]["entry"] = [e for e in steps[0]["on"]["entry"] if e["key"] != "no"]
    f, _ = expect_fault(lambda: STATE["svc11"].WorkflowCreate(order_type="sales", name="x", start="big_order",
                                                              steps=steps), "validation_failed", 422)
    eq(field_errors(f), [("steps[0].on.no", "missing_transition")], "errors")


def wait_order(order_id, status):
    deadline = time.monotonic() + 30
    while True:
        o = rest_json("GET", f"/orders/{order_id}")
        if o["status"] == status:
            return o
        assert time.monotonic() < deadline, f"order {order_id} never reached {status}: {o}"
        time.sleep(0.05)


@check("OrderCreate (IdempotencyKey replayed): 1 month, os=debian → 5.00 setup + 10.00 recurring = 15.00, "
       "the line priced exactly as QuoteCreate prices it, as REST reads it")
def _():
    svc = STATE["svc11"]
    key = f"zeep-order-{RUN}"
    o = svc.OrderCreate(**order_args(), _soapheaders=[idempotency_header(key)])
    again = svc.OrderCreate(**order_args(), _soapheaders=[idempotency_header(key)])
    eq(plain(again), plain(o), "replayed order")
    assert o.id.startswith("ord_"), f"id {o.id!r}"
    eq((o.type, o.status, o.currency, o.total, o.account_id), ("sales", "placed", "USD", "15.00", CAT["customer"].id),
       "type, status, currency, total, account_id")
    eq(entries(o.lines[0].parameters), [("os", "debian")], "parameters")
    q = svc.QuoteCreate(plan_id=CAT["plan"].id, months=1)
    eq(plain(o.lines[0].price), plain(q), "the line's price vs QuoteCreate")
    rest = rest_json("GET", f"/orders/{o.id}")
    eq(rest["lines"][0]["parameters"], {"os": "debian"}, "REST parameters")
    # The workflow moves the order on meanwhile: its placed fields are what must agree.
    same_as_rest(as_placed(plain(o)), as_placed(rest), "order")
    CAT["order"] = o


@check("OrderGet reads the order back, flagged by the rule and waiting for approval; OrderList filtered by "
       "account_id and status lists it, the same as REST")
def _():
    o = CAT["order"]
    held = wait_order(o.id, "waiting_approval")
    g = STATE["svc11"].OrderGet(id=o.id)
    eq((g.id, plain(g.lines), g.total), (o.id, plain(o.lines), o.total), "OrderGet vs OrderCreate")
    same_as_rest(without_parameters(plain(g)), without_parameters(held), "the order waiting for approval")
    listed = page_items(STATE["svc11"].OrderList(account_id=CAT["customer"].id, status="waiting_approval"))
    eq([x.id for x in listed], [o.id], "listed ids")
    eq(page_items(STATE["svc11"].OrderList(account_id=CAT["customer"].id, status="completed")), [], "completed orders")


@check("Fault: OrderCreate without the required os parameter → validation_failed (422), "
       "errors[lines[0].parameters.os] invalid_parameter; nothing is placed")
def _():
    args = order_args(lines=[{"plan_id": CAT["plan"].id, "months": 1}])
    f, _ = expect_fault(lambda: STATE["svc11"].OrderCreate(**args), "validation_failed", 422)
    eq(field_errors(f), [("lines[0].parameters.os", "invalid_parameter")], "errors")
    eq(len(rest_json("GET", f"/orders?account_id={CAT['customer'].id}")["data"]), 1, "orders of the customer")


@check("OrderCancel with a reason → cancelled, as REST reads it; a second OrderCancel → invalid_state_transition (409)")
def _():
    o = CAT["order"]
    held = wait_order(o.id, "waiting_approval")
    c = STATE["svc11"].OrderCancel(id=o.id, reason="changed plans")
    eq((c.id, c.status, c.status_reason, c.version), (o.id, "cancelled", "changed plans", held["version"] + 1),
       "id, status, status_reason, version")
    same_as_rest(without_parameters(plain(c)), without_parameters(rest_json("GET", f"/orders/{o.id}")), "cancelled order")
    expect_fault(lambda: STATE["svc11"].OrderCancel(id=o.id), "invalid_state_transition", 409)


@check("OrderApprove of a flagged order with a comment → in_progress; it completes, and SubscriptionList / "
       "SubscriptionGet show its subscription as REST does; OrderReject then → invalid_state_transition (409)")
def _():
    svc = STATE["svc11"]
    o = svc.OrderCreate(**order_args())
    waiting = wait_order(o.id, "waiting_approval")
    eq((waiting["fraud_score"], waiting["current_step"]), (90, "approval"), "fraud_score, current_step")
    a = svc.OrderApprove(id=o.id, comment="known customer")
    eq((a.id, a.status), (o.id, "in_progress"), "id, status")
    wait_order(o.id, "completed")
    subs = page_items(svc.SubscriptionList(account_id=CAT["customer"].id))
    eq([(x.order_id, x.status, x.months) for x in subs], [(o.id, "active", 1)], "subscriptions")
    g = svc.SubscriptionGet(id=subs[0].id)
    same_as_rest(plain(g), rest_json("GET", f"/subscriptions/{g.id}"), "subscription")
    steps = [(x.name, x.outcome) for x in svc.OrderGet(id=o.id).steps]
    eq(steps[-3:], [("approval", "approved"), ("activate", "done"), ("notify_completed", "done")], "last steps")
    expect_fault(lambda: svc.OrderReject(id=o.id, comment="too late"), "invalid_state_transition", 409)
    expect_fault(lambda: svc.OrderRetry(id=o.id), "invalid_state_transition", 409)


@check("OrderReject of a flagged order with a comment → it ends rejected with the comment as status_reason")
def _():
    svc = STATE["svc11"]
    o = svc.OrderCreate(**order_args())
    wait_order(o.id, "waiting_approval")
    svc.OrderReject(id=o.id, comment="card reported stolen")
    r = wait_order(o.id, "rejected")
    eq(r["status_reason"], "card reported stolen", "status_reason")
    o = svc.OrderCreate(**order_args())
    wait_order(o.id, "waiting_approval")
    CAT["failing_order"] = o


@check("OrderRetry: activation of an order whose customer was suspended fails with the reason on its step; "
       "after AccountReactivate, OrderRetry runs it again and the order completes; FraudRuleDelete removes the rule")
def _():
    svc = STATE["svc11"]
    o, customer = CAT["failing_order"], CAT["customer"]
    svc.AccountSuspend(id=customer.id, reason="soap conformance")
    svc.OrderApprove(id=o.id)
    deadline = time.monotonic() + 30
    while not (rest_json("GET", f"/orders/{o.id}")["steps"][-1]["error"] or "").strip():
        assert time.monotonic() < deadline, "the activation never failed"
        time.sleep(0.05)
    svc.AccountReactivate(id=customer.id)
    r = svc.OrderRetry(id=o.id)
    eq((r.id, r.current_step, r.steps[-1].error), (o.id, "activate", None), "id, current_step, error")
    wait_order(o.id, "completed")
    svc.FraudRuleDelete(id=CAT["fraud_rule"].id)
    eq(page_items(svc.FraudRuleList()), [], "fraud rules")


# -- taking things back ----------------------------------------------------------------------------


@check("BrandPlanUnpublish (a path parameter pair, 204) → BrandPlanList is empty")
def _():
    b, p = CAT["brand"], CAT["plan"]
    r = STATE["svc11"].BrandPlanUnpublish(id=b.id, plan_id=p.id)
    ex = last_exchange()
    eq(ex.status, 200, "HTTP status")
    _, _, body = envelope_parts(ex.content)
    eq((body.tag, len(body)), (f"{{{TNS}}}BrandPlanUnpublishResponse", 0), "an empty response element")
    eq(r, None, "zeep's result")
    eq(list(page_items(STATE["svc11"].BrandPlanList(id=b.id))), [], "publications after")
    eq(rest_json("GET", f"/brands/{b.id}/plans")["data"], [], "REST publications after")


@check("PlanGrantDelete (a path parameter pair, 204) → PlanGrantList is empty")
def _():
    p = CAT["plan"]
    r = STATE["svc11"].PlanGrantDelete(id=p.id, account_id=CAT["reseller"].id)
    _, _, body = envelope_parts(last_exchange().content)
    eq((body.tag, len(body)), (f"{{{TNS}}}PlanGrantDeleteResponse", 0), "an empty response element")
    eq(r, None, "zeep's result")
    eq(list(page_items(STATE["svc11"].PlanGrantList(id=p.id))), [], "grants after")
    eq(rest_json("GET", f"/plans/{p.id}/grants")["data"], [], "REST grants after")
    expect_fault(lambda: STATE["svc11"].PlanGrantDelete(id=p.id, account_id=CAT["reseller"].id), "not_found", 404)


@check("CouponArchive → status archived, as REST reads it")
def _():
    c = CAT["coupon"]
    a = STATE["svc11"].CouponArchive(id=c.id)
    eq((a.id, a.status), (c.id, "archived"), "id, status")
    same_as_rest(a, rest_json("GET", f"/coupons/{c.id}"), "archived coupon")


@check("PlanArchive → status archived, as REST reads it; a quote for a first period is then refused (archived)")
def _():
    p = CAT["plan"]
    a = STATE["svc11"].PlanArchive(id=p.id)
    eq((a.id, a.status), (p.id, "archived"), "id, status")
    same_as_rest(a, rest_json("GET", f"/plans/{p.id}"), "archived plan")
    f, _ = expect_fault(lambda: STATE["svc11"].QuoteCreate(plan_id=p.id, months=1), "validation_failed", 422)
    eq(field_errors(f), [("plan_id", "archived")], "errors")


@check("Every Catalog and Orders operation of the OpenAPI document was called over SOAP")
def _():
    spec = STATE["openapi"]
    catalog = sorted(
        o["operationId"]
        for p in spec["paths"].values()
        for m, o in p.items()
        if m in ("get", "post", "put", "patch", "delete")
        and {"Catalog", "Orders"} & set(o.get("tags", []))
    )
    called = set()
    for ex in EXCHANGES:
        if not ex.address.startswith(SOAP_URL):
            continue
        try:
            _, ns, payload = envelope_parts(ex.content)
        except Exception:  # noqa: BLE001
            continue
        if payload.tag.startswith(f"{{{TNS}}}") and payload.tag.endswith("Response"):
            called.add(etree.QName(payload).localname[: -len("Response")])
    missing = [op for op in catalog if op not in called]
    assert not missing, f"no successful SOAP call of {missing}"
    print(f"     ({len(catalog)} Catalog and Orders operations answered over SOAP)")


# ---------------------------------------------------------------------------------------
# Every recorded response against the XSD


@check("XSD: the Body payload of every recorded response (StratumFault for faults) is valid")
def _():
    xsd = STATE["xsd"]
    bad = []
    count = 0
    for i, ex in enumerate(EXCHANGES):
        if not ex.address.startswith(SOAP_URL):
            continue
        count += 1
        try:
            version, ns, payload = envelope_parts(ex.content)
            if payload.tag == f"{{{ns}}}Fault":
                payload = stratum_fault_of(payload, version, ns)
            src = etree.tostring(payload, encoding="unicode")
            errors = list(xsd.iter_errors(src))
            if errors:
                bad.append(f"#{i} [{ex.check}] <{etree.QName(payload).localname}>: {str(errors[0]).splitlines()[0]} "
                           f"(path {errors[0].path})")
        except Exception as e:  # noqa: BLE001
            bad.append(f"#{i} [{ex.check}]: {type(e).__name__}: {e}; body {ex.content[:200]!r}")
    assert count > 0, "no response recorded"
    print(f"     ({count} responses validated, {len(bad)} invalid)")
    assert not bad, "\n       " + "\n       ".join(bad)


print(f"RESULT zeep {PASSED} {FAILED}")
sys.exit(1 if FAILED else 0)
