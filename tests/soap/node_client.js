#!/usr/bin/env node
// SOAP conformance checks with the node `soap` package.
//
// Loads the WSDL from $STRATUM_SOAP_BASE/soap?wsdl, authenticates with a WS-Security
// UsernameToken (the API key in $STRATUM_API_KEY as PasswordText, as node soap sends it:
// with a wsu:Timestamp and wsu:Created) and runs the account checks of docs/soap.md over
// the StratumSoap11 port, a few over StratumSoap12, and a PasswordDigest call.
// Prints one PASS/FAIL line per check and, last, `RESULT node <passed> <failed>`.
'use strict';

const crypto = require('crypto');
const soap = require('soap');

const BASE = process.env.STRATUM_SOAP_BASE.replace(/\/+$/, '');
const API_KEY = process.env.STRATUM_API_KEY;
const WSDL_URL = `${BASE}/soap?wsdl`;
const TNS = 'urn:stratum:api:v1';
const RUN = crypto.randomBytes(4).toString('hex');
const NONEXISTENT = 'acc_00000000000000000000000000';

let passed = 0;
let failed = 0;
const state = {};

class CheckFailure extends Error {}

function assert(cond, msg) {
  if (!cond) throw new CheckFailure(msg);
}

function eq(actual, expected, what) {
  if (actual !== expected) {
    throw new CheckFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`PASS ${name}`);
  } catch (e) {
    failed += 1;
    if (e instanceof CheckFailure) {
      console.log(`FAIL ${name}: ${e.message}`);
    } else {
      const body = e && e.response && e.response.data ? `\n     response: ${String(e.response.data).slice(0, 600)}` : '';
      console.log(`FAIL ${name}: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}${body}`);
    }
  }
}

// A value that may be one element or a repeated one, as a list.
function list(x) {
  if (x === undefined || x === null) return [];
  return Array.isArray(x) ? x : [x];
}

// An element's text, whether node soap gave a string or { $value, attributes }.
function text(x) {
  if (x === undefined || x === null) return x;
  if (typeof x === 'object' && '$value' in x) return String(x.$value);
  return typeof x === 'object' ? x : String(x);
}

function metadataEntries(m) {
  if (!m) return [];
  return list(m.entry).map((e) => [text(e.key), text(e.value)]);
}

// A client bound to one port; `security` is a soap security object or null.
async function makeClient({ security = 'text', soap12 = false, httpHeaders = {} } = {}) {
  // disableCache: node soap shares a cached WSDL object, and forceSoap12Headers is stored
  // on it, so a SOAP 1.2 client would turn every later client into a SOAP 1.2 one.
  const client = await soap.createClientAsync(WSDL_URL, { forceSoap12Headers: soap12, disableCache: true });
  if (security === 'text') {
    client.setSecurity(new soap.WSSecurity('api', API_KEY, { passwordType: 'PasswordText' }));
  } else if (security) {
    client.setSecurity(security);
  }
  for (const [k, v] of Object.entries(httpHeaders)) client.addHttpHeader(k, v);
  const port = client.Stratum[soap12 ? 'StratumSoap12' : 'StratumSoap11'];
  const desc = client.describe().Stratum[soap12 ? 'StratumSoap12' : 'StratumSoap11'];
  client.on('response', (body, response) => {
    client.lastStatus = response && response.status;
  });
  // call(op, args, soapHeaders?) → the object the response holds (its one child, named
  // after the object's type: AccountGetResponse/AccountOut); the args are put in the WSDL's
  // element order.
  client.call = (op, args, soapHeaders = []) =>
    new Promise((resolve, reject) => {
      const order = Object.keys((desc[op] && desc[op].input) || {});
      const ordered = {};
      for (const k of order) if (k in args) ordered[k] = args[k];
      for (const k of Object.keys(args)) if (!(k in ordered)) ordered[k] = args[k];
      client.clearSoapHeaders();
      for (const h of soapHeaders) client.addSoapHeader(h);
      port[op](ordered, (err, result, raw) => {
        client.lastRaw = raw;
        if (err) reject(err);
        else resolve(unwrap(op, result));
      });
    });
  const unwrap = (op, result) => {
    const children = Object.keys((desc[op] && desc[op].output) || {}).filter((k) => !k.startsWith('targetNS'));
    if (children.length === 0) return result;
    assert(children.length === 1, `${op}Response has ${children.length} children: ${children}`);
    assert(result && children[0] in result, `${op}Response lacks its ${children[0]}: ${JSON.stringify(result).slice(0, 300)}`);
    return result[children[0]];
  };
  return client;
}

