/** What every resolver gets: the store, this request's loaders, and its deadline. */
import type { GraphStore } from '../graph/store.ts';
import type { CorrectionSink } from './corrections.ts';
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
  /** Where `Mutation.correct` records corrections; null on a read-only server. */
  corrections: CorrectionSink | null;
  /** Drops what the server cached of the graph (after a correction changed it). */
  graphChanged(): void;
}

export interface ContextExtras {
  corrections?: CorrectionSink | null;
  graphChanged?: () => void;
}

export function createContext(store: GraphStore, limits: Limits, extras: ContextExtras = {}): ApiContext {
  const deadline = Date.now() + limits.timeoutMs;
  const checkDeadline = () => {
    if (Date.now() > deadline) throw timeoutError(limits.timeoutMs);
  };
  return {
    store,
    limits,
    deadline,
    checkDeadline,
    loaders: new Loaders(store, checkDeadline),
    corrections: extras.corrections ?? null,
    graphChanged: extras.graphChanged ?? (() => {}),
  };
}

export function timeoutError(ms: number) {
  return apiError(
    ErrorCode.REQUEST_TIMEOUT,
    `The query took longer than the ${ms} ms allowed per request. Ask for fewer items (smaller first, less depth or maxHops) and try again.`,
    503,
  );
}
