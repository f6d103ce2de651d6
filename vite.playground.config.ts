/**
 * Builds the GraphQL playground (self-hosted GraphiQL, src/playground) into dist/playground/.
 * The server sends its index.html at GET /graphql and its assets under /playground/, hence
 * the absolute base: relative URLs would resolve against /graphql and miss.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src/playground'),
  base: '/playground/',
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: here('./dist/playground'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // GraphiQL with its editors is one ~1.5 MB bundle; it is served locally, once, and cached.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's UI libraries mark modules "use client" for React Server Components; irrelevant here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
