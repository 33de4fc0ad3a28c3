// Exchange the API key for an access token, use it, and see a wrong key refused.
//
//   STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... node dist/examples/get_token.js
import assert from 'node:assert/strict';

import { permissionList, ProblemError, StratumClient } from '../src/index.js';

const baseUrl = process.env.STRATUM_BASE_URL!;
const apiKey = process.env.STRATUM_API_KEY!;

const stratum = new StratumClient({ baseUrl, apiKey });

// Calls fetch and refresh the token by themselves; fetchToken() is only for a look at it.
const token = await stratum.fetchToken();
assert.equal(token.token_type, 'Bearer');
assert.ok(token.expires_in > 0);
assert.equal(token.access_token.split('.').length, 3, 'a JWT has three parts');
assert.equal(await stratum.accessToken(), token.access_token, 'the fresh token is kept for the next calls');

const permissions = await stratum.call(permissionList);
assert.ok(permissions.data.some((p) => p.name === 'accounts.write'));
console.log(`token ok: ${token.token_type}, ${token.expires_in} s, ${permissions.data.length} permissions visible`);

const wrong = new StratumClient({ baseUrl, apiKey: 'stk_' + 'x'.repeat(40) });
try {
  await wrong.call(permissionList);
  assert.fail('a wrong API key was accepted');
} catch (e) {
  if (!(e instanceof ProblemError)) throw e;
  assert.equal(e.code, 'invalid_api_key');
  assert.equal(e.status, 401);
  console.log(`a wrong key is refused: ${e.status} ${e.code}`);
}
