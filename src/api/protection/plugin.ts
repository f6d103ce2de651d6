/**
 * The Apollo plugin that refuses over-limit operations before they execute (argument bounds
 * and cost: cost.ts), and stamps every error with the request's id so a client's report can be
 * matched with the server's log line.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { ApiContext } from '../context.ts';
import { apiError, ErrorCode } from '../errors.ts';
import type { Limits } from '../limits.ts';
import { analyseOperation } from './cost.ts';
import type { ListEstimates } from './estimates.ts';

/** `corrections`: the server records corrections, so `mutation { correct(…) }` is allowed. */
export function protectionPlugin(limits: Limits, estimates: () => ListEstimates, options: { corrections?: boolean } = {}): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (!rc.operation || !rc.document) return;
          const op = rc.operation.operation;
          if (op === 'subscription' || (op === 'mutation' && !options.corrections)) {
            // graphql-js 16 only notices a missing root type when executing; say it plainly first.
            throw apiError(
              ErrorCode.READ_ONLY,
              op === 'mutation'
                ? 'This API is read-only here: the server keeps no corrections file, so it answers queries, not mutations.'
                : `This API is read-only: it answers queries, not ${op}s.`,
            );
          }
          const fragments = rc.document.definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          );
          const { cost } = analyseOperation(rc.schema, rc.operation, fragments, rc.request.variables, limits, estimates());
          rc.contextValue.report.cost = cost;
        },
        async didEncounterErrors(rc) {
          for (const error of rc.errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              const original = error.originalError ?? error;
              rc.contextValue.logger.error({ requestId: rc.contextValue.requestId, path: error.path?.join('.'), err: original }, 'internal error answering a query');
            }
          }
        },
        async willSendResponse(rc) {
          const body = rc.response.body;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          body.singleResult.errors = body.singleResult.errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: rc.contextValue.requestId },
          }));
        },
      };
    },
  };
}
