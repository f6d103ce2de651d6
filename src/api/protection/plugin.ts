/** The Apollo plugin that refuses over-limit operations before they execute. */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { ApiContext } from '../context.ts';
import { apiError, ErrorCode } from '../errors.ts';
import type { Limits } from '../limits.ts';
import { analyseOperation } from './analyse.ts';

export function protectionPlugin(limits: Limits): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (!rc.operation || !rc.document) return;
          if (rc.operation.operation !== 'query') {
            // graphql-js 16 only notices a missing root type when executing; say it plainly first.
            throw apiError(ErrorCode.READ_ONLY, `This API is read-only: it answers queries, not ${rc.operation.operation}s.`);
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
