// The Stratum API client for TypeScript: the hand-written layer (./stratum.ts) and the
// SDK generated from openapi/openapi.json (./generated: one function per operation,
// one type per schema).
export * from './generated/index.js';
export { createClient, createConfig, type Client } from './generated/client/index.js';
export {
  DEFAULT_RETRY,
  ProblemError,
  StratumClient,
  TOKEN_PATH,
  VERSION,
  type Operation,
  type OperationData,
  type OperationOptions,
  type PageItem,
  type RetryPolicy,
  type StratumClientOptions,
} from './stratum.js';
