/**
 * Builds the browser bundles (GraphQL playground, dashboard) with Vite, then writes a Brotli
 * and a gzip copy beside each text file, which the server sends to clients that accept them
 * (the GraphiQL bundle: 987 KB raw, ~320 KB gzipped, less in Brotli). Runs from `prepare`, so
 * `npm install` leaves them ready; a bundle whose sources are absent is skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map|wasm)$/;
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 1024;

function compressTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compressTree(path);
      continue;
    }
    if (!COMPRESSIBLE.test(name) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
  }
}

const BUNDLES = ['vite.playground.config.ts', 'vite.dashboard.config.ts'];

for (const config of BUNDLES) {
  if (!existsSync(config)) continue;
  await build({ configFile: config, logLevel: 'warn' });
  compressTree(join('dist', config.replace(/^vite\.|\.config\.ts$/g, '')));
  console.log(`built ${config.replace(/^vite\.|\.config\.ts$/g, '')}`);
}
