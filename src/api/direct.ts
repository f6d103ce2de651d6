/**
 * The common request, a valid query sent as JSON, executed without Apollo's request pipeline:
 * graphql-js `execute` over the schema Apollo serves (schema.ts), after the same protection
 * (protection/cost.ts) and with errors formatted as Apollo formats them (codes, masking, the
 * request id, HTTP status from `extensions.http`).
 *
 * Why: Apollo's pipeline (a sha256 of the query text, content negotiation, a dozen awaited plugin
 * hooks, header maps) cost as much server CPU as executing the headline query itself. Anything
 * this path does not handle exactly as Apollo would (a parse or validation error, a mutation, a
 * choice of operation that fails, variables that do not coerce, a refused cost, another response
 * type) it declines before a resolver runs, and Apollo answers it.
 */
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { ApiContext } from './context.ts';
import { ErrorCode } from './errors.ts';
import type { Limits } from './limits.ts';
import { analyseOperation } from './protection/cost.ts';
import type { ListEstimates } from './protection/estimates.ts';

/** A query text parsed and validated once, with the operation to run. */
interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
}

export interface DirectRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface DirectResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface DirectOptions {
  limits: Limits;
  estimates: () => ListEstimates;
  production: boolean;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const PREPARED_BYTES = 8 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

export class DirectExecutor {
  /** Query texts (with the operation name) → their prepared operation, or false: Apollo answers it. */
  private readonly prepared = new LRUCache<string, Prepared | false>({
    maxSize: PREPARED_BYTES,
    sizeCalculation: (_v, key) => key.length * 4 + 256,
  });

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: DirectOptions,
  ) {}

  /**
   * The body of a POST this path may answer, read from its JSON: a query text, variables as an
   * object and an operation name as a string when given, nothing else (no persisted-query
   * extensions, no batches). Null otherwise.
   */
  static requestOf(body: unknown): DirectRequest | null {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
    const b = body as Record<string, unknown>;
    if (typeof b.query !== 'string') return null;
    for (const k in b) if (k !== 'query' && k !== 'variables' && k !== 'operationName') return null;
    const v = b.variables;
    if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v))) return null;
    const op = b.operationName;
    if (op !== undefined && op !== null && typeof op !== 'string') return null;
    return { query: b.query, variables: v as Record<string, unknown> | null | undefined, operationName: op as string | null | undefined };
  }

  /** Whether a response to this `accept` header would be plain JSON from Apollo too. */
  static acceptsJson(accept: string | undefined): boolean {
    if (accept === undefined) return true;
    const a = accept.trim().toLowerCase();
    return a === '' || a === '*/*' || a === 'application/json' || a === 'application/json; charset=utf-8';
  }

  private prepare(query: string, operationName: string | null | undefined): Prepared | null {
    const key = `${operationName ?? ''}\u0000${query}`;
    const known = this.prepared.get(key);
    if (known !== undefined) return known || null;
    let found: Prepared | false = false;
    try {
      const document = parse(query, { maxTokens: this.options.limits.maxTokens });
      const operation = getOperationAST(document, operationName);
      if (operation && operation.operation === 'query' && validate(this.schema, document, specifiedRules).length === 0) {
        const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
        found = { document, operation, fragments };
      }
    } catch {
      // A syntax error: Apollo reports it with its location.
    }
    this.prepared.set(key, found);
    return found || null;
  }

  /**
   * Runs `request` with `ctx`, or resolves to null before any resolver has run when Apollo must
   * answer it instead.
   */
  async run(request: DirectRequest, ctx: ApiContext): Promise<DirectResponse | null> {
    const prepared = this.prepare(request.query, request.operationName);
    if (!prepared) return null;
    const variables = request.variables ?? undefined;
    try {
      ctx.report.cost = analyseOperation(this.schema, prepared.operation, prepared.fragments, variables, this.options.limits, this.options.estimates()).cost;
    } catch {
      // Refused (or unpriceable): Apollo runs the same analysis and answers with its error.
      ctx.report.cost = null;
      return null;
    }
    const result = await execute({
      schema: this.schema,
      document: prepared.document,
      contextValue: ctx,
      variableValues: variables,
      operationName: request.operationName ?? undefined,
    });
    // No data: the variables did not coerce (nothing ran); Apollo words that and answers 400.
    if (result.data === undefined) return null;
    const headers: Record<string, string> = { 'content-type': JSON_TYPE };
    if (!result.errors?.length) return { status: 200, headers, body: `${JSON.stringify({ data: result.data, extensions: result.extensions })}\n` };
    let status: number | undefined;
    const errors = result.errors.map((error) => {
      const code = error.extensions?.code;
      if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
        ctx.logger.error({ requestId: ctx.requestId, path: error.path?.join('.'), err: error.originalError ?? error }, 'internal error answering a query');
      }
      const { formatted, http } = this.format(error);
      if (http?.status !== undefined) status = http.status;
      if (http?.headers) for (const [k, v] of http.headers) headers[k] = v;
      return { ...formatted, extensions: { ...formatted.extensions, requestId: ctx.requestId } };
    });
    return { status: status ?? 200, headers, body: `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n` };
  }

  /** As Apollo's normalizeAndFormatErrors: a code always, the HTTP hints taken out, stack traces outside production. */
  private format(error: GraphQLError): { formatted: GraphQLFormattedError; http: { status?: number; headers?: Map<string, string> } | null } {
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR };
    let http: { status?: number; headers?: Map<string, string> } | null = null;
    const hint = extensions.http as { status?: unknown; headers?: unknown } | undefined;
    if (hint && typeof hint === 'object' && (!('status' in hint) || typeof hint.status === 'number') && (!('headers' in hint) || hint.headers instanceof Map)) {
      http = hint as { status?: number; headers?: Map<string, string> };
      delete extensions.http;
    }
    if (!this.options.production) extensions.stacktrace = error.stack?.split('\n');
    const enriched: GraphQLFormattedError = { ...error.toJSON(), extensions };
    try {
      return { formatted: this.options.formatError(enriched, error), http };
    } catch (formattingError) {
      if (!this.options.production) return { formatted: { message: String((formattingError as Error)?.message ?? formattingError), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }, http };
      return { formatted: { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }, http };
    }
  }
}
