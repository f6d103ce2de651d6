/**
 * Resolvers for the schema's conventions (src/api/conventions.ts): the typed kinds beside the
 * string ones, and `…Count` fields.
 *
 * `…Count` fields: how many a paged list holds with the same filters. Resolved through the list's
 * own resolver, page by page at the largest page the API allows, so a count always agrees with
 * what paging through the list gives, whatever store, ordering or filter the list uses.
 */
import type { ApiContext } from '../context.ts';
import type { ResolverMap } from './relations.ts';

type ListResolver = (parent: unknown, args: Record<string, unknown>, ctx: ApiContext, info: unknown) => Promise<unknown[]> | unknown[];

export function countResolvers(resolvers: ResolverMap, lists: readonly { type: string; field: string; count: string }[]): ResolverMap {
  const out: ResolverMap = {};
  for (const { type, field, count } of lists) {
    const list = resolvers[type]?.[field] as ListResolver | undefined;
    if (typeof list !== 'function') throw new Error(`${type}.${count}: ${type}.${field} has no resolver to count through; add one (src/api/resolvers) or drop the count from schema.graphql`);
    (out[type] ??= {})[count] = async (parent: unknown, args: Record<string, unknown>, ctx: ApiContext, info: unknown) => {
      const size = ctx.limits.maxFirst;
      // Counting pages past the clients' offset limit: that limit bounds what one request may
      // ask a list for, and a count is one answer however deep it reads.
      const deep = Object.create(ctx, { limits: { value: { ...ctx.limits, maxOffset: Number.MAX_SAFE_INTEGER } } }) as ApiContext;
      let total = 0;
      for (let offset = 0; ; offset += size) {
        const page = await list(parent, { ...args, first: size, offset }, deep, info);
        total += page.length;
        if (page.length < size) return total;
      }
    };
  }
  return out;
}

/** The kinds as enums: the stored values are the enum values. */
export const kindResolvers: ResolverMap = {
  Person: { personKind: (p: { kind: string }) => p.kind },
  Body: { bodyKind: (b: { kind: string }) => b.kind },
};