// The StratumFault of a node soap error, read from the parsed envelope.
function faultOf(err) {
  const env = err && err.root && err.root.Envelope;
  assert(env && env.Body && env.Body.Fault, `not a SOAP fault: ${err && err.message}`);
  const f = env.Body.Fault;
  const detail = f.detail || f.Detail;
  assert(detail && detail.StratumFault, `fault without detail/StratumFault: ${JSON.stringify(f).slice(0, 400)}`);
  const sf = detail.StratumFault;
  let faultcode;
  if (f.faultcode !== undefined) faultcode = text(f.faultcode);
  else if (f.Code) faultcode = text(f.Code.Value);
  return {
    faultcode,
    http: err.response && err.response.status,
    contentType: err.response && err.response.headers && err.response.headers['content-type'],
    code: text(sf.code),
    status: text(sf.status),
    title: text(sf.title),
    detail: text(sf.detail),
    request_id: text(sf.request_id),
    errors: list(sf.errors).map((e) => ({ field: text(e.field), code: text(e.code), message: text(e.message) })),
  };
}

async function expectFault(promise, code, problemStatus, soap12 = false) {
  let result;
  try {
    result = await promise;
  } catch (err) {
    const f = faultOf(err);
    eq(f.code, code, 'StratumFault code');
    eq(String(f.status), String(problemStatus), 'StratumFault status');
    assert(f.title, 'empty title');
    assert(f.request_id, 'empty request_id');
    const client = problemStatus < 500;
    if (soap12) {
      assert(/:?Sender$/.test(f.faultcode || '') === client, `Code/Value ${f.faultcode}`);
      eq(f.http, client ? 400 : 500, 'HTTP status');
      assert(/^application\/soap\+xml/.test(f.contentType || ''), `Content-Type ${f.contentType}`);
    } else {
      assert(/(^|:)Client$/.test(f.faultcode || '') === client, `faultcode ${f.faultcode}`);
      eq(f.http, 500, 'HTTP status');
      assert(/^text\/xml/.test(f.contentType || ''), `Content-Type ${f.contentType}`);
    }
    return f;
  }
  throw new CheckFailure(`expected a fault ${code}, got ${JSON.stringify(result).slice(0, 300)}`);
}

function idempotencyHeader(key) {
  return `<IdempotencyKey xmlns="${TNS}">${key}</IdempotencyKey>`;
}

