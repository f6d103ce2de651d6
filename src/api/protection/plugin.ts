/** The Apollo plugin that refuses over-limit operations before they execute. */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { ApiContext } from '../context.ts';
import { apiError, ErrorCode } from '../errors.ts';
import type { Limits } from '../limits.ts';
import { analyseOperation } from './analyse.ts';

/** `corrections`: the server records corrections, so `mutation { correct(…) }` is allowed. */
export function protectionPlugin(limits: Limits, options: { corrections?: boolean } = {}): ApolloServerPlugin<ApiContext> {
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
          analyseOperation(rc.schema, rc.operation, fragments, rc.request.variables, limits);
        },
      };
    },
  };
}
