// Handle an error by its code: an account without a name is `validation_failed`.
//
//   STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... node dist/examples/validation_error.js
import assert from 'node:assert/strict';

import { accountCreate, accountGet, ProblemError, StratumClient } from '../src/index.js';

const stratum = new StratumClient({ baseUrl: process.env.STRATUM_BASE_URL!, apiKey: process.env.STRATUM_API_KEY! });

try {
  await stratum.call(accountCreate, { body: { kind: 'customer', name: '' } });
  assert.fail('an account with an empty name was created');
} catch (e) {
  if (!(e instanceof ProblemError) || e.code !== 'validation_failed') throw e;
  assert.equal(e.status, 422);
  assert.ok('name' in e.fieldErrors(), JSON.stringify(e.errors));
  assert.ok(e.requestId, 'every problem names its request');
  for (const fieldError of e.errors) {
    console.log(`${e.code}: ${fieldError.field} is ${fieldError.code} (${fieldError.message})`);
  }
}

try {
  await stratum.call(accountGet, { path: { id: 'acc_does_not_exist' } });
  assert.fail('a missing account was found');
} catch (e) {
  if (!(e instanceof ProblemError)) throw e;
  assert.equal(e.code, 'not_found');
  assert.equal(e.status, 404);
  console.log(`${e.code}: ${e.detail}`);
}
