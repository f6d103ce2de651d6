/**
 * Error codes the API answers with (in `extensions.code`), so clients and tests can tell a
 * refused query from a failed one without parsing messages.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  DEPTH_LIMIT_EXCEEDED: 'DEPTH_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  ALIAS_LIMIT_EXCEEDED: 'ALIAS_LIMIT_EXCEEDED',
  /** Too many fragment spreads, too large once fragments are expanded, or one field repeated. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  READ_ONLY: 'READ_ONLY',
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error the client caused and can fix: the message says what to change. */
export function apiError(code: ErrorCode, message: string, httpStatus = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: httpStatus } } });
}
