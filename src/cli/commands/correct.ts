/**
 * `councilgraph correct merge|split|rename|reject|add …`: writes one correction to the
 * corrections file and applies the file to the store (when there is one), so the graph shows it
 * at once; every later ingest applies it again.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isRelType } from '../../graph/corrections.ts';
import { REL_TYPE_NAMES } from '../../graph/model.ts';
import { kuzuPath } from '../../graph/stores/open.ts';
import { appendCorrection, CorrectionsError, correctionsPath } from '../../ingest/corrections-file.ts';
import { closeSharedPool } from '../../ingest/extract-pool.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { openFor } from './open-store.ts';
import { STORE_OPTIONS, STORE_USAGE, storeOptions } from './store-args.ts';

const USAGE = `councilgraph correct <merge|split|rename|reject|add> … [--note TEXT] [--corrections FILE] [--db PATH | --neo4j URI] [--no-apply]

  correct merge NAME NAME… [--council C]
                these spellings are one person (of council C only, with --council); the first
                name is kept and the others become its aliases
  correct split NAME --document DOC [--document DOC…] [--council C]
                the person called NAME in these documents is someone else: they get a node of
                their own (DOC is a document's path as ingested, e.g. eastholme/2025-10-06.txt)
  correct rename FROM TO [--council C]
                the person called FROM is spelled TO (FROM becomes an alias)
  correct reject RELATION FROM TO [--document DOC]
                this relation is wrong (in DOC only, with --document). FROM and TO are node ids
                (as the API shows them) or a person's name, or an item's title
  correct add RELATION FROM TO [--property KEY=VALUE…]
                this relation is missing; its evidence is this entry of the corrections file

  RELATION is one of ${REL_TYPE_NAMES.join(', ')}.
  --note TEXT   why (kept in the file, shown as the evidence's text)
  --corrections FILE  the file to write (default: $COUNCILGRAPH_CORRECTIONS, else
                corrections.yaml beside the store: ./corrections.yaml for the default ./data)
${STORE_USAGE}
  --no-apply    only write the file (the next ingest applies it)

Corrections are applied after resolution at every ingest, so a re-ingest never undoes them;
\`councilgraph eval --no-corrections\` scores without them.`;

function entryOf(action: string, args: string[], v: Record<string, unknown>): Record<string, unknown> {
  const note = typeof v.note === 'string' ? { note: v.note } : {};
  const council = typeof v.council === 'string' ? { council: v.council } : {};
  const need = (n: number, what: string) => {
    if (args.length < n) throw new CliError(`correct ${action} needs ${what}\nusage: ${USAGE}`);
  };
  const relation = (name: string) => {
    if (!isRelType(name)) throw new CliError(`"${name}" is not a relation; use one of ${REL_TYPE_NAMES.join(', ')}`);
    return name;
  };
  switch (action) {
    case 'merge':
      need(2, 'two or more names');
      return { merge: args, ...council, ...note };
    case 'split': {
      need(1, 'a name');
      const documents = (v.document as string[] | undefined) ?? [];
      if (documents.length === 0) throw new CliError('correct split needs --document DOC: the documents whose person of that name is someone else');
      return { split: args[0], documents, ...council, ...note };
    }
    case 'rename':
      need(2, 'the name as the graph has it and the name it should be');
      return { rename: args[0], to: args[1], ...council, ...note };
    case 'reject': {
      need(3, 'RELATION FROM TO');
      const doc = (v.document as string[] | undefined)?.[0];
      return { reject: relation(args[0]!), from: args[1], to: args[2], ...(doc ? { document: doc } : {}), ...note };
    }
    case 'add': {
      need(3, 'RELATION FROM TO');
      const properties: Record<string, string> = {};
      for (const p of (v.property as string[] | undefined) ?? []) {
        const eq = p.indexOf('=');
        if (eq <= 0) throw new CliError(`--property takes KEY=VALUE (got "${p}")`);
        properties[p.slice(0, eq)] = p.slice(eq + 1);
      }
      return { add: relation(args[0]!), from: args[1], to: args[2], ...(Object.keys(properties).length ? { properties } : {}), ...note };
    }
    default:
      throw new CliError(`unknown correction "${action}"; use merge, split, rename, reject or add\nusage: ${USAGE}`);
  }
}

export const command: Command = {
  summary: 'correct the graph (merge, split, rename people; reject or add relations) in a corrections file that every ingest applies',
  usage: USAGE,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          ...STORE_OPTIONS,
          corrections: { type: 'string' },
          note: { type: 'string' },
          council: { type: 'string' },
          document: { type: 'string', multiple: true },
          property: { type: 'string', multiple: true },
          'no-apply': { type: 'boolean' },
        },
      });
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    const [action, ...rest] = parsed.positionals;
    if (!action) throw new CliError(`say what to correct: merge, split, rename, reject or add\nusage: ${USAGE}`);
    const entry = entryOf(action, rest, parsed.values);
    const options = storeOptions(parsed.values);
    const file = correctionsPath({ ...options, ...(parsed.values.corrections ? { corrections: parsed.values.corrections } : {}) });
    let set;
    try {
      set = appendCorrection(file, entry);
    } catch (err) {
      if (err instanceof CorrectionsError) throw new CliError(err.message);
      throw err;
    }
    console.log(`${file}: added the ${action} correction (${set.entries.length} in the file)`);
    const local = kuzuPath(options);
    if (parsed.values['no-apply'] || (local !== null && !existsSync(local))) {
      console.log(local !== null && !existsSync(local) ? `no store at ${local} yet: the next ingest applies it` : 'not applied: the next ingest applies it');
      return 0;
    }
    const opened = await openFor('ingest', options, (line) => console.error(`councilgraph correct: ${line}`));
    try {
      const summary = await ingestPaths(opened.store, [], { corrections: set });
      for (const w of summary.warnings) console.error(`warning: ${w}`);
      console.log(`applied: ${summary.corrected} document(s) rebuilt with the corrections`);
      await opened.store.refresh?.().catch(() => undefined);
      return 0;
    } finally {
      await closeSharedPool();
      await opened.close();
    }
  },
};
