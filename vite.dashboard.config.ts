/**
 * Builds the graph dashboard (src/dashboard) into dist/dashboard/. `base: './'` keeps asset
 * URLs relative, so the server can mount the bundle at `/` or under any prefix.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src/dashboard'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: here('./dist/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // sigma + graphology are one ~250 kB chunk by nature; splitting them buys nothing here.
    chunkSizeWarningLimit: 1200,
  },
});
