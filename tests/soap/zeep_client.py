#!/usr/bin/env python3
"""SOAP conformance checks with zeep (Python), the strictest of the three clients.

Loads the WSDL from $STRATUM_SOAP_BASE/soap?wsdl, authenticates with a WS-Security
UsernameToken (the API key in $STRATUM_API_KEY as PasswordText) and checks the contract
of docs/soap.md: the WSDL's shape against the OpenAPI document, accounts created, read
and listed, faults, SOAP 1.2, idempotency, If-Match, Bearer tokens and PasswordDigest.
Every raw response is recorded, and the first child of every response Body (for a fault,
the StratumFault in its detail) is validated against the XSD of the WSDL with xmlschema.

Prints one PASS/FAIL line per check and, last, `RESULT zeep <passed> <failed>`.
Exits 1 when a check failed.
"""

import copy
import datetime
import hashlib
import os
import pathlib
import sys
import traceback
import uuid

import requests
import xmlschema
from lxml import etree
from zeep import Client, Settings
from zeep.exceptions import Fault
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken

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


def eq(actual, expected, what):
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
    # response
    success = next((r for c, r in op["responses"].items() if c.startswith("2")), {})
    rs = success.get("content", {}).get("application/json", {}).get("schema")
    expected = {}
    if rs:
        r = resolve(spec, rs)
        req = set(r.get("required", []))
        for fname, fs in r.get("properties", {}).items():
            expected[fname] = (fs, fname in req)
    el = xsd.elements.get(op_name + "Response")
    if el is None:
        problems.append(f"no global element tns:{op_name}Response")
    else:
        problems += element_problems(spec, op_name + "Response", expected, el, [list(expected)])
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
    check(f"XSD shape of {_op} / {_op}Response (flattened fields, types, occurrence)")(
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
