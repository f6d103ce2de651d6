/** Mutation.correct: checks an analyst's correction and hands it to the server's sink. */
import { checkCorrection, type CorrectionInput } from '../corrections.ts';
import type { ApiContext } from '../context.ts';
import { apiError, ErrorCode } from '../errors.ts';
import { findEntity } from './query.ts';

export const correctResolvers = {
  Mutation: {
    async correct(_: unknown, args: { input: CorrectionInput }, ctx: ApiContext) {
      const sink = ctx.corrections;
      if (!sink) throw apiError(ErrorCode.READ_ONLY, 'This server keeps no corrections file, so it cannot record corrections.');
      const checked = checkCorrection(args.input);
      if (typeof checked === 'string') throw apiError(ErrorCode.BAD_USER_INPUT, checked);
      const found = await Promise.all(checked.ids.map((id) => findEntity(id, ctx)));
      const missing = checked.ids.filter((_, i) => !found[i]);
      if (missing.length) {
        throw apiError(ErrorCode.BAD_USER_INPUT, `No entity has the id ${missing.map((m) => JSON.stringify(m)).join(', ')}; take ids from the graph (search, entity).`);
      }
      if (checked.evidence && !(await ctx.loaders.node('Document', checked.evidence.source))) {
        throw apiError(ErrorCode.BAD_USER_INPUT, `evidence.source ${JSON.stringify(checked.evidence.source)} is not a stored document.`);
      }
      const receipt = await sink.record(checked);
      if (receipt.applied) ctx.graphChanged();
      return { ...receipt, kind: checked.kind };
    },
  },
};
