/**
 * What one GraphQL request may ask of the server. Every number here is a guard against a
 * query that would tie up the store or the event loop; a request over any of them gets a
 * GraphQL error with a code, before anything touches the store.
 */
export interface Limits {
  /** Largest `first` on any list. */
  maxFirst: number;
  /**
   * Largest `offset`: paging deeper than this is not browsing. (Kuzu 0.11 also crashes the
   * whole process on an ORDER BY … SKIP far past the end of a table; the store guards that too.)
   */
  maxOffset: number;
  /** Characters in any one String argument (names, searches, dates, type names). */
  maxStringChars: number;
  /**
   * Characters in an ID argument. Ids are built from slugs of names and titles bounded in
   * src/graph/ids.ts, and the longest possible one (an undated meeting's item, named by its
   * title) runs past 200 characters, so ids get a bound of their own.
   */
  maxIdChars: number;
  /** Deepest field nesting (introspection's `ofType` chains excepted: the schema bounds them). */
  maxDepth: number;
  /** Aliases in an operation, counting every place a fragment is spread. */
  maxAliases: number;
  /**
   * Estimated work (see protection/cost.ts): list sizes from what the store holds, multiplied
   * through nesting, plus neighbourhood and path traversals. null: no limit (`query --unlimited`).
   */
  maxCost: number | null;
  /** Characters of query text. */
  maxQueryChars: number;
  /** GraphQL tokens, enforced by the parser itself so a huge document is not even parsed. */
  maxTokens: number;
  /** Fragment spreads written in one document. */
  maxSpreads: number;
  /**
   * Selections in an operation with every fragment spread replaced by its fragment. Validation
   * and execution walk this expansion; fragments that spread each other several times make it
   * grow exponentially with the text, so it is measured (linearly) before anything walks it.
   */
  maxExpandedSelections: number;
  /**
   * Pairs of fields answering under the same name in one selection set (fragments merged in),
   * summed over the query. graphql-js compares every such pair when validating
   * (OverlappingFieldsCanBeMerged): 900 copies of one field take it a third of a second.
   */
  maxFieldPairs: number;
  /** HTTP request body bytes (query + variables). */
  maxBodyBytes: number;
  /** Wall time for one request; the store calls still running after it are abandoned. */
  timeoutMs: number;
  /** Longest a request runs resolvers before it lets other requests (and /healthz) in. */
  sliceMs: number;
  neighbourhoodMaxDepth: number;
  /** Nodes a neighbourhood returns at most (`truncated` says when it was cut). */
  neighbourhoodNodeLimit: number;
  pathMaxHops: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFirst: 1000,
  maxOffset: 100_000,
  maxStringChars: 200,
  maxIdChars: 400,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 100_000,
  maxQueryChars: 20_000,
  maxTokens: 4_000,
  maxSpreads: 100,
  maxExpandedSelections: 10_000,
  maxFieldPairs: 2_000,
  maxBodyBytes: 100_000,
  timeoutMs: 5_000,
  sliceMs: 10,
  neighbourhoodMaxDepth: 3,
  neighbourhoodNodeLimit: 500,
  pathMaxHops: 6,
};

/**
 * Entries per list of `overview` at most: a home view's worth. The cost estimates size the
 * overview's lists at this bound (they cannot see the parent's `first`).
 */
export const OVERVIEW_MAX_FIRST = 20;
