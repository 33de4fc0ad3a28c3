// Create a reseller and a customer under it, then page through every account.
//
//   STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... node dist/examples/accounts.js
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { accountCreate, accountList, StratumClient } from '../src/index.js';

const stratum = new StratumClient({ baseUrl: process.env.STRATUM_BASE_URL!, apiKey: process.env.STRATUM_API_KEY! });
const suffix = randomUUID().slice(0, 8);

// Every POST carries a fresh Idempotency-Key, so the client may retry it safely.
const reseller = await stratum.call(accountCreate, {
  body: { kind: 'reseller', name: `Northwind Hosting ${suffix}`, reseller_tier: 'advanced' },
});
assert.ok(reseller.id.startsWith('acc_'));
assert.equal(reseller.kind, 'reseller');
assert.equal(reseller.status, 'active');
assert.equal(reseller.version, 1);

const customer = await stratum.call(accountCreate, {
  body: { kind: 'customer', name: `Contoso ${suffix}`, parent_id: reseller.id, email: 'it@contoso.example' },
});
assert.equal(customer.parent_id, reseller.id);

// paginate() follows next_cursor until the last page; limit: 2 makes it take many pages.
const seen: string[] = [];
for await (const account of stratum.paginate(accountList, { query: { limit: 2 } })) {
  seen.push(account.id);
}
assert.equal(new Set(seen).size, seen.length, 'an account came twice');
assert.ok(seen.includes(reseller.id) && seen.includes(customer.id), 'a new account is missing');
assert.ok(seen.indexOf(reseller.id) < seen.indexOf(customer.id), 'lists are in creation order');

// Filters pass through: the reseller's direct children.
const children: string[] = [];
for await (const account of stratum.paginate(accountList, { query: { parent_id: reseller.id } })) {
  children.push(account.id);
}
assert.deepEqual(children, [customer.id]);

console.log(`created ${reseller.id} and ${customer.id}; paged through ${seen.length} accounts, no repeats`);
