/**
 * `councilgraph ingest [--db PATH | --neo4j URI] <file|dir>…`: reads minutes into the store,
 * each document all or nothing, and exits non-zero naming any file that failed.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeStore } from '../../graph/stores/open.ts';
import { closeSharedPool } from '../../ingest/extract-pool.ts';
import { DEFAULT_WRITE_GROUP, formatSummary, ingestPaths } from '../../ingest/ingest.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { openFor } from './open-store.ts';
import { STORE_OPTIONS, STORE_USAGE, storeOptions } from './store-args.ts';
import { CORRECTION_OPTIONS, CORRECTION_USAGE, correctionsFor } from './correction-args.ts';

const USAGE = 'councilgraph ingest [--db PATH | --neo4j URI] [--root DIR] [--prune] [--group N] [--url URL] [--corrections FILE | --no-corrections] [--quiet] <file|dir>…';

export const command: Command = {
  summary: 'read minutes (.txt .md .html .htm .pdf; folders are walked) into the graph store',
  usage: `${USAGE}

${STORE_USAGE}
  --root DIR    documents are named by their path under DIR (default: the working directory);
                a file outside it is refused. Clients see that relative path, never DIR.
  --prune       also remove the documents once ingested from under the folders given whose
                files are gone (their facts, and what other documents derived from them)
  --group N     documents per transaction (default ${DEFAULT_WRITE_GROUP.kuzu} on Kuzu, ${DEFAULT_WRITE_GROUP.neo4j} on Neo4j; 1 = one each).
                Every document is all or nothing either way: a group that fails is
                retried one document per transaction.
  --url URL     where the one file given is published (http or https), shown and cited
                with its evidence; an HTML page's canonical link is read by itself
${CORRECTION_USAGE}
  --quiet       no progress, only the summary

Re-ingesting an unchanged file changes nothing; a changed file replaces the facts of its
previous version; a renamed file with the same content is recognised (its old name goes).
Each document is all or nothing: a file that fails (unreadable, over its time or memory
budget: COUNCILGRAPH_DOC_SECONDS, default 60, COUNCILGRAPH_DOC_MB, default 1024) leaves the
store as it was before that file, the others still go in, and the exit status is 1 naming
the failures. After every commit the graph is what one clean ingest of the documents then
stored gives, whatever the order or grouping of runs; an interrupted ingest (even killed)
can simply be run again.
The only command that creates a store. While \`councilgraph serve\` serves the store, the
documents go in through the server, which shows them straight away; two ingests into one
store take turns (the second says it is waiting).`,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { ...STORE_OPTIONS, ...CORRECTION_OPTIONS, quiet: { type: 'boolean' }, group: { type: 'string' }, root: { type: 'string' }, prune: { type: 'boolean' }, url: { type: 'string' } } });
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    const paths = parsed.positionals;
    if (paths.length === 0) throw new CliError(`name at least one file or folder to ingest\nusage: ${USAGE}`);
    const options = storeOptions(parsed.values);
    const quiet = parsed.values.quiet ?? false;
    const group = parsed.values.group === undefined ? undefined : Number(parsed.values.group);
    if (group !== undefined && !(Number.isInteger(group) && group >= 1)) {
      throw new CliError(`--group must be a whole number of documents, 1 or more (got "${parsed.values.group}")`);
    }
    const url = parsed.values.url;
    if (url !== undefined) {
      if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) {
        throw new CliError(`--url must be the http or https address the minutes are published at (got "${url}")`);
      }
      if (paths.length !== 1 || !statSync(paths[0]!, { throwIfNoEntry: false })?.isFile()) {
        throw new CliError(`--url names where one document is published: give exactly one file with it (got ${paths.join(' ')})`);
      }
    }
    const corrections = correctionsFor(parsed.values, options);
    const say = (line: string) => console.error(`councilgraph ingest: ${line}`);
    const opened = await openFor('ingest', options, say);
    const store = opened.store;
    try {
      if (!quiet) console.error(`ingesting into ${describeStore(options)}${opened.via ? ` through the server that serves it (process ${opened.via})` : ''}`);
      const summary = await ingestPaths(store, paths, {
        progress: !quiet && Boolean(process.stderr.isTTY),
        group,
        root: parsed.values.root,
        prune: parsed.values.prune ?? false,
        corrections,
        ...(url !== undefined ? { url } : {}),
        log: quiet ? () => undefined : (line) => console.error(line),
      });
      // The full-text indexes, built now so that searches of the store (read-only ones too) use
      // them. Not a failure of the ingest if it cannot: the next serve or ingest builds them.
      await store.refresh?.().catch((err: Error) => say(`the documents are in, but the search indexes could not be rebuilt (${err.message}); searches match substrings until the next ingest or serve`));
      console.log(formatSummary(summary));
      return summary.failures.length > 0 ? 1 : 0;
    } finally {
      await closeSharedPool();
      await opened.close();
    }
  },
};
