/**
 * The checks a query's text passes before Apollo parses and validates it: its length, then its
 * shape (shape.ts) on our own parse, bounded by `maxTokens`. Texts that passed are remembered
 * (bounded by bytes), so a repeated query costs one lookup here; Apollo keeps its own parsed
 * and validated copy.
 */
import { type GraphQLFormattedError, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../errors.ts';
import type { Limits } from '../limits.ts';
import { checkShape } from './shape.ts';

export interface Refusal {
  status: number;
  error: GraphQLFormattedError;
}

const ACCEPTED_BYTES = 4 * 1024 * 1024;

export class QueryGate {
  private readonly accepted = new LRUCache<string, true>({
    maxSize: ACCEPTED_BYTES,
    sizeCalculation: (_v, key) => key.length * 2 + 64,
  });

  constructor(private readonly limits: Limits) {}

  /** null when the text may go on to Apollo; otherwise what to answer instead. */
  check(text: string): Refusal | null {
    if (text.length > this.limits.maxQueryChars) {
      return refusal(
        413,
        ErrorCode.QUERY_TOO_LARGE,
        `The query is ${text.length} characters long, above the limit of ${this.limits.maxQueryChars}; send a shorter query.`,
      );
    }
    if (this.accepted.has(text)) return null;
    let doc;
    try {
      doc = parse(text, { maxTokens: this.limits.maxTokens, noLocation: true });
    } catch {
      // Apollo parses it again and reports the syntax error with its location.
      return null;
    }
    try {
      checkShape(doc, this.limits);
    } catch (err) {
      const e = err as { message: string; extensions?: { code?: string } };
      return refusal(400, (e.extensions?.code as ErrorCode) ?? ErrorCode.QUERY_TOO_COMPLEX, e.message);
    }
    this.accepted.set(text, true);
    return null;
  }
}

function refusal(status: number, code: ErrorCode, message: string): Refusal {
  return { status, error: { message, extensions: { code } } };
}
