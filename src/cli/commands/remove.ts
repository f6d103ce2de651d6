/**
 * `councilgraph remove [--db PATH | --neo4j URI] [--root DIR] FILE|ID…`: removes documents from
 * the store with all their facts, and recomputes what cross-document resolution derived from
 * them (a meeting published twice keeps the other publication's facts; a person's other
 * spellings may split), in one transaction. Prints what it removed.
 */
import { parseArgs } from 'node:util';
import { describeStore } from '../../graph/stores/open.ts';
import { removeDocuments } from '../../ingest/ingest.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { openFor } from './open-store.ts';
import { STORE_OPTIONS, STORE_USAGE, storeOptions } from './store-args.ts';

const USAGE = 'councilgraph remove [--db PATH | --neo4j URI] [--root DIR] <file|folder|id>…';

export const command: Command = {
  summary: 'remove documents (by path, folder or id) and every fact that came from them',
  usage: `${USAGE}

${STORE_USAGE}
  --root DIR    paths are taken relative to DIR, as ingest named them (default: the working directory)

A name is a document id as the API shows it ("doc:a/minutes.txt"), a path under the root as
ingest named it ("a/minutes.txt"; the file need not exist any more), or a folder: every
document ingested from under it. Exits 1 when a name matches no stored document.`,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { ...STORE_OPTIONS, root: { type: 'string' } } });
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    if (parsed.positionals.length === 0) throw new CliError(`name at least one document to remove\nusage: ${USAGE}`);
    const options = storeOptions(parsed.values);
    // As an ingest: one at a time, through the server when one serves the store.
    const opened = await openFor('remove', options, (line) => console.error(`councilgraph remove: ${line}`));
    const store = opened.store;
    try {
      const summary = await removeDocuments(store, parsed.positionals, { root: parsed.values.root });
      if (summary.error) throw new CliError(`nothing was removed: ${summary.error}`, 1);
      console.log(`removed ${summary.removed.length} document${summary.removed.length === 1 ? '' : 's'} from ${describeStore(options)}${summary.removed.length ? ':' : ''}`);
      for (const p of summary.removed) console.log(`  ${p}`);
      if (summary.reresolved) console.log(`re-resolved: ${summary.reresolved} stored document(s) whose cross-document identities the removal moved`);
      for (const u of summary.unknown) console.error(`not in the store: ${u}`);
      await store.refresh?.().catch(() => undefined);
      return summary.unknown.length > 0 ? 1 : 0;
    } finally {
      await opened.close();
    }
  },
};
