/** What every resolver gets: the store, this request's loaders, its deadline and its pacing. */
import type { GraphStore } from '../graph/store.ts';
import type { CorrectionSink } from './corrections.ts';
import { apiError, ErrorCode } from './errors.ts';
import type { Limits } from './limits.ts';
import { Loaders } from './loaders.ts';
import type { Logger } from './logger.ts';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  limits: Limits;
  requestId: string;
  logger: Logger;
  /**
   * What the request log line reports: the estimated cost, once the protection has computed
   * it. An object, so it is shared with the shallow copy of the context Apollo executes with.
   */
  report: { cost: number | null };
  /** Epoch ms after which no new store round trip starts. */
  deadline: number;
  /** Throws REQUEST_TIMEOUT once the deadline has passed. */
  checkDeadline(): void;
  /**
   * Called before each resolver: null to go straight on, or, once this request has run for
   * `limits.sliceMs` without a pause, a promise that resolves after the event loop has served
   * whatever else is waiting (and that rejects once the deadline has passed).
   */
  pace(): Promise<void> | null;
  /** Where `Mutation.correct` records corrections; null on a read-only server. */
  corrections: CorrectionSink | null;
  /** Tells the server the graph changed (after a correction): caches dropped, indexes rebuilt. */
  graphChanged(): void;
}

export interface ContextExtras {
  corrections?: CorrectionSink | null;
  graphChanged?: () => void;
}

/** Resolver calls between two looks at the clock. */
const PACE_EVERY = 32;

export function createContext(store: GraphStore, limits: Limits, requestId: string, logger: Logger, extras: ContextExtras = {}): ApiContext {
  const deadline = Date.now() + limits.timeoutMs;
  const checkDeadline = () => {
    if (Date.now() > deadline) throw timeoutError(limits.timeoutMs);
  };
  // A slice is the stretch of resolver calls between two turns of the event loop: it starts
  // at the first call after a turn, and a turn (the setImmediate below running) ends it. Work
  // that waits for the store ends slices by itself; work answered from memory would not.
  let sliceStart = 0;
  let inSlice = false;
  let calls = 0;
  const endSlice = () => {
    inSlice = false;
  };
  const resume = () => {
    checkDeadline();
  };
  const pace = (): Promise<void> | null => {
    if (!inSlice) {
      inSlice = true;
      sliceStart = performance.now();
      setImmediate(endSlice);
      return null;
    }
    if (++calls % PACE_EVERY !== 0) return null;
    if (performance.now() - sliceStart < limits.sliceMs) return null;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(resume);
  };
  return {
    store,
    limits,
    requestId,
    logger,
    report: { cost: null },
    deadline,
    checkDeadline,
    pace,
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