async function main() {
  await check('node soap loads the WSDL; service Stratum has StratumSoap11 and StratumSoap12 with AccountCreate', async () => {
    state.c11 = await makeClient();
    const d = state.c11.describe();
    assert(d.Stratum, `services: ${Object.keys(d)}`);
    assert(d.Stratum.StratumSoap11 && d.Stratum.StratumSoap12, `ports: ${Object.keys(d.Stratum)}`);
    for (const op of ['AccountCreate', 'AccountGet', 'AccountList', 'AccountUpdate', 'AuthTokenCreate', 'EventList']) {
      assert(d.Stratum.StratumSoap11[op], `no operation ${op}`);
    }
    eq(state.c11.wsdl.definitions.$targetNamespace, TNS, 'targetNamespace');
  });

  await check('AccountCreate reseller (tier advanced, one metadata entry)', async () => {
    const name = `SOAP node reseller ${RUN}`;
    const r = await state.c11.call('AccountCreate', {
      kind: 'reseller',
      name,
      reseller_tier: 'advanced',
      metadata: { entry: [{ key: 'crm_id', value: `node-${RUN}` }] },
    });
    assert(/^acc_/.test(r.id), `id ${r.id}`);
    eq(r.kind, 'reseller', 'kind');
    eq(r.name, name, 'name');
    eq(r.reseller_tier, 'advanced', 'reseller_tier');
    eq(r.status, 'active', 'status');
    eq(Number(r.version), 1, 'version');
    assert(/^acc_/.test(r.parent_id || ''), `parent_id ${r.parent_id}`);
    eq(JSON.stringify(metadataEntries(r.metadata)), JSON.stringify([['crm_id', `node-${RUN}`]]), 'metadata');
    assert(r.email === undefined, `email should be omitted, got ${JSON.stringify(r.email)}`);
    state.reseller = r;
  });

  await check('AccountCreate customer under the reseller (parent_id)', async () => {
    const name = `SOAP node customer ${RUN}`;
    const r = await state.c11.call('AccountCreate', { kind: 'customer', name, parent_id: state.reseller.id, phone: '+1 555 0100' });
    assert(/^acc_/.test(r.id), `id ${r.id}`);
    eq(r.kind, 'customer', 'kind');
    eq(r.parent_id, state.reseller.id, 'parent_id');
    eq(r.name, name, 'name');
    eq(r.phone, '+1 555 0100', 'phone');
    assert(r.reseller_tier === undefined, `reseller_tier should be omitted, got ${JSON.stringify(r.reseller_tier)}`);
    state.customer = r;
  });

  await check('AccountGet reads the customer back with the same fields', async () => {
    const c = state.customer;
    const g = await state.c11.call('AccountGet', { id: c.id });
    for (const f of ['id', 'kind', 'parent_id', 'name', 'status', 'phone']) eq(g[f], c[f], f);
    eq(Number(g.version), Number(c.version), 'version');
    eq(new Date(g.created_at).getTime(), new Date(c.created_at).getTime(), 'created_at');
    assert(!Number.isNaN(new Date(g.created_at).getTime()), `created_at ${g.created_at}`);
  });

  await check('node soap sends a wsu:Timestamp; the answer carries one (Created, Expires) in wsse:Security', async () => {
    await state.c11.call('AccountGet', { id: state.customer.id });
    const raw = state.c11.lastRaw || '';
    const m = /<wsse:Security\b[^>]*>\s*<wsu:Timestamp\b[^>]*>\s*<wsu:Created>([^<]+)<\/wsu:Created>\s*<wsu:Expires>([^<]+)<\/wsu:Expires>/.exec(raw);
    assert(m, `no wsu:Timestamp in the answer: ${raw.slice(0, 400)}`);
    assert(new Date(m[2]).getTime() > new Date(m[1]).getTime(), `Expires ${m[2]} not after Created ${m[1]}`);
  });

  await check('AccountGet reads the reseller metadata back', async () => {
    const g = await state.c11.call('AccountGet', { id: state.reseller.id });
    eq(JSON.stringify(metadataEntries(g.metadata)), JSON.stringify([['crm_id', `node-${RUN}`]]), 'metadata');
  });

  await check('AccountList limit=2 followed through next_cursor: no repeats, both new accounts', async () => {
    const seen = [];
    let cursor;
    let pages = 0;
    for (;;) {
      const args = { limit: 2 };
      if (cursor) args.cursor = cursor;
      const page = await state.c11.call('AccountList', args);
      pages += 1;
      const data = list(page && page.data);
      assert(data.length <= 2, `page ${pages} has ${data.length} accounts`);
      for (const a of data) {
        assert(!seen.includes(a.id), `${a.id} repeated on page ${pages}`);
        seen.push(a.id);
      }
      cursor = page && page.next_cursor;
      if (!cursor) break;
      assert(data.length > 0, `empty page ${pages} with a next_cursor`);
      assert(pages < 500, 'more than 500 pages');
    }
    assert(seen.includes(state.reseller.id), 'the reseller is missing');
    assert(seen.includes(state.customer.id), 'the customer is missing');
    assert(pages >= 2, `only ${pages} page(s)`);
  });

  await check('Fault: AccountGet of a nonexistent id → soap:Client, HTTP 500, not_found', async () => {
    await expectFault(state.c11.call('AccountGet', { id: NONEXISTENT }), 'not_found', 404);
  });

  await check('Fault: AccountCreate with an empty name → validation_failed with errors[field=name]', async () => {
    const f = await expectFault(state.c11.call('AccountCreate', { kind: 'customer', name: '' }), 'validation_failed', 422);
    assert(f.errors.some((e) => e.field === 'name'), `errors ${JSON.stringify(f.errors)}`);
  });

  await check('Fault: a call without credentials → unauthenticated', async () => {
    const c = await makeClient({ security: null });
    await expectFault(c.call('AccountGet', { id: state.customer.id }), 'unauthenticated', 401);
  });

  await check('SOAP 1.2 port: AccountGet (application/soap+xml) reads the customer', async () => {
    state.c12 = await makeClient({ soap12: true });
    const g = await state.c12.call('AccountGet', { id: state.customer.id });
    eq(g.id, state.customer.id, 'id');
    eq(g.parent_id, state.reseller.id, 'parent_id');
    assert(/soap-envelope/.test(state.c12.lastRaw || ''), 'the response is not a SOAP 1.2 envelope');
  });

  await check('SOAP 1.2 fault: AccountGet nonexistent → Sender, HTTP 400, not_found', async () => {
    await expectFault(state.c12.call('AccountGet', { id: NONEXISTENT }), 'not_found', 404, true);
  });

  await check('Idempotency: AccountCreate twice with the same IdempotencyKey header → the same id', async () => {
    const key = `node-${crypto.randomUUID()}`;
    const args = { kind: 'customer', name: `SOAP node idempotent ${RUN}`, parent_id: state.reseller.id };
    const a = await state.c11.call('AccountCreate', args, [idempotencyHeader(key)]);
    const b = await state.c11.call('AccountCreate', args, [idempotencyHeader(key)]);
    eq(b.id, a.id, 'id of the replay');
  });

  await check('If-Match: AccountUpdate with IfMatch "1" → version 2; stale "1" again → version_mismatch', async () => {
    const id = state.customer.id;
    const u = await state.c11.call('AccountUpdate', { id, name: `SOAP node customer ${RUN} renamed` }, [
      `<IfMatch xmlns="${TNS}">"1"</IfMatch>`,
    ]);
    eq(Number(u.version), 2, 'version');
    eq(u.name, `SOAP node customer ${RUN} renamed`, 'name');
    await expectFault(
      state.c11.call('AccountUpdate', { id, name: 'stale' }, [`<IfMatch xmlns="${TNS}">"1"</IfMatch>`]),
      'version_mismatch',
      412,
    );
  });

  await check('AuthTokenCreate over SOAP, then the token as Authorization: Bearer (no WS-Security)', async () => {
    const anon = await makeClient({ security: null });
    const t = await anon.call('AuthTokenCreate', { api_key: API_KEY });
    eq(t.token_type, 'Bearer', 'token_type');
    assert(t.access_token && t.access_token.split('.').length === 3, `access_token ${t.access_token}`);
    const c = await makeClient({ security: new soap.BearerSecurity(t.access_token) });
    const g = await c.call('AccountGet', { id: state.reseller.id });
    eq(g.id, state.reseller.id, 'id');
  });

  await check('PasswordDigest (node soap WSSecurity): Username = key id, password = hex SHA-256 of the key', async () => {
    const k = await state.c11.call('ApiKeyCreate', { role: 'admin', name: `soap-node-digest-${RUN}` });
    assert(/^key_/.test(k.id) && /^stk_/.test(k.key), `key ${k.id}`);
    const digestPassword = crypto.createHash('sha256').update(k.key).digest('hex');
    const c = await makeClient({ security: new soap.WSSecurity(k.id, digestPassword, { passwordType: 'PasswordDigest' }) });
    const g = await c.call('AccountGet', { id: state.customer.id });
    eq(g.id, state.customer.id, 'id');
  });
}

main()
  .catch((e) => {
    failed += 1;
    console.log(`FAIL node client crashed: ${e && e.stack}`);
  })
  .finally(() => {
    console.log(`RESULT node ${passed} ${failed}`);
    process.exitCode = failed ? 1 : 0;
  });
