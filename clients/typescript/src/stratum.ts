// The hand-written layer over the SDK that @hey-api/openapi-ts generates in ./generated.
//
// `StratumClient` gives the generated fetch client its own `fetch`, so every generated
// call gets, without extra code:
// - an access token: the API key is exchanged at POST /api/v1/auth/token, the token is
//   kept, fetched again shortly before it expires, and once more when a call answers
//   401 `invalid_token` (the call is then sent again);
// - an `Idempotency-Key` (a random UUID) on every POST that has none, kept across retries;
// - bounded retries with exponential backoff of network failures and 503 answers, for
//   requests that are safe to repeat (GET, PUT, DELETE, any POST with an Idempotency-Key,
//   and every request that never reached the server), so a retry never creates twice.
// `call()` runs one generated operation, returns its data and throws `ProblemError` for
// an error answer; `paginate()` walks every page of a list operation.

import { randomUUID } from 'node:crypto';

import { authTokenCreate } from './generated/sdk.gen.js';
import { createClient, createConfig, type Client } from './generated/client/index.js';
import type { ErrorCode, FieldError, Problem, TokenOut } from './generated/types.gen.js';

export const VERSION = '0.1.0';
export const TOKEN_PATH = '/api/v1/auth/token';
const IDEMPOTENCY_KEY = 'Idempotency-Key';

/** How often and how patiently a request is tried. */
export interface RetryPolicy {
  /** Tries in all, the first included (default 5). */
  maxAttempts: number;
  /** The first retry's wait in milliseconds, doubled for each further retry (default 200). */
  backoffMs: number;
  /** The longest wait, also the cap of a 503's `Retry-After` (default 5000). */
  maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 200, maxBackoffMs: 5000 };

export interface StratumClientOptions {
  /** The server, e.g. `https://billing.example.com` (no `/api/v1`). */
  baseUrl: string;
  /** An API key (`stk_…`); the client exchanges it for access tokens itself. */
  apiKey: string;
  retry?: Partial<RetryPolicy>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** The fetch to send requests with (default `globalThis.fetch`): for tests, proxies, fault injection. */
  fetch?: typeof fetch;
}

