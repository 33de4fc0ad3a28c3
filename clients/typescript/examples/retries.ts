// Retries that never create twice, and a token refreshed after a 401 `invalid_token`.
//
// A fault-injecting fetch sits under the client: it drops the answer of the first POST
// after the server has handled it (as a dead connection would), answers the first list
// call with a 503 itself, and spoils the token of one request. The client gets through
// all three; the POST was sent twice with the same Idempotency-Key and created one account.
//
//   STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... node dist/examples/retries.js
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { accountCreate, accountList, permissionList, StratumClient } from '../src/index.js';

const faults = { dropPostAnswers: 0, fake503s: 0, spoilTokens: 0 };
const sent: { method: string; path: string; key: string | null }[] = [];

const faultyFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const path = new URL(request.url).pathname;
  sent.push({ method: request.method, path, key: request.headers.get('Idempotency-Key') });
  const headers = new Headers(request.headers);
  if (faults.spoilTokens > 0 && headers.has('Authorization')) {
    faults.spoilTokens--;
    headers.set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c3BvaWx0');
  }
  if (faults.fake503s > 0 && request.method === 'GET') {
    faults.fake503s--;
    return Response.json({ code: 'service_unavailable' }, { status: 503, headers: { 'Retry-After': '0' } });
  }
  const response = await fetch(new Request(request, { headers }));
  if (faults.dropPostAnswers > 0 && request.method === 'POST' && !path.endsWith('/auth/token')) {
    faults.dropPostAnswers--;
    await response.arrayBuffer();
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
  }
  return response;
};

const stratum = new StratumClient({
  baseUrl: process.env.STRATUM_BASE_URL!,
  apiKey: process.env.STRATUM_API_KEY!,
  fetch: faultyFetch,
  retry: { maxAttempts: 4, backoffMs: 50, maxBackoffMs: 500 },
});
const name = `Retry Hosting ${randomUUID().slice(0, 8)}`;

// 1. The answer to the create is lost; the retry replays it instead of creating again.
faults.dropPostAnswers = 1;
const account = await stratum.call(accountCreate, { body: { kind: 'reseller', name } });
const posts = sent.filter((s) => s.method === 'POST' && s.path === '/api/v1/accounts').map((s) => s.key);
assert.equal(posts.length, 2);
assert.ok(posts[0]);
assert.equal(posts[0], posts[1]);
const sameName: string[] = [];
for await (const a of stratum.paginate(accountList, { query: { kind: 'reseller' } })) {
  if (a.name === name) sameName.push(a.id);
}
assert.deepEqual(sameName, [account.id], `created ${sameName.length} times`);
console.log(`lost answer: sent twice with Idempotency-Key ${posts[0]}, created once (${account.id})`);

// 2. A 503 is retried after a backoff.
faults.fake503s = 1;
let before = sent.length;
const page = await stratum.call(accountList, { query: { limit: 1 } });
assert.equal(page.data.length, 1);
assert.equal(sent.length - before, 2);
console.log('503: retried once, then answered');

// 3. A token the server refuses (401 invalid_token) is replaced, and the call sent again.
faults.spoilTokens = 1;
before = sent.length;
const permissions = await stratum.call(permissionList);
assert.deepEqual(
  sent.slice(before).map((s) => s.path),
  ['/api/v1/permissions', '/api/v1/auth/token', '/api/v1/permissions'],
);
assert.ok(permissions.data.length > 0);
console.log('invalid_token: fetched a new token and sent the call again');
