/** What every resolver gets: the store, this request's loaders, and its deadline. */
import type { GraphStore } from '../graph/store.ts';
import { apiError, ErrorCode } from './errors.ts';
import type { Limits } from './limits.ts';
import { Loaders } from './loaders.ts';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  limits: Limits;
  /** Epoch ms after which no new store round trip starts. */
  deadline: number;
  /** Throws REQUEST_TIMEOUT once the deadline has passed. */
  checkDeadline(): void;
}

export function createContext(store: GraphStore, limits: Limits): ApiContext {
  const deadline = Date.now() + limits.timeoutMs;
  const checkDeadline = () => {
    if (Date.now() > deadline) throw timeoutError(limits.timeoutMs);
  };
  return { store, limits, deadline, checkDeadline, loaders: new Loaders(store, checkDeadline) };
}

export function timeoutError(ms: number) {
  return apiError(
    ErrorCode.REQUEST_TIMEOUT,
    `The query took longer than the ${ms} ms allowed per request. Ask for fewer items (smaller first, less depth or maxHops) and try again.`,
    503,
  );
}
