/**
 * `councilgraph start` (`npm start`): the one-command tour. Builds the browser bundles if
 * they are missing, ingests the sample minutes shipped in ingest/ into the embedded store
 * (unchanged files are skipped, so a restart is quick), then serves on port 4000.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeStore, kuzuPath } from '../../graph/stores/open.ts';
import { closeSharedPool } from '../../ingest/extract-pool.ts';
import { formatSummary, ingestPaths } from '../../ingest/ingest.ts';
import { correctionsPath } from '../../ingest/corrections-file.ts';
import { correctionsFor } from './correction-args.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { openFor } from './open-store.ts';
import { devMode, serveStore } from './serve.ts';
import { portArg } from './store-args.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SAMPLES_DIR = `${ROOT}ingest`;
const USAGE = 'councilgraph start [--db PATH] [--port 4000] [--host 127.0.0.1] [--samples DIR] [--dev]';

/** Bundles whose Vite config exists but whose output does not (a clone without `npm install`'s prepare). */
function missingBundles(): string[] {
  return ['playground', 'dashboard'].filter(
    (name) => existsSync(`${ROOT}vite.${name}.config.ts`) && !existsSync(`${ROOT}dist/${name}/index.html`),
  );
}

export const command: Command = {
  summary: 'ingest the sample minutes (ingest/) into the embedded store, then serve on port 4000',
  usage: `${USAGE}

  --db PATH      the embedded Kuzu store (default: $COUNCILGRAPH_DB or ./data)
  --port N       port to listen on (default: $PORT or 4000)
  --host ADDR    address to listen on (default: $HOST or 127.0.0.1)
  --samples DIR  minutes to ingest first (default: the ingest/ folder shipped with councilgraph)
  --dev          send internal error details to clients (also NODE_ENV=development)`,
  async run(args) {
    let values;
    try {
      values = parseArgs({
        args,
        options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, samples: { type: 'string' }, dev: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    const port = portArg(values.port ?? process.env.PORT, 4000);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const samples = values.samples ?? SAMPLES_DIR;
    if (!existsSync(samples)) throw new CliError(`no sample minutes at ${samples}; pass --samples DIR`);

    const missing = missingBundles();
    if (missing.length) {
      console.log(`building the ${missing.join(' and ')} (first start only)…`);
      const { execFileSync } = await import('node:child_process');
      execFileSync(process.execPath, ['--import', 'tsx', `${ROOT}src/cli/build-web.ts`], { cwd: ROOT, stdio: 'inherit' });
    }

    // The embedded store: `start` is the zero-setup path, so NEO4J_URI is not consulted here.
    const options = { db: values.db ?? process.env.COUNCILGRAPH_DB ?? './data' };
    // As an ingest (it creates the store, and takes its turn with other ingests), then serves.
    const opened = await openFor('ingest', options, (line) => console.error(`councilgraph start: ${line}`));
    if (opened.via) {
      await opened.close();
      throw new CliError(`a councilgraph server (process ${opened.via}) already serves ${describeStore(options)}; open it, or pass --db for another store`, 1);
    }
    const store = opened.store;
    try {
      console.log(`ingesting ${samples} into ${describeStore(options)}`);
      const summary = await ingestPaths(store, [samples], {
        root: dirname(resolvePath(samples)),
        corrections: correctionsFor({}, options),
        progress: Boolean(process.stderr.isTTY),
        log: (line) => console.error(line),
      });
      await closeSharedPool();
      console.log(formatSummary(summary, 3));
      if (summary.failures.length) console.log('(some files failed; serving what was ingested)');
      await store.refresh?.();
      // Other ingests may go in (through this server) from now on.
      opened.release();
      return await serveStore(store, { port, host, label: describeStore(options), sharePath: kuzuPath(options), dev: devMode(values.dev), corrections: correctionsPath(options) });
    } finally {
      await opened.close();
    }
  },
};
