/**
 * The one place the dashboard talks to the server: POST /graphql, relative to the page, so
 * the bundle works wherever the server mounts it. Operations are sent by name: their texts and
 * their result and variables types come from generated.ts (`npm run codegen`).
 */
import { OPERATIONS, type OperationName, type Operations } from './generated.ts';

/** The server could not be reached or did not answer with GraphQL (down, proxy error…). */
export class ApiUnreachableError extends Error {
  override name = 'ApiUnreachableError';
}

/** The server answered with GraphQL errors. */
export class ApiQueryError extends Error {
  override name = 'ApiQueryError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export interface GraphQLClient {
  run<K extends OperationName>(name: K, variables: Operations[K]['variables'], signal?: AbortSignal): Promise<Operations[K]['result']>;
  readonly endpoint: string;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const TIMEOUT_MS = 15_000;

export function createClient(endpoint = new URL('graphql', document.baseURI).toString()): GraphQLClient {
  return {
    endpoint,
    run: (name, variables, signal) => request(OPERATIONS[name], variables, signal),
  };

  async function request<T>(query: string, variables: object, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: combined,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      const why = timeout.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : 'network error';
      throw new ApiUnreachableError(`Cannot reach the councilgraph API at ${endpoint} (${why}).`);
    }
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new ApiUnreachableError(
        `The API at ${endpoint} answered HTTP ${response.status} without GraphQL JSON; is the councilgraph server running there?`,
      );
    }
    if (body.errors?.length) {
      const first = body.errors[0]!;
      throw new ApiQueryError(first.message, first.extensions?.code ?? null);
    }
    if (!body.data) throw new ApiQueryError(`The API answered HTTP ${response.status} with no data.`, null);
    return body.data;
  }
}