/**
 * An error answer of the Stratum API (`application/problem+json`). `code` is the stable
 * machine code (`validation_failed`, `not_found`, … — see docs/errors.md); branch on it,
 * never on `detail`. `errors` lists the invalid fields of a `validation_failed` answer.
 * An answer that is not a problem document gets the code `unexpected_response`.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly code: ErrorCode | 'unexpected_response' | (string & {});
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly requestId: string | undefined;
  readonly errors: FieldError[];
  /** The problem document as the server sent it, when it was one. */
  readonly problem: Problem | undefined;
  readonly response: Response | undefined;

  constructor(init: {
    code: string;
    status: number;
    detail: string;
    title?: string;
    type?: string;
    requestId?: string;
    errors?: FieldError[];
    problem?: Problem;
    response?: Response;
  }) {
    super(`${init.status} ${init.code}: ${init.detail}`);
    this.code = init.code;
    this.status = init.status;
    this.detail = init.detail;
    this.title = init.title ?? '';
    this.type = init.type ?? 'about:blank';
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.problem = init.problem;
    this.response = init.response;
  }

  /** The invalid fields as `{field: code}` (`{name: 'required'}`). */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.errors.map((e) => [e.field, e.code]));
  }

  /** Builds the error from an error answer's parsed body (JSON, or text when it was not JSON). */
  static fromAnswer(body: unknown, response: Response): ProblemError {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (!isRecord(body) || typeof body.code !== 'string') {
      const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
      return new ProblemError({
        code: 'unexpected_response',
        status: response.status,
        detail: text.slice(0, 500) || response.statusText,
        title: response.statusText,
        requestId,
        response,
      });
    }
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is FieldError =>
            isRecord(e) && typeof e.field === 'string' && typeof e.code === 'string' && typeof e.message === 'string',
        )
      : [];
    return new ProblemError({
      code: body.code,
      status: typeof body.status === 'number' ? body.status : response.status,
      detail: typeof body.detail === 'string' ? body.detail : '',
      title: typeof body.title === 'string' ? body.title : '',
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      requestId: typeof body.request_id === 'string' ? body.request_id : requestId,
      errors,
      problem: body as unknown as Problem,
      response,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// -- typing the generated operations ----------------------------------------------------

/** Any generated SDK function (`accountCreate`, `accountList`, …). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Operation = (options: any) => Promise<unknown>;

/** The options of an operation, without the ones this client sets. */
export type OperationOptions<F extends Operation> = Omit<NonNullable<Parameters<F>[0]>, 'client' | 'throwOnError'>;

type CallArgs<F extends Operation> = undefined extends Parameters<F>[0]
  ? [options?: OperationOptions<F>]
  : [options: OperationOptions<F>];

/** What an operation answers on success. */
export type OperationData<F extends Operation> =
  Awaited<ReturnType<F>> extends infer R ? (R extends { data: infer D } ? Exclude<D, undefined> : never) : never;

/** The item type of a list operation's page. */
export type PageItem<F extends Operation> = OperationData<F> extends { data: Array<infer I> } ? I : never;

type Outcome = { data?: unknown; error?: unknown; response?: Response };

// -- the client ---------------------------------------------------------------------------

/**
 * A Stratum API client for one API key.
 *
 * ```ts
 * const stratum = new StratumClient({ baseUrl: 'http://127.0.0.1:8080', apiKey: 'stk_…' });
 * const account = await stratum.call(accountGet, { path: { id: 'acc_…' } });
 * ```
 *
 * `client` is the generated fetch client: pass it as `client` to any generated function
 * to get its raw `{ data, error, response }` answer instead.
 */
export class StratumClient {
  readonly client: Client;
  readonly retry: RetryPolicy;
  private readonly apiKey: string;
  private readonly fetchImpl: typeof fetch;
  private token: { value: string; refreshAt: number } | undefined;
  private pendingToken: Promise<TokenOut> | undefined;

  constructor(options: StratumClientOptions) {
    this.apiKey = options.apiKey;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.client = createClient(
      createConfig({
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        headers: { 'User-Agent': `stratum-client-typescript/${VERSION}`, ...options.headers },
        fetch: this.send,
      }),
    );
  }

  // -- tokens ---------------------------------------------------------------------------

  /** Exchanges the API key for a new access token (and keeps it for later calls). */
  async fetchToken(): Promise<TokenOut> {
    if (!this.pendingToken) {
      this.pendingToken = (async () => {
        try {
          const out = await this.call(authTokenCreate, { body: { api_key: this.apiKey } });
          // Refresh a little before the server would refuse it: 10% of the lifetime, at most 60 s.
          const margin = Math.min(60, out.expires_in / 10);
          this.token = { value: out.access_token, refreshAt: Date.now() + (out.expires_in - margin) * 1000 };
          return out;
        } finally {
          this.pendingToken = undefined;
        }
      })();
    }
    return this.pendingToken;
  }

  /** The current access token, fetched first when there is none or it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) {
      return this.token.value;
    }
    return (await this.fetchToken()).access_token;
  }

  // -- calls ----------------------------------------------------------------------------

  /**
   * Runs a generated operation and returns its data. Throws `ProblemError` for an error
   * answer, and the network error when the network still fails after the retries.
   */
  async call<F extends Operation>(operation: F, ...[options]: CallArgs<F>): Promise<OperationData<F>> {
    const outcome = (await operation({ ...options, client: this.client, throwOnError: false })) as Outcome;
    if (!outcome.response) {
      throw outcome.error; // the request never got an answer
    }
    if (!outcome.response.ok) {
      throw ProblemError.fromAnswer(outcome.error, outcome.response);
    }
    return outcome.data as OperationData<F>;
  }

  /**
   * Yields every object of a list operation (`accountList`, `userList`, …), page after
   * page. Filters and `limit` (objects per page) go in `query` as usual.
   */
  async *paginate<F extends Operation>(operation: F, ...[options]: CallArgs<F>): AsyncGenerator<PageItem<F>, void> {
    const base = (options ?? {}) as { query?: Record<string, unknown> };
    let cursor = base.query?.cursor as string | undefined;
    for (;;) {
      const query = { ...base.query, ...(cursor === undefined ? {} : { cursor }) };
      const page = (await this.call(operation, ...([{ ...base, query }] as CallArgs<F>))) as {
        data: PageItem<F>[];
        next_cursor?: string | null;
      };
      yield* page.data;
      const next = page.next_cursor ?? undefined;
      if (!next) {
        return;
      }
      if (next === cursor) {
        throw new Error(`the server answered the same next_cursor twice (${next})`);
      }
      cursor = next;
    }
  }

  // -- the fetch under the generated client ---------------------------------------------

  private readonly send = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const original = new Request(input, init);
    const body = original.body === null ? undefined : await original.arrayBuffer();
    const headers = new Headers(original.headers);
    const isTokenCall = new URL(original.url).pathname.endsWith(TOKEN_PATH);
    if (original.method === 'POST' && !isTokenCall && !headers.has(IDEMPOTENCY_KEY)) {
      headers.set(IDEMPOTENCY_KEY, randomUUID());
    }
    if (isTokenCall) {
      return this.sendWithRetries(original, headers, body);
    }
    let token = await this.accessToken();
    headers.set('Authorization', `Bearer ${token}`);
    const response = await this.sendWithRetries(original, headers, body);
    if (response.status === 401 && (await problemCode(response.clone())) === 'invalid_token') {
      // Expired early, signed with a retired key, …: one fresh token, one more try.
      if (this.token?.value === token) {
        this.token = undefined;
      }
      token = await this.accessToken();
      headers.set('Authorization', `Bearer ${token}`);
      await response.body?.cancel();
      return this.sendWithRetries(original, headers, body);
    }
    return response;
  };

  private async sendWithRetries(original: Request, headers: Headers, body: ArrayBuffer | undefined): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(
          new Request(original.url, {
            method: original.method,
            headers,
            body,
            signal: original.signal,
            redirect: original.redirect,
          }),
        );
      } catch (error) {
        if (original.signal.aborted || attempt >= this.retry.maxAttempts || !mayRetry(original, headers, error)) {
          throw error;
        }
        await sleep(this.delay(attempt));
        continue;
      }
      if (response.status !== 503 || attempt >= this.retry.maxAttempts || !mayRetry(original, headers, undefined)) {
        return response;
      }
      const wait = this.delay(attempt, response.headers.get('Retry-After'));
      await response.body?.cancel();
      await sleep(wait);
    }
  }

  private delay(retry: number, retryAfter?: string | null): number {
    const base = Math.min(this.retry.maxBackoffMs, this.retry.backoffMs * 2 ** (retry - 1));
    let wait = base * (0.5 + Math.random() / 2);
    const hinted = parseRetryAfter(retryAfter);
    if (hinted !== undefined) {
      wait = Math.max(wait, Math.min(hinted, this.retry.maxBackoffMs));
    }
    return wait;
  }
}

const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether sending the request once more cannot apply it twice. */
function mayRetry(request: Request, headers: Headers, error: unknown): boolean {
  if (error !== undefined) {
    if (!(error instanceof TypeError)) {
      return false; // not a network failure (fetch reports those as TypeError)
    }
    const cause = (error as { cause?: { code?: unknown } }).cause;
    if (typeof cause?.code === 'string' && NOT_CONNECTED.has(cause.code)) {
      return true; // it never reached the server
    }
  }
  return (
    REPEATABLE_METHODS.has(request.method) ||
    headers.has(IDEMPOTENCY_KEY) ||
    new URL(request.url).pathname.endsWith(TOKEN_PATH)
  );
}

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    return isRecord(body) && typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const when = Date.parse(value);
  return Number.isNaN(when) ? undefined : Math.max(0, when - Date.now());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
