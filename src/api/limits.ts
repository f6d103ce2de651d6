/**
 * What one GraphQL request may ask of the server. Every number here is a guard against a
 * query that would tie up the store or the event loop; a request over any of them gets a
 * GraphQL error with a code, before anything touches the store.
 */
export interface Limits {
  /** Largest `first` on any list. */
  maxFirst: number;
  /** Deepest field nesting (introspection's `ofType` chains excepted: the schema bounds them). */
  maxDepth: number;
  maxAliases: number;
  /** Estimated work (see protection/cost.ts), accounting for list sizes, depth and maxHops. */
  maxCost: number;
  /** Characters of query text. */
  maxQueryChars: number;
  /** GraphQL tokens, enforced by the parser itself so a huge document is not even parsed. */
  maxTokens: number;
  /** HTTP request body bytes (query + variables). */
  maxBodyBytes: number;
  /** Wall time for one request; the store calls still running after it are abandoned. */
  timeoutMs: number;
  neighbourhoodMaxDepth: number;
  /** Nodes a neighbourhood returns at most (`truncated` says when it was cut). */
  neighbourhoodNodeLimit: number;
  pathMaxHops: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFirst: 1000,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 100_000,
  maxQueryChars: 20_000,
  maxTokens: 4_000,
  maxBodyBytes: 100_000,
  timeoutMs: 5_000,
  neighbourhoodMaxDepth: 3,
  neighbourhoodNodeLimit: 500,
  pathMaxHops: 6,
};
