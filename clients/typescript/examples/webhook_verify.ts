// Receive a webhook delivery and verify its signature with the Standard Webhooks library.
//
// Starts a receiver on 127.0.0.1, registers it for `account.*`, creates an account, waits for
// the signed `account.created` delivery, verifies it with `standardwebhooks` (npm) and checks
// that a tampered body fails verification, then reads the body as a `WebhookEvent`, whose `data`
// is typed by its `type` (an `AccountOut` for `account.*`). The server must allow loopback
// receivers (STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS=true).
//
//   STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... node dist/examples/webhook_verify.js
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Webhook, WebhookVerificationError } from 'standardwebhooks';

import {
  accountCreate,
  type AccountOut,
  StratumClient,
  type WebhookEvent,
  webhookEndpointCreate,
  webhookEndpointDelete,
} from '../src/index.js';

type Delivery = { body: string; headers: Record<string, string> };

// The receiver: keep the raw body (verify the bytes as sent, before any JSON parsing) and the headers.
const deliveries: Delivery[] = [];
let delivered: (() => void) | undefined;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    deliveries.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
    delivered?.();
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/stratum`;

function nextDelivery(deadline: number): Promise<Delivery> {
  const waiting = deliveries.shift();
  if (waiting) return Promise.resolve(waiting);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no account.created delivery within 10 s')), deadline - Date.now());
    delivered = () => {
      clearTimeout(timer);
      delivered = undefined;
      resolve(deliveries.shift()!);
    };
  });
}

const stratum = new StratumClient({ baseUrl: process.env.STRATUM_BASE_URL!, apiKey: process.env.STRATUM_API_KEY! });
try {
  const created = await stratum.call(webhookEndpointCreate, {
    body: { url, event_types: ['account.*'], description: 'webhook_verify.ts' },
  });
  const secret = created.secret; // whsec_…, shown only once
  assert.ok(secret.startsWith('whsec_'));
  try {
    const account = await stratum.call(accountCreate, {
      body: { kind: 'reseller', name: `Webhook Hosting ${randomUUID().slice(0, 8)}` },
    });

    // Wait (at most 10 s) for the account.created event of this account.
    const wh = new Webhook(secret);
    const deadline = Date.now() + 10_000;
    let delivery: Delivery;
    let event: WebhookEvent;
    do {
      delivery = await nextDelivery(deadline);
      // verify() throws WebhookVerificationError if the signature or timestamp is wrong.
      event = wh.verify(delivery.body, delivery.headers) as WebhookEvent;
    } while (event.type !== 'account.created' || event.object.id !== account.id);
    assert.equal(delivery.headers['webhook-id'], event.id);

    // `type` tells the payload apart: for an account event, `data` is the account.
    if (event.type !== 'account.created') throw new Error(`unexpected ${event.type}`);
    const customer: AccountOut = event.data;
    assert.equal(customer.id, account.id);
    assert.equal(customer.name, account.name);

    // A tampered body must fail verification.
    const tampered = JSON.stringify({ ...event, data: { ...event.data, name: 'Mallory' } });
    assert.throws(() => wh.verify(tampered, delivery.headers), WebhookVerificationError);

    console.log(
      `endpoint ${created.endpoint.id} received ${event.type} ${event.id} for ${account.id}: ` +
        'signature verified, tampered body rejected',
    );
  } finally {
    await stratum.call(webhookEndpointDelete, { path: { id: created.endpoint.id } });
  }
} finally {
  server.close();
}
